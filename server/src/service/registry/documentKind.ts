import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Hover, Position } from 'vscode-languageserver-types';
import type { Question } from '../../protocol/quiz';
import type { DocumentStatus } from '../../protocol/status';
import type { Settings } from '../../protocol/settings';
import type { DocumentPaths, LanguageFamily } from '../common/documentPaths';
import type { Finding, RuleDefinition } from '../common/findings';

/**
 * The contract every kind of document (IAM policy, buildspec, AppSpec, study note…) fulfils.
 * The language service, the LSP server, the CLI and the quiz only ever talk to kinds through
 * this interface and the registry (`kinds.ts`), so adding a kind is its own folder plus one
 * line there.
 */

/** What detection may look at: cheap facts about the document, never a parse. */
export interface DetectionInput {
  readonly document: TextDocument;
  readonly family: LanguageFamily;
  readonly paths: DocumentPaths | undefined;
  readonly settings: Settings;
  readonly workspaceRoot: string | undefined;
  /** A policy kind forced by the caller (the CLI's --kind). */
  readonly forcedPolicyKind?: string;
}

/**
 * A kind's claim on a document: the parts of detection that change the analysis, as a cache key,
 * plus whatever the kind needs to analyse it.
 */
export interface Claim<Detail = unknown> {
  readonly key: string;
  readonly detail: Detail;
}

/** What every analysis has: its findings, sorted by position, and how long it took. */
export interface Analysis {
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
}

/** What to look up in the notes for the token under the cursor, and which services' notes to prefer. */
export interface NoteQuery {
  readonly text: string;
  readonly boostServices: readonly string[];
}

/** Called when one rule throws, so that it can be logged while the other rules' findings stand. */
export type RuleErrorHandler = (rule: string, error: unknown) => void;

export type StatusOf<T extends DocumentStatus['documentType']> = Omit<Extract<DocumentStatus, { documentType: T }>, 'catalogVersion' | 'notes'>;

export interface DocumentKind<A extends Analysis = Analysis, Detail = unknown> {
  /** The document type reported in the status (and used as the rule-name prefix's owner). */
  readonly id: Exclude<DocumentStatus['documentType'], 'none'>;
  /** The kind's rules, in code order. */
  readonly rules: readonly RuleDefinition[];
  /** The rule reported when findings are capped at `maxProblems`. */
  readonly tooManyProblems: RuleDefinition;
  /** Services whose notes hovers and searches prefer in documents of this kind. */
  readonly noteServices: readonly string[];
  /** The name a notes search uses for "from a document of this kind" (`--context`, SearchNotesParams.context). */
  readonly searchContext?: string;
  /** Whether this kind takes the document; undefined leaves it to the next kind. */
  claim(input: DetectionInput): Claim<Detail> | undefined;
  /** Analyses the document once per version; undefined when it turns out not to be of this kind after all. */
  analyze(document: TextDocument, claim: Claim<Detail>, onRuleError: RuleErrorHandler): A | undefined;
  status(analysis: A): StatusOf<DocumentStatus['documentType']>;
  /** The kind as reports (CLI JSON/SARIF) name it, e.g. the policy kind for a policy. */
  reportKind(analysis: A): string;
  hover?(document: TextDocument, analysis: A, position: Position): Hover | undefined;
  noteQuery?(document: TextDocument, analysis: A, position: Position): NoteQuery | undefined;
  /**
   * Where hovers are likely (a policy's action names), one position per distinct target: the
   * server hovers there in idle time after an analysis, so that the user's first hover finds the
   * service documentation read and the notes excerpts searched.
   */
  hoverTargets?(document: TextDocument, analysis: A): readonly Position[];
  completion?(document: TextDocument, analysis: A, position: Position): CompletionList | undefined;
  /** The services (lower-case prefixes such as "s3") a quiz on this document should ask about. */
  quizTopics?(document: TextDocument, analysis: A): readonly string[];
  /** Questions about what the document itself uses (its actions, hooks…), asked before its services' notes. */
  fileQuestions?(document: TextDocument, analysis: A, file: string): readonly Question[];
  /** The deployment lifecycle as Markdown, for kinds that have one. */
  lifecycle?(analysis: A): { readonly platform: string; readonly markdown: string } | undefined;
}

/** What the service hands every kind when it is created. */
export interface KindResources {
  /** The AWS authorization catalog, loaded on first use. */
  readonly catalog: () => import('../iam/catalog/catalog').IamCatalog;
  /** The study-notes index, when the caller has one. */
  readonly notes?: import('../notes/service').NotesService;
  /**
   * Another kind of the same service, by id: a kind that embeds documents of another (policies
   * inside CloudFormation templates) analyses them through that kind's contract instead of
   * importing its folder. Looked up lazily, so creation order does not matter.
   */
  readonly kind?: (id: DocumentKind['id']) => DocumentKind | undefined;
}

/**
 * A kind as the registry lists it: its rules (readable without creating the kind, for the
 * manifest, docs and SARIF) and how to create it.
 */
export interface KindModule {
  readonly id: DocumentKind['id'];
  readonly rules: readonly RuleDefinition[];
  /** Kinds claim a document in ascending priority; the first claim wins. */
  readonly claimPriority: number;
  /** Undefined when the kind cannot work with these resources (notes without a notes index). */
  create(resources: KindResources): DocumentKind | undefined;
}

import type { Question } from '../protocol/quiz';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { COMMANDS } from '../protocol';
import type { DocumentStatus } from '../protocol/status';
import type { Settings } from '../protocol/settings';
import { codeActionsFromFixes } from './common/codeActions';
import { documentPaths, languageFamily } from './common/documentPaths';
import { capFindings, type RuleDefinition } from './common/findings';
import { rangeOf } from './common/text';
import { IamCatalog } from './iam/catalog/catalog';
import type { NotesService } from './notes/service';
import type { Analysis, Claim, DocumentKind } from './registry/documentKind';
import { ALL_RULES, createKinds } from './registry/kinds';
import { toDiagnostic } from './registry/severity';
import { DEFAULT_SETTINGS } from './settings';

/**
 * The VS Code–free analysis service. The language server and the CLI are thin adapters
 * over it, so both always report the same thing. It asks the registered document kinds which
 * one a document is, analyses it once per version with that kind, and hands the analysis to
 * the same kind for hovers, completion, status and quiz topics.
 */

export { DIAGNOSTIC_SOURCE, effectiveSeverity } from './registry/severity';

export interface DocumentContext {
  readonly settings?: Settings;
  /** Workspace folder the document belongs to, for workspace-relative globs. */
  readonly workspaceRoot?: string;
  /** A policy kind forced by the caller (the CLI's --kind). */
  readonly kind?: string;
}

export interface LanguageService {
  readonly catalog: IamCatalog;
  readonly rules: readonly RuleDefinition[];
  diagnostics(document: TextDocument, context?: DocumentContext): Diagnostic[];
  hover(document: TextDocument, position: Position, context?: DocumentContext): Hover | undefined;
  completion(document: TextDocument, position: Position, context?: DocumentContext): CompletionList | undefined;
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  status(document: TextDocument, context?: DocumentContext): DocumentStatus;
  /** What the CLI reports for a document: its kind as reports name it and its diagnostics; undefined when no kind claims it. */
  check(document: TextDocument, context?: DocumentContext): { kind: string; diagnostics: Diagnostic[] } | undefined;
  /** The services a quiz about this document should ask about (empty when it is of no kind). */
  quizTopics(document: TextDocument, context?: DocumentContext): readonly string[];
  /** Questions about what the document itself uses, with the file path as their source. */
  fileQuestions(document: TextDocument, file: string, context?: DocumentContext): readonly Question[];
  /** The services whose notes a search from a kind of document should prefer (by its search context: iam, buildspec, appspec). */
  noteServices(searchContext: string): readonly string[];
  /** The deployment lifecycle as Markdown, for kinds that have one. */
  deploymentLifecycle(document: TextDocument, context?: DocumentContext): { platform: string; markdown: string } | undefined;
  /** Forget a closed document's cached analysis. */
  forget(uri: string): void;
  /**
   * Work worth doing in idle time after an analysis, as small jobs: the hovers the user is likely
   * to ask for next (see DocumentKind.hoverTargets), so that each first hover is as fast as the others.
   */
  warmUp(document: TextDocument, context?: DocumentContext): (() => void)[];
}

export interface LanguageServiceOptions {
  readonly catalog?: IamCatalog;
  /** The study-notes index; without it hovers have no "From your notes" part and notes are not linted. */
  readonly notes?: NotesService;
  readonly log?: (message: string) => void;
}

/** A document's analysis together with the kind that made it. */
interface Analysed {
  readonly kind: DocumentKind;
  readonly analysis: Analysis;
}

interface CacheEntry {
  readonly version: number;
  readonly key: string;
  readonly analysed: Analysed | undefined;
  /** The context the claim was decided in: the same objects again skip detection (hovers, completion). */
  readonly settings: Settings;
  readonly workspaceRoot: string | undefined;
  readonly forcedKind: string | undefined;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let catalog = options.catalog;
  const catalogOf = (): IamCatalog => (catalog ??= IamCatalog.load());
  const notes = options.notes;
  const kinds = createKinds({ catalog: catalogOf, notes });
  const cache = new Map<string, CacheEntry>();
  const log = options.log ?? (() => undefined);

  function analysedOf(document: TextDocument, context: DocumentContext = {}): Analysed | undefined {
    const settings = context.settings ?? DEFAULT_SETTINGS;
    const last = cache.get(document.uri);
    if (
      last &&
      last.version === document.version &&
      last.settings === settings &&
      last.workspaceRoot === context.workspaceRoot &&
      last.forcedKind === context.kind
    ) {
      return last.analysed;
    }
    const input = {
      document,
      family: languageFamily(document),
      paths: documentPaths(document.uri, context.workspaceRoot),
      settings,
      workspaceRoot: context.workspaceRoot,
      forcedPolicyKind: context.kind,
    };
    let kind: DocumentKind | undefined;
    let claim: Claim | undefined;
    for (const candidate of kinds) {
      claim = candidate.claim(input);
      if (claim) {
        kind = candidate;
        break;
      }
    }
    const key = `${claim?.key ?? 'none'}|${settings.maxProblems}`;
    const cached = cache.get(document.uri);
    const decided = { settings, workspaceRoot: context.workspaceRoot, forcedKind: context.kind };
    if (cached && cached.version === document.version && cached.key === key) {
      cache.set(document.uri, { ...cached, ...decided });
      return cached.analysed;
    }
    let analysed: Analysed | undefined;
    if (kind && claim) {
      const onRuleError = (rule: string, error: unknown) =>
        log(`rule ${rule} failed on ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      const analysis = kind.analyze(document, claim, onRuleError);
      if (analysis) {
        const findings = capFindings(analysis.findings, settings.maxProblems, kind.tooManyProblems, rangeOf(document, 0, 1));
        analysed = { kind, analysis: findings === analysis.findings ? analysis : { ...analysis, findings } };
      }
    }
    cache.set(document.uri, { version: document.version, key, analysed, ...decided });
    return analysed;
  }

  return {
    get catalog() {
      return catalogOf();
    },
    rules: ALL_RULES,
    diagnostics(document, context = {}) {
      const analysed = analysedOf(document, context);
      if (!analysed) return [];
      const settings = context.settings ?? DEFAULT_SETTINGS;
      const diagnostics: Diagnostic[] = [];
      for (const finding of analysed.analysis.findings) {
        const diagnostic = toDiagnostic(finding, settings, document.version);
        if (diagnostic) diagnostics.push(diagnostic);
      }
      return diagnostics;
    },
    check(document, context = {}) {
      const analysed = analysedOf(document, context);
      if (!analysed) return undefined;
      return { kind: analysed.kind.reportKind(analysed.analysis), diagnostics: this.diagnostics(document, context) };
    },
    hover(document, position, context = {}) {
      const analysed = analysedOf(document, context);
      if (!analysed) return undefined;
      const { kind, analysis } = analysed;
      const hover = kind.hover?.(document, analysis, position);
      if (!hover || !notes) return hover;
      const query = kind.noteQuery?.(document, analysis, position);
      return query ? withNotes(hover, notes.hoverMarkdown(query.text, query.boostServices)) : hover;
    },
    completion(document, position, context = {}) {
      const analysed = analysedOf(document, context);
      return analysed?.kind.completion?.(document, analysed.analysis, position);
    },
    codeActions(document, range, diagnostics) {
      return codeActionsFromFixes(document, range, diagnostics);
    },
    status(document, context = {}) {
      const analysed = analysedOf(document, context);
      const counts = notes?.counts();
      const base = {
        catalogVersion: catalogOf().source.version,
        notes: counts ? { files: counts.notes.files, sections: counts.notes.sections, knowledgeSections: counts.knowledge.sections } : undefined,
      };
      if (!analysed) return { ...base, ...NOT_ANALYSED };
      return { ...base, ...analysed.kind.status(analysed.analysis) } as DocumentStatus;
    },
    quizTopics(document, context = {}) {
      const analysed = analysedOf(document, context);
      return analysed?.kind.quizTopics?.(document, analysed.analysis) ?? [];
    },
    fileQuestions(document, file, context = {}) {
      const analysed = analysedOf(document, context);
      return analysed?.kind.fileQuestions?.(document, analysed.analysis, file) ?? [];
    },
    noteServices(searchContext) {
      return kinds.find((kind) => kind.searchContext === searchContext)?.noteServices ?? [];
    },
    deploymentLifecycle(document, context = {}) {
      const analysed = analysedOf(document, context);
      return analysed?.kind.lifecycle?.(analysed.analysis);
    },
    forget(uri) {
      cache.delete(uri);
    },
    warmUp(document, context = {}) {
      const analysed = analysedOf(document, context);
      const targets = analysed?.kind.hoverTargets?.(document, analysed.analysis) ?? [];
      return targets.map((position) => () => void this.hover(document, position, context));
    },
  };
}

/** The status of a document no kind claims, with the way to make it one. */
export const NOT_ANALYSED = {
  documentType: 'none',
  label: 'Not an AWS file',
  detail: 'AWS Study Hints reads JSON policies (with a "Statement"), CloudFormation/SAM templates, buildspec*.yml and appspec files',
  summary: 'This file is not analysed: AWS Study Hints reads JSON IAM policies, CloudFormation/SAM templates, buildspec*.yml and appspec files.',
  command: { title: 'Treat as policy…', command: COMMANDS.setPolicyKind },
} as const;

/** Appends the notes part to a hover's Markdown. */
function withNotes(hover: Hover, notesMarkdown: string | undefined): Hover {
  if (!notesMarkdown) return hover;
  const contents = hover.contents as { kind: string; value: string };
  return { ...hover, contents: { kind: contents.kind, value: `${contents.value}\n\n${notesMarkdown}` } as Hover['contents'] };
}

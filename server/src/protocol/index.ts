import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Question, QuestionSource, QuizAnswerResult, QuizRating, QuizSession, StudyProgress } from './quiz';
import type { DocumentStatus } from './status';

/**
 * The one typed definition of everything client and server say to each other beyond
 * standard LSP. Both sides import this folder and nothing else of each other: the client
 * never imports the service (a test checks it).
 */

export { SETTINGS_SECTION } from './settings';
export type { Settings, Severity, SeveritySetting } from './settings';
export type { DocumentStatus, DocumentType, PolicyKind, AppSpecPlatform } from './status';
export type {
  HardCard,
  NoteFileFindings,
  NotesFolderSummary,
  Question,
  QuestionType,
  QuestionSource,
  QuizAnswerResult,
  QuizRating,
  QuizSession,
  StudyOverview,
  StudyProgress,
  TopicProgress,
  WeekProgress,
} from './quiz';
export {
  CheckWorkspaceProgressNotification,
  CheckWorkspaceRequest,
  type CheckWorkspaceProgress,
  type CheckWorkspaceResult,
} from './checkWorkspace';
export { StudyChangedNotification, StudyOverviewRequest, type StudyOverviewParams } from './study';

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** Where the learner's quiz progress is kept (the extension's global storage); without it progress lives in memory only. */
  readonly quizStoreFile?: string;
}

export interface DocumentStatusParams {
  readonly uri: string;
}

export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus, void>('awsStudyHints/documentStatus');

export interface RuleSummary {
  readonly code: string;
  readonly name: string;
  readonly severity: string;
  readonly summary: string;
  readonly docs?: string;
}

export const ListRulesRequest = new RequestType0<RuleSummary[], void>('awsStudyHints/listRules');

export interface DeploymentLifecycle {
  readonly platform: string;
  readonly markdown: string;
}

export const DeploymentLifecycleRequest = new RequestType<DocumentStatusParams, DeploymentLifecycle | null, void>('awsStudyHints/deploymentLifecycle');

export interface SearchNotesParams {
  readonly query: string;
  readonly limit?: number;
  /** Boosts the notes of the service at hand, as hovers do. */
  readonly context?: 'iam' | 'buildspec' | 'appspec';
  /** "user" keeps to the learner's own notes; by default the bundled knowledge is searched too. */
  readonly source?: 'user' | 'all';
}

export interface NoteSearchResult {
  /**
   * Where the section opens: a file: URI for the learner's notes; for the bundled knowledge a
   * read-only virtual document, `aws-study-hints:/knowledge/notes/<service>.md` (knowledgeUri()).
   */
  readonly uri: string;
  /** The section's lines (0-based, LSP style). */
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly title: string;
  readonly headingPath: readonly string[];
  readonly excerpt: string;
  readonly source: 'user' | 'bundled';
  readonly score: number;
}

export interface NoteSearchResponse {
  /** Best first. */
  readonly results: readonly NoteSearchResult[];
  /**
   * Only when nothing matches: corrected queries ("did you mean …?"), the typed words replaced by
   * the nearest terms of the indexed notes, each of which finds something. Best first, at most 3.
   */
  readonly suggestions: readonly string[];
}

export const SearchNotesRequest = new RequestType<SearchNotesParams, NoteSearchResponse, void>('awsStudyHints/searchNotes');

/** Where an excerpt comes from, in hovers, the search and the CLI alike. */
export const NOTE_SOURCE_LABELS = {
  user: 'From your notes',
  bundled: 'From AWS Study Hints knowledge',
} as const satisfies Record<NoteSearchResult['source'], string>;

/**
 * The URI scheme of the bundled knowledge's notes: the client shows them as read-only virtual
 * documents (their files live in the extension's folder, where an edit would be lost on update).
 */
export const KNOWLEDGE_SCHEME = 'aws-study-hints';

/**
 * The virtual document a quiz question's source opens as, when it is a bundled note (the file in
 * the extension's folder would take edits that the next update throws away); undefined for the
 * learner's own notes and the file being studied, which open as files.
 */
export function bundledSourceUri(source: QuestionSource): string | undefined {
  if (source.kind !== 'bundled') return undefined;
  const note = /(?:^|[\\/])(knowledge[\\/]notes[\\/][\w.-]+\.md)$/.exec(source.file);
  return note ? knowledgeUri(note[1]!) : undefined;
}

/** The virtual document of a bundled note, from its path in the extension (`knowledge/notes/sqs.md`). */
export function knowledgeUri(notePath: string): string {
  return `${KNOWLEDGE_SCHEME}:/${notePath.replace(/\\/g, '/').replace(/^\/+/, '')}`;
}

/**
 * Commands the client registers for links, not for the palette (so not in COMMANDS, which is
 * exactly what package.json contributes). `openNote` takes a note's URI and a 0-based line; hovers
 * link bundled notes with it, because hovers may only link file: URIs and trusted commands.
 */
export const LINK_COMMANDS = {
  openNote: 'awsStudyHints.openNote',
} as const;

export interface NotesChangedParams {
  /** file: URIs of notes that were created or changed, and of notes that were deleted. */
  readonly changed: readonly string[];
  readonly deleted: readonly string[];
}

export const NotesChangedNotification = new NotificationType<NotesChangedParams>('awsStudyHints/notesChanged');

export interface QuizQuestionsParams {
  readonly topic?: string;
  readonly count?: number;
  readonly seed?: number;
  /** Only questions from this note file (file: URI). */
  readonly uri?: string;
}

/** Freshly generated questions, without scheduling (what a session draws its new cards from). */
export const QuizQuestionsRequest = new RequestType<QuizQuestionsParams, Question[], void>('awsStudyHints/quizQuestions');

export interface QuizSessionParams {
  /** A topic quiz, a quiz about one file (note, policy, buildspec, AppSpec), or the cards due for review. */
  readonly mode: 'topic' | 'file' | 'due';
  readonly topic?: string;
  /** For mode "file": the document (file: URI). */
  readonly uri?: string;
  readonly count?: number;
  readonly seed?: number;
}

/** The questions of one session, planned by the server: due cards first, then new ones within the daily limit. */
export const QuizSessionRequest = new RequestType<QuizSessionParams, QuizSession, void>('awsStudyHints/quizSession');

export interface QuizAnswerParams {
  readonly question: Question;
  readonly answer: string | readonly string[];
  /** Seconds the learner took, which picks Hard/Good/Easy for a right answer. */
  readonly seconds: number;
}

/** Grades an answer, schedules the card (FSRS) and saves the progress before replying. */
export const QuizAnswerRequest = new RequestType<QuizAnswerParams, QuizAnswerResult, void>('awsStudyHints/quizAnswer');

export interface QuizReviseParams {
  /** The question whose last answer (given since the server started) is revised. */
  readonly questionId: string;
  /** "I was right" / "I was wrong": replaces the grading. */
  readonly correct: boolean;
  /** The learner's FSRS grade; without it the grade is chosen as for the answer (from rightness and time). */
  readonly rating?: QuizRating;
}

/** Re-schedules the last answer to a question with the learner's verdict or grade (as Anki does), saved before replying. */
export const QuizReviseRequest = new RequestType<QuizReviseParams, QuizAnswerResult, void>('awsStudyHints/quizRevise');

export const QuizProgressRequest = new RequestType0<StudyProgress, void>('awsStudyHints/quizProgress');

export const COMMANDS = {
  restartServer: 'awsStudyHints.restartServer',
  showOutput: 'awsStudyHints.showOutput',
  setPolicyKind: 'awsStudyHints.setPolicyKind',
  configureRule: 'awsStudyHints.configureRule',
  showDocumentStatus: 'awsStudyHints.showDocumentStatus',
  showDeploymentLifecycle: 'awsStudyHints.showDeploymentLifecycle',
  searchNotes: 'awsStudyHints.searchNotes',
  startQuiz: 'awsStudyHints.startQuiz',
  quizFile: 'awsStudyHints.quizFile',
  reviewDue: 'awsStudyHints.reviewDue',
  showProgress: 'awsStudyHints.showProgress',
  addNotesFolder: 'awsStudyHints.addNotesFolder',
  refreshStudyView: 'awsStudyHints.refreshStudyView',
  openExamplePolicy: 'awsStudyHints.openExamplePolicy',
  checkWorkspace: 'awsStudyHints.checkWorkspace',
  explainPolicy: 'awsStudyHints.explainPolicy',
  simulateRequest: 'awsStudyHints.simulateRequest',
} as const;

export {
  ExplainPolicyRequest,
  type ExplainPolicyParams,
  type ExplainPolicyResult,
  SimulateOptionsRequest,
  type SimulateOptionsParams,
  type SimulateOptionsResult,
  SimulateRequest,
  type SimulatedPolicy,
  type SimulatedPolicyType,
  type SimulatedStatement,
  type SimulateParams,
  type SimulateResult,
} from './iamTools';

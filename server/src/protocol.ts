import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DocumentStatus } from './service/languageService';
import type { Question } from './service/quiz/types';

/**
 * The one typed definition of everything client and server say to each other beyond
 * standard LSP, imported by both sides so no method name or shape is written twice.
 */

export const SETTINGS_SECTION = 'awsStudyHints';

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
}

export interface NoteSearchResult {
  /** file: URI of the note (the bundled knowledge's Markdown files ship with the extension). */
  readonly uri: string;
  /** The section's lines (0-based, LSP style). */
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly title: string;
  readonly headingPath: readonly string[];
  readonly excerpt: string;
  readonly source: 'user' | 'bundled';
  readonly score: number;
}

export const SearchNotesRequest = new RequestType<SearchNotesParams, NoteSearchResult[], void>('awsStudyHints/searchNotes');

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

export const QuizQuestionsRequest = new RequestType<QuizQuestionsParams, Question[], void>('awsStudyHints/quizQuestions');

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
} as const;

export type { DocumentStatus, Question };

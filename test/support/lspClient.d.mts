/** Types of lspClient.mjs (see there), for the TypeScript tests. */
import type { ChildProcess } from 'node:child_process';
import type {
  CodeAction,
  Command,
  CompletionItem,
  ConfigurationParams,
  Diagnostic,
  Hover,
  InitializeResult,
  Position,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
  WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import type { DocumentStatus } from '../../server/src/protocol';

export declare const REPO_ROOT: string;
/** dist/server.js, built by `npm run build`. */
export declare const SERVER_PATH: string;
/** Node options the VS Code client starts the server with (client/src/extension.ts SERVER_EXEC_ARGV). */
export declare const SERVER_EXEC_ARGV: readonly string[];
/** How the VS Code client talks to the server (TransportKind.ipc in client/src/extension.ts); the benchmarks use it. */
export declare const EDITOR_TRANSPORT: 'ipc';
/** The method of DocumentStatusRequest (server/src/protocol.ts). */
export declare const DOCUMENT_STATUS_METHOD: string;
export declare const DEFAULT_WORKSPACE: WorkspaceFolder;

export interface LspClientOptions {
  /** Arguments of the server process after node and `execArgv`. Default `[SERVER_PATH, '--stdio']` (`'--node-ipc'` with the ipc transport). */
  readonly serverArgs?: readonly string[];
  /** How the messages travel: stdio (default; what most editors use) or Node's IPC channel, as VS Code's client starts the server. */
  readonly transport?: 'stdio' | 'ipc';
  /** Node options of the server process, e.g. SERVER_EXEC_ARGV. Default none. */
  readonly execArgv?: readonly string[];
  /** Advertise pull diagnostics (`textDocument.diagnostic`). Default true. */
  readonly pullDiagnostics?: boolean;
  /** Advertise `workspace.configuration`. Default true. */
  readonly configuration?: boolean;
  /** Default `[DEFAULT_WORKSPACE]`; the first one is also the rootUri. */
  readonly workspaceFolders?: WorkspaceFolder[];
  /** Initial settings, keyed by section (e.g. `{ awsStudyHints: { rules: {...} } }`). */
  readonly settings?: Record<string, unknown>;
  /** `initializationOptions` of the initialize request (e.g. `{ quizStoreFile }`). */
  readonly initializationOptions?: unknown;
}

export interface ReceivedNotification {
  readonly method: string;
  readonly params: unknown;
  /** process.hrtime.bigint() when it arrived. */
  readonly at: bigint;
}

export declare class LspClient {
  /** Spawns the server and completes the initialize/initialized handshake. */
  static start(options?: LspClientOptions): Promise<LspClient>;
  private constructor();

  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  /** Settings answered to `workspace/configuration`, keyed by section; tests may replace or mutate them. */
  settings: Record<string, unknown>;
  /** Every notification received, in order. */
  readonly notifications: ReceivedNotification[];
  readonly configurationRequests: ConfigurationParams[];
  /** How often the server asked the client to re-pull diagnostics (`workspace/diagnostic/refresh`). */
  diagnosticRefreshes: number;
  /** The server's stderr, chunk by chunk. */
  readonly stderr: string[];
  initializeResult: InitializeResult | undefined;

  get alive(): boolean;
  /** The answer to `workspace/configuration` for `section` (a dotted path into `settings`; null when absent). */
  settingFor(section: string | undefined): unknown;
  /** Replaces the settings and tells the server they changed. */
  updateSettings(settings: Record<string, unknown>): Promise<void>;
  open(uri: string, languageId: string, text: string): Promise<void>;
  /** A versioned didChange: a whole new text, or LSP content changes (incremental ranges); returns the new version. */
  change(uri: string, change: string | TextDocumentContentChangeEvent[]): Promise<number>;
  close(uri: string): Promise<void>;
  versionOf(uri: string): number | undefined;
  /** `textDocument/diagnostic`; throws unless the report is a full one. */
  pullDiagnostics(uri: string): Promise<Diagnostic[]>;
  hover(uri: string, position: Position): Promise<Hover | null>;
  completion(uri: string, position: Position): Promise<CompletionItem[]>;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(CodeAction | Command)[]>;
  /** `awsStudyHints/documentStatus`: what the server sees in the document. */
  status(uri: string): Promise<DocumentStatus>;
  /** Params of the notifications with `method` received so far. */
  received(method: string): unknown[];
  /** Latest pushed diagnostics for `uri` (optionally of exactly `version`), if any. */
  publishedDiagnostics(uri: string, version?: number): PublishDiagnosticsParams | undefined;
  /** Polls (with a deadline) until the server pushed diagnostics for `uri`, by default for its current version. */
  waitForPublishedDiagnostics(uri: string, timeoutMs?: number, version?: number): Promise<PublishDiagnosticsParams>;
  /** Polls (with a deadline) until the server has asked for at least `count` diagnostic refreshes. */
  waitForRefreshes(count: number, timeoutMs?: number): Promise<number>;
  /** Orderly shutdown/exit, then waits (with a deadline) for the process to end; kills it if it does not. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** Ends the connection and kills the process if it is still running. Safe to call twice. */
  dispose(): void;
}

/** Applies LSP text edits (non-overlapping) to a text. */
export declare function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string;
/** Line/character of the first occurrence of `needle` (plus `delta` characters) in `text`, searching from `from`. */
export declare function positionOf(text: string, needle: string, delta?: number, from?: number): Position;
/** Line/character of an offset in `text`. */
export declare function positionAt(text: string, offset: number): Position;

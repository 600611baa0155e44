import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  CodeActionRequest, CompletionRequest, ConfigurationRequest, DiagnosticRefreshRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentDiagnosticReportKind, DocumentDiagnosticRequest,
  ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, RegistrationRequest,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter, UnregistrationRequest, createProtocolConnection,
  type ClientCapabilities, type CodeAction, type ConfigurationParams, type Command, type CompletionItem, type CompletionList, type Diagnostic, type Hover,
  type InitializeResult, type MessageConnection, type Position, type ProtocolConnection, type PublishDiagnosticsParams, type Range, type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { DocumentStatusRequest, type DocumentStatus } from '../../server/src/protocol';

/**
 * A small LSP client for tests: runs the built server (`dist/server.js --stdio`) in a child
 * process and talks to it with the same protocol library the real client uses.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');

export interface LspClientOptions {
  /** Advertise pull diagnostics (`textDocument.diagnostic`). Default true. */
  readonly pullDiagnostics?: boolean;
  /** Advertise `workspace.configuration`. Default true. */
  readonly configuration?: boolean;
  readonly workspaceFolders?: WorkspaceFolder[];
  /** Initial settings, keyed by section (e.g. `{ awsStudyHints: { rules: {...} } }`). */
  readonly settings?: Record<string, unknown>;
}

export interface ReceivedNotification {
  readonly method: string;
  readonly params: unknown;
}

export const DEFAULT_WORKSPACE: WorkspaceFolder = { uri: 'file:///ws', name: 'ws' };

/** Polls `probe` until it returns a value other than undefined/false, or throws when the deadline passes. */
export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export class LspClient {
  /** Settings answered to `workspace/configuration`, keyed by section; tests may replace or mutate them. */
  settings: Record<string, unknown>;
  readonly notifications: ReceivedNotification[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  /** How often the server asked the client to re-pull diagnostics (`workspace/diagnostic/refresh`). */
  diagnosticRefreshes = 0;
  readonly stderr: string[] = [];
  initializeResult: InitializeResult | undefined;

  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private disposed = false;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection, settings: Record<string, unknown>) {
    this.settings = settings;
  }

  /** Spawns the server and completes the initialize/initialized handshake. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => client.stderr.push(chunk));
    // Writes after the server died must not crash the test process.
    child.stdin!.on('error', () => undefined);

    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => client.settingFor(item.section));
    });
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.onRequest(UnregistrationRequest.type, () => null);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      client.diagnosticRefreshes++;
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    // A ProtocolConnection is a vscode-jsonrpc MessageConnection, which also takes a catch-all notification handler.
    (connection as unknown as MessageConnection).onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
    });
    connection.listen();

    const pull = options.pullDiagnostics ?? true;
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        publishDiagnostics: { versionSupport: true },
        ...(pull ? { diagnostic: {} } : {}),
      },
      workspace: {
        configuration: options.configuration ?? true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        diagnostics: pull ? { refreshSupport: true } : undefined,
      },
    };
    try {
      client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: (options.workspaceFolders ?? [DEFAULT_WORKSPACE])[0]?.uri ?? null,
        capabilities,
        workspaceFolders: options.workspaceFolders ?? [DEFAULT_WORKSPACE],
      });
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      client.dispose();
      throw error;
    }
    return client;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  private settingFor(section: string | undefined): unknown {
    if (!section) return this.settings;
    let value: unknown = this.settings;
    for (const part of section.split('.')) {
      if (typeof value !== 'object' || value === null) return null;
      value = (value as Record<string, unknown>)[part];
    }
    return value ?? null;
  }

  /** Replaces the settings and tells the server they changed. */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Full-text change through a versioned didChange; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  textOf(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(CodeAction | Command)[]> {
    return (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
  }

  status(uri: string): Promise<DocumentStatus> {
    return this.connection.sendRequest(DocumentStatusRequest, { uri });
  }

  /** Notifications with `method` received so far. */
  received(method: string): unknown[] {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params);
  }

  /** Latest pushed diagnostics for `uri` (optionally of exactly `version`), if any. */
  publishedDiagnostics(uri: string, version?: number): PublishDiagnosticsParams | undefined {
    const all = this.received(PublishDiagnosticsNotification.method) as PublishDiagnosticsParams[];
    for (let i = all.length - 1; i >= 0; i--) {
      const params = all[i]!;
      if (params.uri === uri && (version === undefined || params.version === version)) return params;
    }
    return undefined;
  }

  /** Polls (with a deadline) until the server pushed diagnostics for `uri`, by default for its current version. */
  waitForPublishedDiagnostics(uri: string, timeoutMs = 10_000, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    return waitFor(() => this.publishedDiagnostics(uri, version), timeoutMs, `publishDiagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`);
  }

  /** Polls (with a deadline) until the server has asked for at least `count` diagnostic refreshes. */
  waitForRefreshes(count: number, timeoutMs = 10_000): Promise<number> {
    return waitFor(() => this.diagnosticRefreshes >= count && this.diagnosticRefreshes, timeoutMs, `${count} diagnostic refreshes`);
  }

  /** Orderly shutdown/exit, then waits (with a deadline) for the process to end; kills it if it does not. */
  async shutdown(timeoutMs = 5_000): Promise<void> {
    if (this.disposed) return;
    try {
      if (this.alive) {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await waitFor(() => !this.alive, timeoutMs, 'server exit');
      }
    } finally {
      this.dispose();
    }
  }

  /** Ends the connection and kills the process if it is still running. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.connection.dispose();
    } catch {
      // already closed
    }
    if (this.alive) this.process.kill('SIGKILL');
    this.process.stdin?.destroy();
    this.process.stdout?.destroy();
    this.process.stderr?.destroy();
  }
}

function withTimeout<T>(promise: PromiseLike<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const offsetAt = (position: Position): number => {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) return text.length;
      offset = next + 1;
    }
    return Math.min(offset + position.character, text.length);
  };
  const sorted = edits
    .map((edit) => ({ start: offsetAt(edit.range.start), end: offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Line/character of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): Position {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return positionAt(text, index + delta);
}

/** Line/character of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  let line = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

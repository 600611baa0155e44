// The one LSP client of the tests (test/lsp, through tsx) and the benchmarks (bench/, plain node):
// runs a language server over stdio in a child process — by default the built server,
// `dist/server.js --stdio` — and talks to it with the protocol library the real client uses.
// A plain ES module so that both can import it; its types are in lspClient.d.mts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  IPCMessageReader,
  IPCMessageWriter,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';
import { poll } from './poll.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');
/** Node options the VS Code client starts the server with (client/src/extension.ts SERVER_EXEC_ARGV); the benchmarks use them. */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];
/** How the VS Code client talks to the server (TransportKind.ipc in client/src/extension.ts); the benchmarks use it. */
export const EDITOR_TRANSPORT = 'ipc';
/**
 * `awsStudyHints/documentStatus`, i.e. DocumentStatusRequest.method of server/src/protocol.ts, which
 * plain node cannot import (test/lsp/server.test.ts checks that they agree).
 */
export const DOCUMENT_STATUS_METHOD = 'awsStudyHints/documentStatus';
export const DEFAULT_WORKSPACE = { uri: 'file:///ws', name: 'ws' };

/** Servers still running when this process exits are killed, whatever the caller forgot. */
const running = new Set();
let exitHookInstalled = false;
function track(child) {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }
  running.add(child);
  child.on('exit', () => running.delete(child));
}

export class LspClient {
  /**
   * Spawns the server and completes the initialize/initialized handshake.
   * @param {import('./lspClient.d.mts').LspClientOptions} [options]
   */
  static async start(options = {}) {
    // VS Code's client talks to the server over Node's IPC channel (client/src/extension.ts); other editors use stdio.
    const ipc = options.transport === 'ipc';
    const args = [...(options.execArgv ?? []), ...(options.serverArgs ?? [SERVER_PATH, ipc ? '--node-ipc' : '--stdio'])];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])] });
    track(child);
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => client.stderr.push(chunk));
    // Writes after the server died must not crash the test process.
    child.stdin.on('error', () => undefined);

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
    connection.onRequest('workspace/codeLens/refresh', () => null);
    // Every notification, stamped with its arrival (process.hrtime.bigint()) for latency measures.
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params, at: process.hrtime.bigint() });
    });
    connection.listen();

    const pull = options.pullDiagnostics ?? true;
    const workspaceFolders = options.workspaceFolders ?? [DEFAULT_WORKSPACE];
    const capabilities = {
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
        rootUri: workspaceFolders[0]?.uri ?? null,
        capabilities,
        workspaceFolders,
        initializationOptions: options.initializationOptions,
      });
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      client.dispose();
      throw error;
    }
    return client;
  }

  /** @private use LspClient.start */
  constructor(child, connection, settings) {
    this.process = child;
    this.connection = connection;
    this.settings = settings;
    this.notifications = [];
    this.configurationRequests = [];
    this.diagnosticRefreshes = 0;
    this.stderr = [];
    this.initializeResult = undefined;
    this.versions = new Map();
    this.disposed = false;
  }

  get alive() {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** The answer to `workspace/configuration` for `section` (dotted path into `settings`; null when absent). */
  settingFor(section) {
    if (!section) return this.settings;
    let value = this.settings;
    for (const part of section.split('.')) {
      if (typeof value !== 'object' || value === null) return null;
      value = value[part];
    }
    return value ?? null;
  }

  async updateSettings(settings) {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async open(uri, languageId, text) {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri, change) {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const contentChanges = typeof change === 'string' ? [{ text: change }] : change;
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri) {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  versionOf(uri) {
    return this.versions.get(uri);
  }

  async pullDiagnostics(uri) {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  hover(uri, position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri, position) {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async codeActions(uri, range, diagnostics) {
    return (await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? [];
  }

  status(uri) {
    return this.connection.sendRequest(DOCUMENT_STATUS_METHOD, { uri });
  }

  received(method) {
    return this.notifications.filter((n) => n.method === method).map((n) => n.params);
  }

  publishedDiagnostics(uri, version) {
    const all = this.received(PublishDiagnosticsNotification.method);
    for (let i = all.length - 1; i >= 0; i--) {
      const params = all[i];
      if (params.uri === uri && (version === undefined || params.version === version)) return params;
    }
    return undefined;
  }

  waitForPublishedDiagnostics(uri, timeoutMs = 10_000, version = this.versions.get(uri)) {
    return poll(`publishDiagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`, () => this.publishedDiagnostics(uri, version), { timeoutMs });
  }

  waitForRefreshes(count, timeoutMs = 10_000) {
    return poll(`${count} diagnostic refreshes`, () => this.diagnosticRefreshes >= count && this.diagnosticRefreshes, { timeoutMs });
  }

  async shutdown(timeoutMs = 5_000) {
    if (this.disposed) return;
    try {
      if (this.alive) {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await poll('server exit', () => !this.alive, { timeoutMs });
      }
    } finally {
      this.dispose();
    }
  }

  dispose() {
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

function withTimeout(promise, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text, edits) {
  const offsetAt = (position) => {
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

/** Line/character of the first occurrence of `needle` (plus `delta` characters) in `text`, searching from `from`. */
export function positionOf(text, needle, delta = 0, from = 0) {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  return positionAt(text, index + delta);
}

/** Line/character of an offset in `text`. */
export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  let line = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

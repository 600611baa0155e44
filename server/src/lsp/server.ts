import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  CodeActionKind, DidChangeConfigurationNotification, SymbolKind, DocumentDiagnosticReportKind, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type DocumentContext, type LanguageService } from '../service/languageService';
import { normalizeSettings, type Settings } from '../service/settings';
import { DeploymentLifecycleRequest, DocumentStatusRequest, ListRulesRequest, NotesChangedNotification, QuizQuestionsRequest, SearchNotesRequest, SETTINGS_SECTION } from '../protocol';
import { CONTEXT_SERVICES, NotesService } from '../service/notes/service';
import { isNotePath } from '../service/notes/paths';
import { indexNotes, listNoteFiles, readNote } from '../service/notes/scanner';
import { pathToFileURL } from 'node:url';

/**
 * The language server: a set of thin adapters from LSP requests to the analysis service.
 * Every handler is guarded so that one bad document can never take the server down.
 */

const ANALYSED_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'markdown', 'plaintext']);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService | undefined;
  let workspaceFolders: WorkspaceFolder[] = [];
  let configurationPull = false;
  let pullDiagnostics = false;
  const settingsCache = new Map<string, Promise<Settings>>();

  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

  // The extension folder (dist/..) holds knowledge/notes/*.md, which note links open.
  const notes = new NotesService({ knowledgeRoot: path.dirname(__dirname) });
  let workDoneProgress = false;
  let indexedNoteFiles = new Set<string>();
  let scanGeneration = 0;

  const serviceInstance = (): LanguageService => {
    // Created on first use so that the catalog parse does not delay the initialize response.
    service ??= createLanguageService({ notes, log: (message) => connection.console.error(message) });
    return service;
  };

  /** (Re)indexes the configured notes folders, reporting progress; a newer scan cancels an older one. */
  async function scanNotes(): Promise<void> {
    const generation = ++scanGeneration;
    const settings = configurationPull
      ? normalizeSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }).then((c) => c, () => ({})))
      : normalizeSettings({});
    const roots = workspaceFolders.map((f) => safeFsPath(f.uri)).filter((p): p is string => !!p);
    const started = Date.now();
    const { files, truncated } = listNoteFiles(settings.notes, roots);
    for (const file of indexedNoteFiles) if (!files.includes(file)) notes.removeNote(file);
    indexedNoteFiles = new Set(files);
    if (files.length === 0) return;
    const progress = workDoneProgress && files.length > 50 ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('AWS Study Hints: indexing notes', 0, `${files.length} files`, false);
    const result = await indexNotes(notes, files, (percent, file) => progress?.report(percent, path.basename(file)), () => generation !== scanGeneration);
    progress?.done();
    for (const skipped of result.skipped) connection.console.warn(skipped);
    if (truncated) connection.console.warn(`Notes: only the first ${files.length} files are indexed (limit reached).`);
    connection.console.log(`Notes: ${files.length} files, ${result.sections} sections indexed in ${Date.now() - started} ms.`);
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
  }

  async function settingsFor(uri: string): Promise<Settings> {
    if (!configurationPull) return normalizeSettings({});
    let pending = settingsCache.get(uri);
    if (!pending) {
      pending = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normalizeSettings, () => normalizeSettings({}));
      settingsCache.set(uri, pending);
    }
    return pending;
  }

  function workspaceRootOf(uri: string): string | undefined {
    const fsPath = safeFsPath(uri);
    if (!fsPath) return undefined;
    const roots = workspaceFolders.map((f) => safeFsPath(f.uri)).filter((p): p is string => !!p);
    return roots
      .filter((root) => fsPath === root || fsPath.startsWith(root.endsWith(path.sep) ? root : root + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  async function contextFor(uri: string): Promise<DocumentContext> {
    return { settings: await settingsFor(uri), workspaceRoot: workspaceRootOf(uri) };
  }

  function analysable(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && ANALYSED_LANGUAGES.has(document.languageId) ? document : undefined;
  }

  async function guarded<T>(what: string, fallback: T, work: () => Promise<T> | T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  }

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    configurationPull = !!params.capabilities.workspace?.configuration;
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    workDoneProgress = !!params.capabilities.window?.workDoneProgress;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'aws-study-hints', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    void scanNotes().catch((error) => connection.console.error(`notes scan failed: ${error instanceof Error ? error.stack : String(error)}`));
    if (configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (workspaceFolders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspaceFolders = workspaceFolders.filter((f) => !event.removed.some((r) => r.uri === f.uri)).concat(event.added);
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    void scanNotes().catch((error) => connection.console.error(`notes scan failed: ${String(error)}`));
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) void pushDiagnostics(document.uri);
  });

  async function diagnosticsFor(uri: string) {
    const document = analysable(uri);
    if (!document) return [];
    return serviceInstance().diagnostics(document, await contextFor(uri));
  }

  connection.languages.diagnostics.on((params) =>
    guarded('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await diagnosticsFor(params.textDocument.uri),
    })));

  // Clients without pull diagnostics get them pushed on open and change.
  async function pushDiagnostics(uri: string): Promise<void> {
    const document = documents.get(uri);
    const diagnostics = await guarded('diagnostics', [], () => diagnosticsFor(uri));
    if (document && documents.get(uri)?.version === document.version) void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }
  documents.onDidChangeContent((event) => {
    if (!pullDiagnostics) void pushDiagnostics(event.document.uri);
  });
  documents.onDidClose((event) => {
    settingsCache.delete(event.document.uri);
    service?.forget(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover((params) => guarded('hover', null, async () => {
    const document = analysable(params.textDocument.uri);
    return document ? serviceInstance().hover(document, params.position, await contextFor(document.uri)) ?? null : null;
  }));

  connection.onCompletion((params) => guarded('completion', null, async () => {
    const document = analysable(params.textDocument.uri);
    return document ? serviceInstance().completion(document, params.position, await contextFor(document.uri)) ?? null : null;
  }));

  connection.onCodeAction((params) => guarded('code actions', [], () => {
    const document = analysable(params.textDocument.uri);
    return document ? serviceInstance().codeActions(document, params.range, params.context.diagnostics) : [];
  }));

  connection.onRequest(DocumentStatusRequest, (params) => guarded('status', { documentType: 'none' as const, catalogVersion: '' }, async () => {
    const document = analysable(params.uri);
    if (!document) return { documentType: 'none' as const, catalogVersion: serviceInstance().catalog.source.version };
    return serviceInstance().status(document, await contextFor(document.uri));
  }));

  connection.onRequest(DeploymentLifecycleRequest, (params) => guarded('lifecycle', null, async () => {
    const document = analysable(params.uri);
    return document ? serviceInstance().deploymentLifecycle(document, await contextFor(document.uri)) ?? null : null;
  }));

  connection.onRequest(SearchNotesRequest, (params) => guarded('search notes', [], () => {
    const boostServices = params.context ? CONTEXT_SERVICES[params.context] : undefined;
    return notes.search(params.query, { limit: Math.min(params.limit ?? 20, 100), boostServices }).flatMap((result) => {
      const file = notes.pathOf(result);
      if (!file) return [];
      return [{
        uri: pathToFileURL(file).href,
        range: { start: { line: result.line, character: 0 }, end: { line: result.endLine, character: 0 } },
        title: result.title,
        headingPath: result.headingPath,
        excerpt: result.excerpt,
        source: result.source === 'knowledge' ? 'bundled' as const : 'user' as const,
        score: Math.round(result.score * 100) / 100,
      }];
    });
  }));

  // Questions are generated here, in the service; the client only presents them.
  connection.onRequest(QuizQuestionsRequest, (params) => guarded('quiz', [], () => {
    const file = params.uri ? safeFsPath(params.uri) : undefined;
    return notes.quiz({ topic: params.topic, count: Math.min(Math.max(params.count ?? 10, 1), 200), seed: params.seed, files: file ? [file] : undefined });
  }));

  // Note sections as workspace symbols (Ctrl+T): the same search, by title.
  connection.onWorkspaceSymbol((params) => guarded('workspace symbols', [], () =>
    params.query.trim() === '' ? [] : notes.search(params.query, { limit: 50 }).flatMap((result) => {
      const file = notes.pathOf(result);
      if (!file) return [];
      return [{
        name: result.title,
        kind: SymbolKind.String,
        containerName: result.source === 'knowledge' ? `AWS Study Hints knowledge · ${result.headingPath.join(' › ')}` : result.headingPath.join(' › '),
        location: { uri: pathToFileURL(file).href, range: { start: { line: result.line, character: 0 }, end: { line: result.line, character: 0 } } },
      }];
    })));

  connection.onNotification(NotesChangedNotification, (params) => {
    void guarded('notes change', undefined, async () => {
      const settings = configurationPull
        ? normalizeSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }).then((c) => c, () => ({})))
        : normalizeSettings({});
      const roots = workspaceFolders.map((f) => safeFsPath(f.uri)).filter((p): p is string => !!p);
      const isNote = (file: string) => (roots.length > 0 ? roots : [undefined]).some((root) => isNotePath(file, root, settings.notes));
      for (const uri of params.changed) {
        const file = safeFsPath(uri);
        if (!file || !isNote(file)) continue;
        const text = readNote(file);
        if (typeof text === 'string') {
          notes.setNote(file, text);
          indexedNoteFiles.add(file);
        }
      }
      for (const uri of params.deleted) {
        const file = safeFsPath(uri);
        if (file && indexedNoteFiles.delete(file)) notes.removeNote(file);
      }
      if (pullDiagnostics) connection.languages.diagnostics.refresh();
    });
  });

  connection.onRequest(ListRulesRequest, () => guarded('rules', [], () =>
    serviceInstance().rules.map((r) => ({ code: r.code, name: r.name, severity: r.severity, summary: r.summary, docs: r.docs }))));

  documents.listen(connection);
  connection.listen();
}

declare const PACKAGE_VERSION: string;

function safeFsPath(uri: string): string | undefined {
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
}

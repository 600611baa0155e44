import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION, type InitializationOptions } from '../protocol';
import { createLanguageService, type LanguageService } from '../service/languageService';
import { NotesService } from '../service/notes/service';
import { QuizSessions } from '../service/quiz/sessions';
import { deprecatedRuleKeys } from '../service/registry/severity';
import { registerCheckWorkspaceHandler } from './handlers/checkWorkspace';
import { registerDocumentHandlers } from './handlers/documents';
import { registerIamToolHandlers } from './handlers/iamTools';
import { registerNotesHandlers } from './handlers/notes';
import { registerQuizHandlers } from './handlers/quiz';
import { registerStudyHandlers } from './handlers/study';
import { guard, WorkspaceState } from './workspace';

/**
 * The language server: it wires the handlers (one module per concern under handlers/) to one
 * analysis service, one notes index and one quiz store. Every handler is guarded so that one
 * bad document can never take the server down.
 */

declare const PACKAGE_VERSION: string;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new WorkspaceState(connection);
  const guarded = guard(connection);

  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

  // The extension folder (dist/..) holds knowledge/notes/*.md, which note links open.
  const notes = new NotesService({ knowledgeRoot: path.dirname(__dirname) });
  let service: LanguageService | undefined;
  // Created on first use so that the catalog parse does not delay the initialize response.
  const serviceInstance = (): LanguageService => (service ??= createLanguageService({ notes, log: (message) => connection.console.error(message) }));
  let sessions = new QuizSessions({ warn: (message) => void connection.window.showWarningMessage(message) });

  const documentHandlers = registerDocumentHandlers(connection, documents, workspace, serviceInstance, guarded);
  const study = registerStudyHandlers(connection, documents, workspace, notes, serviceInstance, { get: () => sessions }, guarded);
  const notesHandlers = registerNotesHandlers(connection, workspace, notes, serviceInstance, guarded, () => {
    if (workspace.pullDiagnostics) connection.languages.diagnostics.refresh();
    study.changed('notes');
  });
  registerQuizHandlers(connection, documents, workspace, notes, serviceInstance, { get: () => sessions }, guarded, study);
  registerCheckWorkspaceHandler(connection, documents, workspace, serviceInstance, guarded);
  registerIamToolHandlers(connection, documents, serviceInstance, guarded);

  const scanNotes = () =>
    void notesHandlers.scan().catch((error) => connection.console.error(`notes scan failed: ${error instanceof Error ? error.stack : String(error)}`));

  /** Old rule names in awsStudyHints.rules still work; say once which names replace them. */
  const warnedRuleKeys = new Set<string>();
  async function reportDeprecatedRuleNames(): Promise<void> {
    for (const { key, replacements } of deprecatedRuleKeys(await workspace.settings())) {
      if (warnedRuleKeys.has(key)) continue;
      warnedRuleKeys.add(key);
      connection.console.warn(`awsStudyHints.rules: "${key}" is an old rule name; it still works, but use ${replacements.join(' or ')}.`);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    workspace.configurationPull = !!params.capabilities.workspace?.configuration;
    workspace.pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    workspace.workDoneProgress = !!params.capabilities.window?.workDoneProgress;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.quizStoreFile === 'string' && options.quizStoreFile) {
      sessions = new QuizSessions({ storeFile: options.quizStoreFile, warn: (message) => void connection.window.showWarningMessage(message) });
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: workspace.pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'aws-study-hints', version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    scanNotes();
    void reportDeprecatedRuleNames();
    if (workspace.configurationPull) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (workspace.roots.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => workspace.changeFolders(event.added, event.removed));
    }
  });

  connection.onDidChangeConfiguration(() => {
    workspace.configurationChanged();
    scanNotes();
    void reportDeprecatedRuleNames();
    documentHandlers.refreshDiagnostics();
  });

  documents.listen(connection);
  connection.listen();
}

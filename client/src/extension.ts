import * as path from 'node:path';
import * as vscode from 'vscode';
import { keysProposedBySiblings } from './jsonSiblingKeys';
import { registerCheckWorkspace } from './checkWorkspace';
import { registerMarkdownPages } from './markdownPages';
import { registerIamTools } from './iamTools';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { restartingErrorHandler } from './crashes';
import { registerNotes } from './notes';
import { quizStoreFile, registerQuiz } from './quiz';
import { createStatusItem } from './statusItem';
import { createStudyData } from './studyData';
import { createStudyStatus } from './studyStatus';
import { registerStudyView, type StudyTreeProvider } from './studyView';
import { registerWalkthrough } from './walkthrough';
import { LINK_COMMANDS, type InitializationOptions } from '../../server/src/protocol';

/**
 * The thin client: it starts the language server and adds what only the editor can do
 * (commands, the language status item). All analysis happens in the server.
 */

let client: LanguageClient | undefined;

/**
 * The young generation's size for the server. 32 MB semi-spaces were chosen when collection took
 * a third of a large policy's analysis; since statements' findings are reused between versions,
 * 8 MB analyses a 5,000-statement policy as fast and keeps the server ~16 MB smaller (npm run
 * bench launches the server the same way: bench (b), (e) and (f)).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];

export const DOCUMENT_SELECTOR: { language: string; scheme?: string }[] = [
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml' },
  // Notes: the server lints only files inside awsStudyHints.notes.paths.
  { language: 'markdown', scheme: 'file' },
  { language: 'plaintext', scheme: 'file' },
];

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('AWS Study Hints', { log: true });
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  const crashHandler = restartingErrorHandler(() => output.show(true));
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: { configurationSection: 'awsStudyHints' },
    initializationOptions: { quizStoreFile: quizStoreFile(context) } satisfies InitializationOptions,
    // Hovers link bundled notes with this one command (their virtual documents are read-only);
    // no other command link in a hover runs, and note text is escaped so it cannot add links.
    markdown: { isTrusted: { enabledCommands: [LINK_COMMANDS.openNote] } },
    errorHandler: crashHandler,
    middleware: {
      // VS Code's JSON support proposes the keys of sibling objects itself (without documentation):
      // drop our copy of those names so that Action, Effect and Resource are listed once.
      async provideCompletionItem(document, position, context, token, next) {
        const result = await next(document, position, context, token);
        if (!result || !jsonLanguageFeaturesOn(document)) return result;
        const taken = keysProposedBySiblings(document.getText(), document.offsetAt(position));
        if (taken.size === 0) return result;
        const keep = (item: vscode.CompletionItem) =>
          !(item.kind === vscode.CompletionItemKind.Property && taken.has(typeof item.label === 'string' ? item.label : item.label.label));
        return Array.isArray(result) ? result.filter(keep) : new vscode.CompletionList(result.items.filter(keep), result.isIncomplete);
      },
    },
  };
  client = new LanguageClient('awsStudyHints', 'AWS Study Hints', serverOptions, clientOptions);
  await client.start();
  const current = () => client;
  const status = createStatusItem(current);
  const study = createStudyData(current);
  const studyView = registerStudyView(study, current);
  const studyStatus = createStudyStatus(study);
  context.subscriptions.push(
    status,
    study,
    studyStatus,
    ...studyView.disposables,
    ...registerWalkthrough(context),
    ...registerQuiz(current, context),
    ...registerNotes(current, context.extensionUri),
    ...registerCheckWorkspace(current),
    ...registerMarkdownPages(),
    ...registerIamTools(current),
    ...registerCommands(current, output, async () => {
      await client?.restart();
      status.refresh();
    }),
  );
  void study.refresh();
  return {
    client: () => client,
    refreshStatus: () => status.refresh(),
    statusText: () => status.text(),
    quizStoreFile: () => quizStoreFile(context),
    refreshStudy: () => study.refresh(),
    studyTree: () => studyView.provider,
    studyStatusText: () => studyStatus.text(),
    serverCrashes: () => crashHandler.crashes(),
  };
}

/** Whether VS Code's built-in JSON language features (and their schema-less key proposals) serve this document. */
function jsonLanguageFeaturesOn(document: vscode.TextDocument): boolean {
  return (document.languageId === 'json' || document.languageId === 'jsonc') && vscode.extensions.getExtension('vscode.json-language-features') !== undefined;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension exports, used by the in-editor tests. */
export interface ExtensionApi {
  client(): LanguageClient | undefined;
  refreshStatus(): Promise<void>;
  statusText(): string;
  /** Where the study progress is saved (global storage). */
  quizStoreFile(): string;
  /** Asks the server for the study counts now; resolves when the view and the status item show them. */
  refreshStudy(): Promise<void>;
  /** The AWS Study view's rows, as VS Code reads them. */
  studyTree(): StudyTreeProvider;
  /** The "12 due" status item's text, or undefined while it is hidden. */
  studyStatusText(): string | undefined;
  /** How many times the server process died in the last three minutes (each time it was restarted). */
  serverCrashes(): number;
}

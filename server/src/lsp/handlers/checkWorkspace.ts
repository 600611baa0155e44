import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckWorkspaceProgressNotification, CheckWorkspaceRequest, type CheckWorkspaceResult } from '../../protocol';
import { languageIdOf, readCheckableFile, walkCheckableFiles } from '../../service/common/workspaceFiles';
import type { LanguageService } from '../../service/languageService';
import type { Guarded, WorkspaceState } from '../workspace';

/**
 * Check Workspace: every file under the workspace folders that a kind claims is analysed and its
 * problems are published, so the Problems panel shows the whole workspace (as ESLint's task or
 * `tsc --watch` do). Open documents are left to the usual diagnostics; when a checked file is
 * opened its published problems are withdrawn (the open document's own take over) and when it is
 * closed they are published again from the file on disk.
 */

/** Progress is sent at most this often, and the event loop is let through every few files so that a cancel (and typing) is served at once. */
const PROGRESS_EVERY_MS = 100;
const FILES_BETWEEN_YIELDS = 8;

export function registerCheckWorkspaceHandler(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: WorkspaceState,
  service: () => LanguageService,
  guarded: Guarded,
): void {
  /** Files whose problems this check published (and that are not open). */
  const published = new Set<string>();

  async function checkFile(uri: string, file: string, text: string): Promise<number | undefined> {
    const document = TextDocument.create(uri, languageIdOf(file), 0, text);
    const checked = service().check(document, await workspace.contextFor(uri));
    if (!checked) {
      if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return undefined;
    }
    if (checked.diagnostics.length > 0 || published.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: checked.diagnostics });
    if (checked.diagnostics.length > 0) published.add(uri);
    else published.delete(uri);
    return checked.diagnostics.length;
  }

  connection.onRequest(CheckWorkspaceRequest, (token) =>
    guarded<CheckWorkspaceResult>(
      'check workspace',
      { files: 0, checked: 0, withProblems: 0, problems: 0, skipped: [], cancelled: false, elapsedMs: 0 },
      async () => {
        const started = performance.now();
        const files: { root: string; file: string }[] = [];
        for (const root of workspace.roots) walkCheckableFiles(root, (file) => files.push({ root, file }));
        // Problems of files deleted since the last check go with them.
        const present = new Set(files.map(({ file }) => pathToFileURL(file).href));
        for (const uri of [...published]) {
          if (present.has(uri)) continue;
          published.delete(uri);
          void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        const result = { files: files.length, checked: 0, withProblems: 0, problems: 0, skipped: [] as { uri: string; reason: string }[], cancelled: false };
        let lastProgress = 0;
        for (const [index, { root, file }] of files.entries()) {
          if (index % FILES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
          if (token.isCancellationRequested) {
            result.cancelled = true;
            break;
          }
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now;
            void connection.sendNotification(CheckWorkspaceProgressNotification, { done: index, total: files.length, file: path.relative(root, file) });
          }
          const uri = pathToFileURL(file).href;
          // An open document has its own, live diagnostics.
          if (documents.get(uri)) continue;
          const read = readCheckableFile(file);
          if ('skipped' in read) {
            result.skipped.push({ uri, reason: read.skipped });
            continue;
          }
          const problems = await guarded('check workspace file', undefined, () => checkFile(uri, file, read.text));
          if (problems === undefined) continue;
          result.checked++;
          result.problems += problems;
          if (problems > 0) result.withProblems++;
        }
        return { ...result, elapsedMs: Math.round(performance.now() - started) };
      },
    ),
  );

  documents.onDidOpen((event) => {
    if (published.has(event.document.uri)) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    if (!published.has(uri)) return;
    void guarded('check workspace file', undefined, async () => {
      const file = fileURLToPath(uri);
      const read = readCheckableFile(file);
      if ('text' in read) await checkFile(uri, file, read.text);
    });
  });
}

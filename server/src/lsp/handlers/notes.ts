import * as path from 'node:path';
import { SymbolKind, type Connection } from 'vscode-languageserver/node';
import { NotesChangedNotification, SearchNotesRequest } from '../../protocol';
import { fsPathOf } from '../../service/common/documentPaths';
import type { LanguageService } from '../../service/languageService';
import { isNotePath } from '../../service/notes/paths';
import { indexNotes, listNoteFiles, readNote } from '../../service/notes/scanner';
import type { NotesService } from '../../service/notes/service';
import type { Guarded, WorkspaceState } from '../workspace';

/** The notes index over the protocol: indexing the configured folders, file changes, search and workspace symbols. */

export interface NotesHandlers {
  /** (Re)indexes the configured notes folders, reporting progress; a newer scan cancels an older one. */
  scan(): Promise<void>;
}

export function registerNotesHandlers(
  connection: Connection,
  workspace: WorkspaceState,
  notes: NotesService,
  service: () => LanguageService,
  guarded: Guarded,
  notesChanged: () => void,
): NotesHandlers {
  let indexedFiles = new Set<string>();
  let scanGeneration = 0;

  async function scan(): Promise<void> {
    const generation = ++scanGeneration;
    const settings = await workspace.settings();
    const started = Date.now();
    const { files, truncated } = listNoteFiles(settings.notes, workspace.roots);
    for (const file of indexedFiles) if (!files.includes(file)) notes.removeNote(file);
    indexedFiles = new Set(files);
    if (files.length === 0) return;
    const progress = workspace.workDoneProgress && files.length > 50 ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('AWS Study Hints: indexing notes', 0, `${files.length} files`, false);
    const result = await indexNotes(
      notes,
      files,
      (percent, file) => progress?.report(percent, path.basename(file)),
      () => generation !== scanGeneration,
    );
    progress?.done();
    for (const skipped of result.skipped) connection.console.warn(skipped);
    if (truncated) connection.console.warn(`Notes: only the first ${files.length} files are indexed (limit reached).`);
    connection.console.log(`Notes: ${files.length} files, ${result.sections} sections indexed in ${Date.now() - started} ms.`);
    notesChanged();
  }

  connection.onNotification(NotesChangedNotification, (params) => {
    void guarded('notes change', undefined, async () => {
      const settings = await workspace.settings();
      const roots = workspace.roots.length > 0 ? workspace.roots : [undefined];
      const isNote = (file: string) => roots.some((root) => isNotePath(file, root, settings.notes));
      for (const uri of params.changed) {
        const file = fsPathOf(uri);
        if (!file || !isNote(file)) continue;
        const text = readNote(file);
        if (typeof text === 'string') {
          notes.setNote(file, text);
          indexedFiles.add(file);
        }
      }
      for (const uri of params.deleted) {
        const file = fsPathOf(uri);
        if (file && indexedFiles.delete(file)) notes.removeNote(file);
      }
      notesChanged();
    });
  });

  connection.onRequest(SearchNotesRequest, (params) =>
    guarded('search notes', { results: [], suggestions: [] }, () => {
      const boostServices = params.context ? service().noteServices(params.context) : undefined;
      const found = notes.search(params.query, {
        limit: Math.min(params.limit ?? 20, 100),
        boostServices,
        source: params.source === 'user' ? 'notes' : undefined,
      });
      return {
        results: found.results.map((result) => ({
          uri: notes.uriOf(result),
          range: { start: { line: result.line, character: 0 }, end: { line: result.endLine, character: 0 } },
          title: result.title,
          headingPath: result.headingPath,
          excerpt: result.excerpt,
          source: result.source === 'knowledge' ? ('bundled' as const) : ('user' as const),
          score: Math.round(result.score * 100) / 100,
        })),
        suggestions: found.suggestions,
      };
    }),
  );

  // Note sections as workspace symbols (Ctrl+T): the same search, by title.
  connection.onWorkspaceSymbol((params) =>
    guarded('workspace symbols', [], () =>
      params.query.trim() === ''
        ? []
        : notes.search(params.query, { limit: 50, suggest: false }).results.map((result) => ({
            name: result.title,
            kind: SymbolKind.String,
            containerName: result.source === 'knowledge' ? `AWS Study Hints knowledge · ${result.headingPath.join(' › ')}` : result.headingPath.join(' › '),
            location: { uri: notes.uriOf(result), range: { start: { line: result.line, character: 0 }, end: { line: result.line, character: 0 } } },
          })),
    ),
  );

  return { scan };
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  KNOWLEDGE_SCHEME,
  LINK_COMMANDS,
  NOTE_SOURCE_LABELS,
  NotesChangedNotification,
  SearchNotesRequest,
  SETTINGS_SECTION,
  bundledSourceUri,
  type NoteSearchResponse,
  type NoteSearchResult,
  type QuestionSource,
} from '../../server/src/protocol';

/**
 * The notes side of the client: watching the notes folders (changes are sent to the server,
 * which re-indexes one file), "Search Notes" as a live QuickPick, "Add Notes Folder", and the
 * bundled knowledge's notes as read-only documents (`aws-study-hints:/knowledge/notes/x.md`).
 */

export function registerNotes(client: () => LanguageClient | undefined, extensionUri: vscode.Uri): vscode.Disposable[] {
  let watchers: vscode.Disposable[] = [];
  const changed = new Set<string>();
  const deleted = new Set<string>();
  let flushScheduled = false;

  // Saving a note fires several events; one notification per burst is enough.
  const flush = () => {
    flushScheduled = false;
    const current = client();
    if (!current || (changed.size === 0 && deleted.size === 0)) return;
    void current.sendNotification(NotesChangedNotification, { changed: [...changed], deleted: [...deleted] });
    changed.clear();
    deleted.clear();
  };
  const queue = (set: Set<string>, uri: vscode.Uri) => {
    set.add(uri.toString());
    if (!flushScheduled) {
      flushScheduled = true;
      setTimeout(flush, 150);
    }
  };

  const watch = () => {
    for (const watcher of watchers) watcher.dispose();
    watchers = [];
    const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const paths = configuration.get<string[]>('notes.paths') ?? [];
    const extensions = (configuration.get<string[]>('notes.extensions') ?? ['.md', '.markdown', '.txt']).map((e) => e.replace(/^\./, ''));
    const pattern = `**/*.{${extensions.join(',')}}`;
    for (const entry of paths) {
      const bases = path.isAbsolute(entry)
        ? [vscode.Uri.file(entry)]
        : (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, entry));
      for (const base of bases) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, /[*?[\]{}]/.test(entry) ? '**/*' : pattern));
        watcher.onDidCreate((uri) => queue(changed, uri));
        watcher.onDidChange((uri) => queue(changed, uri));
        watcher.onDidDelete((uri) => queue(deleted, uri));
        watchers.push(watcher);
      }
    }
  };
  watch();

  return [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.notes`)) watch();
    }),
    {
      dispose: () =>
        watchers.forEach((w) => {
          w.dispose();
        }),
    },
    vscode.commands.registerCommand(COMMANDS.searchNotes, (initial?: string) => searchNotes(client, initial)),
    vscode.commands.registerCommand(COMMANDS.addNotesFolder, addNotesFolder),
    // Read-only: a content provider's documents cannot be edited, and the files in the
    // extension's folder would be replaced by the next update anyway.
    vscode.workspace.registerTextDocumentContentProvider(KNOWLEDGE_SCHEME, { provideTextDocumentContent: (uri) => knowledgeNote(extensionUri, uri) }),
    // Hovers link bundled notes through this command (they may not link the virtual scheme).
    vscode.commands.registerCommand(LINK_COMMANDS.openNote, (uri: unknown, line: unknown) => openNote(uri, line)),
  ];
}

/** A bundled note's text, read from the extension's own knowledge/notes folder (nothing else). */
async function knowledgeNote(extensionUri: vscode.Uri, uri: vscode.Uri): Promise<string> {
  if (!/^\/knowledge\/notes\/[\w-]+(\.[\w-]+)*\.md$/.test(uri.path)) return `${uri.path} is not a note of AWS Study Hints.`;
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, uri.path)));
  } catch {
    return `${uri.path} is not part of this installation of AWS Study Hints.`;
  }
}

/** Where a quiz question's source opens: a bundled note read-only, anything else as its file. */
export function questionSourceUri(source: QuestionSource): vscode.Uri {
  const bundled = bundledSourceUri(source);
  return bundled ? vscode.Uri.parse(bundled, true) : vscode.Uri.file(source.file);
}

/** Opens a note (a file, or a bundled note's virtual document) at a 0-based line. */
async function openNote(uri: unknown, line: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const position = new vscode.Position(typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri, true), { selection: new vscode.Range(position, position), preview: true });
}

interface ResultItem extends vscode.QuickPickItem {
  readonly result: NoteSearchResult;
}
interface SuggestionItem extends vscode.QuickPickItem {
  readonly suggestion: string;
}
/** A result, a "did you mean" to search again with, or the bare "No results" line. */
type SearchItem = ResultItem | SuggestionItem | vscode.QuickPickItem;

/** The QuickPick's items for one response; every item is always shown (the server ranked them). */
function searchItems(query: string, response: NoteSearchResponse): SearchItem[] {
  if (response.results.length === 0) {
    if (response.suggestions.length === 0) return [{ label: `$(info) No results for "${query}"`, alwaysShow: true }];
    return response.suggestions.map((suggestion, i) => ({
      label: `$(lightbulb) ${i === 0 ? 'No results — did you mean' : 'Or did you mean'} "${suggestion}"?`,
      description: 'Enter searches for it',
      alwaysShow: true,
      suggestion,
    }));
  }
  return response.results.map((result) => ({
    label: `${result.source === 'bundled' ? '$(book)' : '$(note)'} ${result.title}`,
    description:
      result.source === 'bundled' ? NOTE_SOURCE_LABELS.bundled : `${NOTE_SOURCE_LABELS.user} · ${path.basename(vscode.Uri.parse(result.uri).fsPath)}`,
    detail: result.excerpt.replace(/\\(.)/g, '$1'),
    // The server already ranked the results: keep its order rather than VS Code's fuzzy sort.
    alwaysShow: true,
    result,
  }));
}

async function searchNotes(client: () => LanguageClient | undefined, initial?: string): Promise<void> {
  const current = client();
  if (!current) return;
  const pick = vscode.window.createQuickPick<SearchItem>();
  pick.title = 'AWS Study: Search Notes';
  pick.placeholder = 'Search your notes and the bundled knowledge (e.g. "visibility timeout", s3:GetObject, pre_build)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let generation = 0;
  const update = async (query: string) => {
    const mine = ++generation;
    if (query.trim() === '') {
      pick.items = [];
      return;
    }
    pick.busy = true;
    try {
      const response = await current.sendRequest(SearchNotesRequest, { query, limit: 30 });
      if (mine !== generation) return; // a newer query is on its way
      pick.items = searchItems(query, response);
    } finally {
      if (mine === generation) pick.busy = false;
    }
  };
  pick.onDidChangeValue((value) => void update(value));
  pick.onDidAccept(async () => {
    const chosen = pick.selectedItems[0];
    if (chosen && 'suggestion' in chosen) {
      // Search again with the suggestion, in the same QuickPick.
      pick.value = chosen.suggestion;
      await update(chosen.suggestion);
      return;
    }
    if (!chosen || !('result' in chosen)) return; // "No results": nothing to open
    pick.hide();
    await openNote(chosen.result.uri, chosen.result.range.start.line);
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  if (initial) {
    pick.value = initial;
    await update(initial);
  }
}

async function addNotesFolder(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Index these notes' });
  if (!picked || picked.length === 0) return;
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const current = configuration.get<string[]>('notes.paths') ?? [];
  const additions = picked.map((uri) => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? vscode.workspace.asRelativePath(uri, false) : uri.fsPath;
  });
  const next = [...new Set([...current, ...additions])];
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await configuration.update('notes.paths', next, target);
  void vscode.window.showInformationMessage(`Notes folders: ${next.join(', ')}. They are indexed now and watched for changes.`);
}

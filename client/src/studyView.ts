import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, type NoteFileFindings, type NotesFolderSummary, type StudyOverview, type TopicProgress } from '../../server/src/protocol';
import type { StudyData } from './studyData';

/**
 * The "AWS Study" view in its own activity-bar container: what is due, what is new today, the
 * retention of each service studied, the notes folders with their lint findings, and the three
 * study commands as rows (always visible and labelled, unlike title-bar buttons). The counts
 * come from the server (StudyData); this module only lays them out.
 */

export const STUDY_VIEW_ID = 'awsStudyHints.study';

/** A row of the view; `kind` decides its look and its children. */
export type StudyNode =
  | { readonly kind: 'due'; readonly overview: StudyOverview }
  | { readonly kind: 'new'; readonly overview: StudyOverview }
  | { readonly kind: 'action'; readonly label: string; readonly icon: string; readonly command: string; readonly description?: string }
  | { readonly kind: 'topics'; readonly topics: readonly TopicProgress[] }
  | { readonly kind: 'topic'; readonly topic: TopicProgress }
  | { readonly kind: 'folders'; readonly folders: readonly NotesFolderSummary[] | undefined }
  | { readonly kind: 'folder'; readonly folder: NotesFolderSummary }
  | { readonly kind: 'file'; readonly file: NoteFileFindings }
  | { readonly kind: 'addFolder' };

export class StudyTreeProvider implements vscode.TreeDataProvider<StudyNode> {
  private readonly changed = new vscode.EventEmitter<StudyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly data: Pick<StudyData, 'overview'>) {}

  /** The counts changed: every row is rebuilt (the view is small). */
  update(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: StudyNode): StudyNode[] {
    const overview = this.data.overview;
    if (!overview) return [];
    if (!node) {
      return [
        { kind: 'due', overview },
        { kind: 'new', overview },
        { kind: 'action', label: 'Start Quiz', icon: 'play', command: COMMANDS.startQuiz },
        { kind: 'action', label: 'Review Due Cards', icon: 'history', command: COMMANDS.reviewDue, description: `${overview.dueNow} due` },
        { kind: 'action', label: 'Show Study Progress', icon: 'graph', command: COMMANDS.showProgress },
        { kind: 'topics', topics: overview.topics },
        { kind: 'folders', folders: overview.notesFolders },
      ];
    }
    switch (node.kind) {
      case 'topics':
        return node.topics.map((topic) => ({ kind: 'topic', topic }));
      case 'folders':
        if (!node.folders) return [];
        return node.folders.length === 0 ? [{ kind: 'addFolder' }] : node.folders.map((folder) => ({ kind: 'folder', folder }));
      case 'folder':
        return node.folder.filesWithFindings.map((file) => ({ kind: 'file', file }));
      default:
        return [];
    }
  }

  getTreeItem(node: StudyNode): vscode.TreeItem {
    switch (node.kind) {
      case 'due': {
        const { dueNow, dueToday } = node.overview;
        const item = leaf('Due today', 'calendar', dueNow < dueToday ? `${dueToday} (${dueNow} now)` : String(dueToday));
        item.tooltip = `${plural(dueToday, 'card')} due by the end of today, ${dueNow} of them now. Click to review the cards due now.`;
        item.command = { title: 'Review Due Cards', command: COMMANDS.reviewDue };
        return item;
      }
      case 'new': {
        const { newToday, newCardsPerDay } = node.overview;
        const item = leaf('New today', 'sparkle', `${newToday} of ${newCardsPerDay}`);
        item.tooltip = `${plural(newToday, 'new card')} started today; awsStudyHints.quiz.newCardsPerDay allows ${newCardsPerDay}. Click to start a quiz.`;
        item.command = { title: 'Start Quiz', command: COMMANDS.startQuiz };
        return item;
      }
      case 'action': {
        const item = leaf(node.label, node.icon, node.description);
        item.command = { title: node.label, command: node.command };
        return item;
      }
      case 'topics': {
        const item = new vscode.TreeItem('Topics', node.topics.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        item.id = node.topics.length > 0 ? 'topics' : 'topics-none';
        item.iconPath = new vscode.ThemeIcon('book');
        item.description = node.topics.length > 0 ? String(node.topics.length) : 'none yet: start a quiz';
        item.tooltip = 'Share of right answers per service studied (chapters of your notes are counted under the service they are about).';
        return item;
      }
      case 'topic':
        return topicItem(node.topic);
      case 'folders': {
        const count = node.folders?.length;
        const item = new vscode.TreeItem('Notes folders', node.folders ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
        // Another id once listed: VS Code keeps the state it first saw for an id, and the row starts with nothing to expand.
        item.id = node.folders ? 'folders' : 'folders-counting';
        item.iconPath = new vscode.ThemeIcon('notebook');
        item.description = count === undefined ? 'counting…' : String(count);
        item.tooltip = 'The folders of awsStudyHints.notes.paths, with their note files and notes lint findings.';
        return item;
      }
      case 'folder':
        return folderItem(node.folder);
      case 'file':
        return fileItem(node.file);
      case 'addFolder': {
        const item = leaf('Add Notes Folder…', 'add');
        item.tooltip = 'Index your study notes: they are searched, linted against the curated facts and quizzed.';
        item.command = { title: 'Add Notes Folder', command: COMMANDS.addNotesFolder };
        return item;
      }
    }
  }
}

function leaf(label: string, icon: string, description?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.description = description;
  return item;
}

function topicItem(topic: TopicProgress): vscode.TreeItem {
  const retention = topic.answers === 0 ? undefined : Math.round((topic.correct / topic.answers) * 100);
  const item = leaf(topic.topic, 'circle-outline', `${retention === undefined ? '–' : `${retention}%`} · ${plural(topic.cards, 'card')}`);
  if (retention !== undefined) {
    // The colours of the progress page: green from 80 %, yellow from 60 %, red below.
    const [icon, colour] = retention >= 80 ? ['pass', 'charts.green'] : retention >= 60 ? ['warning', 'charts.yellow'] : ['error', 'charts.red'];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
  }
  item.tooltip = `${topic.topic}: ${topic.correct} of ${plural(topic.answers, 'answer')} right, ${plural(topic.cards, 'card')}.`;
  return item;
}

function folderItem(folder: NotesFolderSummary): vscode.TreeItem {
  const label = /[*?[\]{}]/.test(folder.entry) ? folder.entry : path.basename(folder.folder) || folder.folder;
  const collapsible = folder.filesWithFindings.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(label, collapsible);
  item.resourceUri = vscode.Uri.file(folder.folder);
  if (!folder.exists) {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.description = 'not found';
    item.tooltip = `${folder.folder} does not exist (awsStudyHints.notes.paths: "${folder.entry}").`;
    return item;
  }
  item.description = `${plural(folder.files, 'file')} · ${plural(folder.findings, 'finding')}`;
  item.iconPath =
    folder.findings > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('folder');
  item.tooltip = `${folder.folder}\n${plural(folder.files, 'note file')}, ${plural(folder.findings, 'notes lint finding')}.${folder.findings > 0 ? ' Click to open the first.' : ''}`;
  const first = folder.filesWithFindings[0];
  item.command = first ? openFinding(first) : revealFolder(folder.folder);
  return item;
}

function fileItem(file: NoteFileFindings): vscode.TreeItem {
  const uri = vscode.Uri.parse(file.uri);
  const item = new vscode.TreeItem(path.basename(uri.fsPath), vscode.TreeItemCollapsibleState.None);
  item.resourceUri = uri;
  item.description = plural(file.findings, 'finding');
  item.tooltip = `Line ${file.first.line + 1}: ${file.first.message}`;
  item.command = openFinding(file);
  return item;
}

function openFinding(file: NoteFileFindings): vscode.Command {
  const at = new vscode.Position(file.first.line, file.first.character);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(at, at), preview: true };
  return { title: 'Open the first finding', command: 'vscode.open', arguments: [vscode.Uri.parse(file.uri), options] };
}

/** The Explorer shows a folder of the workspace; a folder elsewhere opens in the system's file manager. */
function revealFolder(folder: string): vscode.Command {
  const uri = vscode.Uri.file(folder);
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  return { title: 'Show the folder', command: inWorkspace ? 'revealInExplorer' : 'revealFileInOS', arguments: [uri] };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Creates the view; its rows follow the study data, and a visible view asks for the notes folders too. */
export function registerStudyView(
  data: StudyData,
  client: () => LanguageClient | undefined,
): { provider: StudyTreeProvider; view: vscode.TreeView<StudyNode>; disposables: vscode.Disposable[] } {
  const provider = new StudyTreeProvider(data);
  const view = vscode.window.createTreeView(STUDY_VIEW_ID, { treeDataProvider: provider });
  const message = () => {
    view.message = data.overview ? undefined : client() ? 'Counting your cards…' : 'The AWS Study Hints server is not running.';
  };
  message();
  data.notesWanted = view.visible;
  return {
    provider,
    view,
    disposables: [
      view,
      data.onDidChange(() => {
        message();
        provider.update();
      }),
      view.onDidChangeVisibility((event) => {
        data.notesWanted = event.visible;
        if (event.visible) void data.refresh();
      }),
      vscode.commands.registerCommand(COMMANDS.refreshStudyView, () => data.refresh()),
    ],
  };
}

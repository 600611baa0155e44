import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusRequest, type DocumentStatus } from '../../server/src/protocol';

/** The language status item: what the server sees in the current file. */

export interface StatusItem extends vscode.Disposable {
  refresh(): Promise<void>;
  text(): string;
}

export function createStatusItem(client: () => LanguageClient | undefined): StatusItem {
  const item = vscode.languages.createLanguageStatusItem('awsStudyHints.status', [
    { language: 'json' },
    { language: 'jsonc' },
    { language: 'yaml' },
    { language: 'markdown' },
  ]);
  item.name = 'AWS Study Hints';
  item.text = 'AWS Study Hints';
  let generation = 0;

  async function refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const current = client();
    if (!editor || !current) return;
    const mine = ++generation;
    let status: DocumentStatus;
    try {
      status = await current.sendRequest(DocumentStatusRequest, { uri: editor.document.uri.toString() });
    } catch {
      return;
    }
    if (mine !== generation) return; // a newer refresh is under way
    render(status);
  }

  // The server says what to show for every kind of document; the client only lays it out. The
  // detail stays one short line: a long one pushes the command ("Change kind…") out of the popup,
  // so the notes index and the full summary go in the command's tooltip.
  function render(status: DocumentStatus): void {
    const notes = status.notes ? ` Notes: ${status.notes.files} files, ${status.notes.sections} sections (+${status.notes.knowledgeSections} bundled).` : '';
    item.text = status.label;
    item.detail = status.detail;
    item.command = status.command ? { ...status.command, tooltip: `${status.summary}${notes}` } : undefined;
    item.severity = vscode.LanguageStatusSeverity.Information;
  }

  const subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) void refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('awsStudyHints')) void refresh();
    }),
  ];
  void refresh();
  return {
    refresh,
    text: () => item.text,
    dispose: () => {
      item.dispose();
      for (const s of subscriptions) s.dispose();
    },
  };
}

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, DocumentStatusRequest, type DocumentStatus } from '../../server/src/protocol';

/** The language status item: what the server sees in the current file. */

export interface StatusItem extends vscode.Disposable {
  refresh(): Promise<void>;
  text(): string;
}

const KIND_LABELS: Record<string, string> = { identity: 'identity', resource: 'resource', trust: 'trust', scp: 'SCP' };

export function createStatusItem(client: () => LanguageClient | undefined): StatusItem {
  const item = vscode.languages.createLanguageStatusItem('awsStudyHints.status', [{ language: 'json' }, { language: 'jsonc' }, { language: 'yaml' }, { language: 'markdown' }]);
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

  function render(status: DocumentStatus): void {
    const notes = status.notes ? ` · notes: ${status.notes.files} files, ${status.notes.sections} sections (+${status.notes.knowledgeSections} bundled)` : '';
    renderDocument(status);
    item.detail = `${item.detail ?? ''}${notes}`;
  }

  function renderDocument(status: DocumentStatus): void {
    if (status.documentType === 'note') {
      item.text = '$(notebook) Study note';
      item.detail = `${status.problems} statement${status.problems === 1 ? '' : 's'} to check`;
      item.command = { title: 'Search notes', command: COMMANDS.searchNotes };
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (status.documentType === 'buildspec') {
      item.text = `$(tools) CodeBuild buildspec${status.version ? ` ${status.version}` : ''}`;
      item.detail = `${status.problems} problem${status.problems === 1 ? '' : 's'} · ${status.elapsedMs} ms`;
      item.command = { title: 'Show details', command: COMMANDS.showDocumentStatus };
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (status.documentType === 'appspec') {
      const labels: Record<string, string> = { ec2: 'EC2/on-premises', lambda: 'Lambda', ecs: 'ECS' };
      item.text = `$(rocket) CodeDeploy AppSpec · ${labels[status.platform ?? ''] ?? status.platform}`;
      item.detail = `${status.platformSource === 'content' ? 'detected' : `from ${status.platformSource}`} · ${status.problems} problem${status.problems === 1 ? '' : 's'} · ${status.elapsedMs} ms`;
      item.command = { title: 'Show lifecycle', command: COMMANDS.showDeploymentLifecycle };
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (status.documentType === 'none' || !status.policyKind) {
      item.text = 'Not an AWS file';
      item.detail = 'AWS Study Hints reads JSON policies (with a "Statement"), buildspec*.yml and appspec files';
      item.command = { title: 'Treat as policy…', command: COMMANDS.setPolicyKind };
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const kind = KIND_LABELS[status.policyKind] ?? status.policyKind;
    item.text = `$(shield) IAM ${kind} policy · ${status.statements} statement${status.statements === 1 ? '' : 's'}`;
    // Short enough for the status hover; the full picture is in "Show What the Server Sees".
    item.detail = `${status.kindSource === 'configured' ? 'kind from settings' : 'inferred'} · ${status.problems} problem${status.problems === 1 ? '' : 's'} · ${status.elapsedMs} ms`;
    item.command = { title: 'Change kind…', command: COMMANDS.setPolicyKind };
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

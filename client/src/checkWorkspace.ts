import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceProgressNotification, CheckWorkspaceRequest, COMMANDS, SETTINGS_SECTION, type CheckWorkspaceResult } from '../../server/src/protocol';

/**
 * AWS Study: Check Workspace — the server checks every policy, buildspec and AppSpec of the
 * workspace and fills the Problems panel; here only the progress (with Cancel) and the summary.
 * `awsStudyHints.checkWorkspace.onStartup` runs it quietly (status-bar progress) when the server starts.
 */

export function registerCheckWorkspace(client: () => LanguageClient | undefined): vscode.Disposable[] {
  let running: Thenable<CheckWorkspaceResult | undefined> | undefined;

  const run = (location: vscode.ProgressLocation, announce: boolean) => {
    running ??= vscode.window
      .withProgress({ location, title: 'AWS Study Hints: checking the workspace', cancellable: true }, async (progress, token) => {
        const current = client();
        if (!current) return undefined;
        let reported = 0;
        const listener = current.onNotification(CheckWorkspaceProgressNotification, ({ done, total, file }) => {
          const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
          progress.report({ message: `${done} of ${total} · ${file}`, increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        });
        try {
          return await current.sendRequest(CheckWorkspaceRequest, token);
        } finally {
          listener.dispose();
        }
      })
      .then(
        async (result) => {
          running = undefined;
          // Not awaited: the command is done when the check is, not when the message is dismissed.
          if (result && announce) void summarize(result);
          return result;
        },
        (error: unknown) => {
          running = undefined;
          // A cancelled request rejects; the progress notification already went away.
          if (!(error instanceof Error && /cancel/i.test(error.message))) void vscode.window.showErrorMessage(`Check Workspace failed: ${String(error)}`);
          return undefined;
        },
      );
    return running;
  };

  const onStartup = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>('checkWorkspace.onStartup', false);
  if (onStartup && vscode.workspace.workspaceFolders?.length) void run(vscode.ProgressLocation.Window, false);

  return [vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => run(vscode.ProgressLocation.Notification, true))];
}

/** Exported for the in-editor tests: the sentence the summary shows. */
export function summaryOf(result: CheckWorkspaceResult): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  const problems = `${result.problems} problem${result.problems === 1 ? '' : 's'} in ${result.withProblems} file${result.withProblems === 1 ? '' : 's'}`;
  const skipped = result.skipped.length > 0 ? ` ${result.skipped.length} skipped (too large or unreadable).` : '';
  const head = result.cancelled ? 'Check Workspace stopped' : 'Checked the workspace';
  return `${head}: ${result.checked} AWS files of ${result.files} JSON/YAML files, ${problems} (${seconds} s).${skipped}`;
}

async function summarize(result: CheckWorkspaceResult): Promise<void> {
  const action = result.problems > 0 ? 'Show Problems' : undefined;
  const picked = await vscode.window.showInformationMessage(summaryOf(result), ...(action ? [action] : []));
  if (picked === action && action) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

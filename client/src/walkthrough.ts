import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';

/**
 * The Get Started walkthrough's own command: its first step opens an example policy. examples/
 * does not ship with the extension, so the policy is a bundled file (walkthrough/), opened as
 * an unsaved copy: the learner can apply the quick-fixes without touching the installed
 * extension or writing into the workspace.
 */

export const EXAMPLE_POLICY = 'walkthrough/example-policy.json';

export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.openExamplePolicy, async () => {
      let content: string;
      try {
        content = fs.readFileSync(context.asAbsolutePath(EXAMPLE_POLICY), 'utf8');
      } catch (error) {
        return void vscode.window.showErrorMessage(`The example policy could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      const document = await vscode.workspace.openTextDocument({ language: 'json', content });
      return vscode.window.showTextDocument(document, { preview: false });
    }),
  ];
}

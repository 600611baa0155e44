import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showMarkdownPage } from './markdownPages';
import { COMMANDS, DeploymentLifecycleRequest, DocumentStatusRequest, ListRulesRequest, SETTINGS_SECTION } from '../../server/src/protocol';

/** The "AWS Study" commands of the command palette. */

const KINDS = [
  { label: 'identity', description: 'attached to a user, group or role' },
  { label: 'resource', description: 'attached to a resource (S3 bucket, SQS queue, KMS key…)' },
  { label: 'trust', description: "a role's trust policy (who may assume it)" },
  { label: 'scp', description: 'an AWS Organizations service control policy' },
  { label: 'rcp', description: 'an AWS Organizations resource control policy' },
  { label: 'endpoint', description: 'a VPC endpoint policy' },
  { label: 'infer', description: 'decide from the content (remove the setting)' },
];
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off', 'default'];

export function registerCommands(client: () => LanguageClient | undefined, output: vscode.OutputChannel, restart: () => Promise<void>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.restartServer, restart),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.setPolicyKind, async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) return void vscode.window.showInformationMessage('Open a policy file first.');
      // IAM takes policies as JSON only: a kind set for a YAML file would change nothing.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (!(open ? ['json', 'jsonc'].includes(open.languageId) : /\.jsonc?$/i.test(target.path))) {
        return void vscode.window.showInformationMessage(
          'IAM policies are JSON documents, so a policy kind applies to .json files only. Policies written in YAML live in CloudFormation templates.',
        );
      }
      const picked = await vscode.window.showQuickPick(KINDS, { title: 'Kind of IAM policy for this file' });
      if (!picked) return;
      const folder = vscode.workspace.getWorkspaceFolder(target);
      const glob = folder ? vscode.workspace.asRelativePath(target, false) : target.fsPath;
      const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, target);
      const current = { ...(configuration.get<Record<string, string>>('iam.policyKinds') ?? {}) };
      if (picked.label === 'infer') delete current[glob];
      else current[glob] = picked.label;
      await configuration.update('iam.policyKinds', current, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(COMMANDS.configureRule, async (code?: string) => {
      const current = client();
      if (!current) return;
      const rules = await current.sendRequest(ListRulesRequest);
      const rule = code
        ? rules.find((r) => r.code === code)
        : await vscode.window
            .showQuickPick(
              rules.map((r) => ({ label: r.code, description: r.name, detail: `${r.summary} (default: ${r.severity})`, rule: r })),
              { title: 'Choose a rule', matchOnDescription: true, matchOnDetail: true },
            )
            .then((p) => p?.rule);
      if (!rule) return;
      const severity = await vscode.window.showQuickPick(SEVERITIES, { title: `Severity of ${rule.code} ${rule.name}` });
      if (!severity) return;
      const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      const rulesSetting = { ...(configuration.get<Record<string, string>>('rules') ?? {}) };
      if (severity === 'default') delete rulesSetting[rule.code];
      else rulesSetting[rule.code] = severity;
      const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await configuration.update('rules', rulesSetting, target);
    }),
    vscode.commands.registerCommand(COMMANDS.showDocumentStatus, async () => {
      const editor = vscode.window.activeTextEditor;
      const current = client();
      if (!editor || !current) return;
      const status = await current.sendRequest(DocumentStatusRequest, { uri: editor.document.uri.toString() });
      const message = status.summary;
      void vscode.window.showInformationMessage(message);
    }),
    vscode.commands.registerCommand(COMMANDS.showDeploymentLifecycle, async () => {
      const editor = vscode.window.activeTextEditor;
      const current = client();
      if (!editor || !current) return;
      const lifecycle = await current.sendRequest(DeploymentLifecycleRequest, { uri: editor.document.uri.toString() });
      if (!lifecycle)
        return void vscode.window.showInformationMessage('Open an appspec.yml, appspec.yaml or appspec.json file to see its deployment lifecycle.');
      await showMarkdownPage('Deployment lifecycle', editor.document.uri, `# Deployment lifecycle\n\n${lifecycle.markdown}\n`);
    }),
  ];
}

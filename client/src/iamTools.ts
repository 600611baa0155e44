import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  ExplainPolicyRequest,
  type ExplainPolicyResult,
  SimulateOptionsRequest,
  SimulateRequest,
  type SimulatedPolicy,
  type SimulatedPolicyType,
  type SimulateParams,
} from '../../server/src/protocol';
import { parseContext } from './contextText';
import { showMarkdownPage } from './markdownPages';

/**
 * Explain and simulate in the editor, over the server's evaluation engine: "Explain This Policy"
 * (a Markdown page beside the file, and a code lens with each statement's one-line summary) and
 * "Simulate Request" (action, resource, principal, context and other policies picked in turn; the
 * trace opens beside the file, with links to the statements that decided).
 */

const POLICY_TYPES: readonly { label: SimulatedPolicyType; description: string }[] = [
  { label: 'identity', description: 'attached to the principal' },
  { label: 'resource', description: 'attached to the resource (bucket, queue, key…)' },
  { label: 'scp', description: "a service control policy of the principal's organisation" },
  { label: 'rcp', description: "a resource control policy of the resource's organisation" },
  { label: 'boundary', description: "the principal's permissions boundary" },
  { label: 'session', description: 'a session policy passed when the role was assumed' },
];

export function registerIamTools(client: () => LanguageClient | undefined): vscode.Disposable[] {
  const lenses = new ExplanationLenses(client);
  return [
    vscode.commands.registerCommand(COMMANDS.explainPolicy, async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      const current = client();
      if (!target || !current) return undefined;
      const explanation = await current.sendRequest(ExplainPolicyRequest, { uri: target.toString() });
      if (!explanation) return void vscode.window.showInformationMessage('Open an IAM policy (JSON) to explain it.');
      return showMarkdownPage(`Explanation of ${path.basename(target.path)}`, target, explanation.markdown);
    }),
    vscode.commands.registerCommand(COMMANDS.simulateRequest, async (params?: SimulateParams) => {
      const current = client();
      const editor = vscode.window.activeTextEditor;
      if (!current) return undefined;
      // The in-editor tests (and keybindings) may pass the whole request; people answer the prompts.
      const request = params ?? (await askForRequest(current, editor?.document));
      if (!request) return undefined;
      const result = await current.sendRequest(SimulateRequest, request);
      if (result.error) return void vscode.window.showErrorMessage(`Simulate Request: ${result.error}`);
      return showMarkdownPage(`Simulation of ${request.action}`, editor?.document.uri, result.markdown);
    }),
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }], lenses),
    lenses,
  ];
}

/** The prompts of Simulate Request, one at a time; undefined when the user stops. */
async function askForRequest(client: LanguageClient, document: vscode.TextDocument | undefined): Promise<SimulateParams | undefined> {
  const uri = document?.uri.toString();
  const options = await client.sendRequest(SimulateOptionsRequest, { uri });
  // The policy's own actions first; as the user types, the catalog's actions that match.
  const action = await pickOrType(
    'Simulate Request (1/5): the action',
    options.actions,
    's3:GetObject',
    async (query) => (await client.sendRequest(SimulateOptionsRequest, { uri, query })).actions,
  );
  if (!action) return undefined;
  const forAction = await client.sendRequest(SimulateOptionsRequest, { uri, action });
  const template = await pickOrType('Simulate Request (2/5): the resource ARN (edit the placeholders next)', forAction.resourceTemplates, '*');
  if (!template) return undefined;
  const resource = await vscode.window.showInputBox({ title: 'Simulate Request (2/5): edit the resource ARN', value: template, ignoreFocusOut: true });
  if (!resource) return undefined;
  const principal = await vscode.window.showInputBox({
    title: 'Simulate Request (3/5): the principal (a user or role ARN, or an sts assumed-role ARN; empty for none)',
    value: 'arn:aws:iam::111122223333:role/example',
    ignoreFocusOut: true,
  });
  if (principal === undefined) return undefined;
  const prefilled = [...(principal ? [`aws:PrincipalArn=${principal}`] : []), `aws:CurrentTime=${new Date().toISOString()}`, 'aws:SecureTransport=true'];
  const contextText = await vscode.window.showInputBox({
    title: 'Simulate Request (4/5): the request context, key=value separated by ";" (repeat a key for several values)',
    prompt: forAction.conditionKeys.length > 0 ? `Keys this action supports: ${forAction.conditionKeys.slice(0, 12).join(', ')}` : undefined,
    value: prefilled.join('; '),
    ignoreFocusOut: true,
  });
  if (contextText === undefined) return undefined;
  const policies = await pickPolicies(document);
  if (!policies) return undefined;
  return { action, resource, principal: principal || undefined, context: parseContext(contextText), policies };
}

/** A QuickPick of suggestions that also takes what was typed; `search` refreshes the suggestions as the user types. */
async function pickOrType(
  title: string,
  items: readonly string[],
  fallback: string,
  search?: (query: string) => Promise<readonly string[]>,
): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.title = title;
  pick.placeholder = fallback;
  pick.items = items.map((label) => ({ label }));
  pick.ignoreFocusOut = true;
  if (search) {
    let latest = 0;
    pick.onDidChangeValue(async (value) => {
      const asked = ++latest;
      const found = await search(value).catch(() => items);
      // Answers to older keystrokes are dropped.
      if (asked === latest) pick.items = found.map((label) => ({ label }));
    });
  }
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || fallback));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** The policies that take part: the open file first (as an identity policy unless the user says otherwise), then others of the workspace. */
async function pickPolicies(document: vscode.TextDocument | undefined): Promise<SimulatedPolicy[] | undefined> {
  const files = await vscode.workspace.findFiles('**/*.json', '**/{node_modules,.git,dist,out}/**', 500);
  const candidates = files
    .filter((file) => file.toString() !== document?.uri.toString())
    .map((file) => ({ label: vscode.workspace.asRelativePath(file), uri: file }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const chosen: { uri: vscode.Uri; label: string }[] = [];
  if (document) chosen.push({ uri: document.uri, label: vscode.workspace.asRelativePath(document.uri) });
  const others = await vscode.window.showQuickPick(candidates, {
    title: 'Simulate Request (5/5): other policies that take part (boundary, SCP, resource policy…)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!others) return undefined;
  chosen.push(...others);
  const policies: SimulatedPolicy[] = [];
  for (const [index, file] of chosen.entries()) {
    const type = await vscode.window.showQuickPick(POLICY_TYPES, {
      title: `What is ${file.label} in this request?`,
      placeHolder: index === 0 ? 'identity' : undefined,
      ignoreFocusOut: true,
    });
    if (!type) return undefined;
    policies.push({ uri: file.uri.toString(), type: type.label });
  }
  return policies;
}

/** One line above each statement of a policy: what it allows or denies, in plain words (click: the full explanation). */
class ExplanationLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeTextDocument(() => this.changed.fire());

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const current = this.client();
    if (!current) return [];
    let explanation: ExplainPolicyResult | null;
    try {
      explanation = await current.sendRequest(ExplainPolicyRequest, { uri: document.uri.toString() }, token);
    } catch {
      return [];
    }
    if (!explanation) return [];
    return explanation.statements.map((statement) => {
      const line = Math.max(0, Math.min(document.lineCount - 1, statement.line - 1));
      return new vscode.CodeLens(document.lineAt(line).range, { title: statement.sentence, command: COMMANDS.explainPolicy, arguments: [document.uri] });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { codeOf, EXTENSION_ID, hoverText, open, ours, positionOf, until } from './helpers';

/**
 * The policy tools in a real VS Code: completion next to VS Code's own JSON support, Check
 * Workspace, policies inside a SAM template, Explain This Policy, Simulate Request, and a server
 * that dies (last: it restarts the server).
 */

describe('policy tools in VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  it('lists a statement key once: the JSON support proposes the keys of sibling statements, the extension its other keys', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },\n    {  }\n  ]\n}\n',
    });
    const position = positionOf(document, '{  }', 2);
    const labels = await until('key proposals', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      const keys = (result?.items ?? [])
        .filter((i) => i.kind === vscode.CompletionItemKind.Property)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return keys.includes('Condition') ? keys : undefined;
    });
    for (const key of ['Effect', 'Action', 'Resource', 'Condition', 'Sid'])
      assert.equal(labels.filter((l) => l === key).length, 1, `${key} in ${labels.join(', ')}`);
  });

  it('Check Workspace puts the problems of files that are not open in the Problems panel', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'check-workspace', 'closed-policy.json');
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjects","Resource":"*"}]}';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(policy));
    try {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.toString()), 'not open');
      await vscode.commands.executeCommand('awsStudyHints.checkWorkspace');
      const found = await until('the closed file in the Problems panel', () => {
        const problems = ours(file).map(codeOf);
        return problems.includes('IAM042') ? problems : undefined;
      });
      assert.ok(found.includes('IAM042'));
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'check-workspace'), { recursive: true });
    }
  });

  it('checks the policies inside a SAM template, with hovers, at the exact token', async () => {
    const editor = await open('template.yaml');
    const typo = positionOf(editor.document, 's3:GetObjects', 0);
    const diagnostic = await until('IAM042 in the template', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM042'));
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character],
      // On the action's name, as in a policy file.
      [typo.line, typo.character + 's3:'.length, typo.character + 's3:GetObjects'.length],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'sqs:SendMessage', 5),
    );
    assert.match(hoverText(hovers), /SendMessage/);
    await until('the template status', async () => {
      await api.refreshStatus();
      return api.statusText().includes('SAM template') ? true : undefined;
    });
  });

  it('explains a policy beside it, with a one-line summary above each statement', async () => {
    const editor = await open('clean.json');
    const lenses = await until('a code lens on the statement', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found?.some((lens) => lens.command?.command === 'awsStudyHints.explainPolicy') ? found : undefined;
    });
    const lens = lenses.find((l) => l.command?.command === 'awsStudyHints.explainPolicy')!;
    assert.equal(lens.range.start.line, 3, 'above the statement');
    assert.match(lens.command!.title, /^Allows .*dynamodb:GetItem|GetItem/);
    const page = await vscode.commands.executeCommand<vscode.Uri>('awsStudyHints.explainPolicy', editor.document.uri);
    assert.equal(page.scheme, 'aws-study-hints-page');
    const text = (await vscode.workspace.openTextDocument(page)).getText();
    assert.match(text, /DynamoDB/);
    assert.match(text, /Read/);
  });

  it('simulates a request against the open policy and shows the deciding statement', async () => {
    const editor = await open('clean.json');
    const request = {
      action: 'dynamodb:GetItem',
      resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
      principal: 'arn:aws:iam::123456789012:role/app',
      policies: [{ uri: editor.document.uri.toString(), type: 'identity' }],
    };
    const allowed = await vscode.commands.executeCommand<vscode.Uri>('awsStudyHints.simulateRequest', request);
    const allowedText = (await vscode.workspace.openTextDocument(allowed)).getText();
    assert.match(allowedText, /allowed/i);
    assert.match(allowedText, /clean\.json#L4/);
    const denied = await vscode.commands.executeCommand<vscode.Uri>('awsStudyHints.simulateRequest', { ...request, action: 'dynamodb:DeleteItem' });
    assert.match((await vscode.workspace.openTextDocument(denied)).getText(), /implicit/i);
  });

  it('restarts a server process that died, says so once, and diagnoses again', async () => {
    const before = api.serverCrashes();
    // The server is a child of this extension host, started from the extension's dist/server.js.
    const children = execSync('ps -eo pid=,ppid=,args=')
      .toString()
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === process.pid && /dist[\\/]server\.js/.test(m[3]!));
    assert.equal(children.length, 1, 'one server process');
    process.kill(Number(children[0]![1]), 'SIGKILL');
    await until('the crash counted', () => (api.serverCrashes() > before ? true : undefined));
    const editor = await open('identity-typos.json');
    const restarted = await until('diagnostics from the restarted server', async () => {
      await api.refreshStatus();
      return api.statusText().includes('IAM identity policy') ? true : undefined;
    });
    assert.ok(restarted);
    await until('IAM022 from the restarted server', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM022'));
  });
});

/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import { SearchNotesRequest, type NoteSearchResponse, type NoteSearchResult } from '../../../server/src/protocol';
import { codeOf, EXTENSION_ID, hoverText, open, ours, positionOf, until } from './helpers';

/**
 * The extension end to end inside a real VS Code: everything goes through the VS Code API,
 * as a user's editor would use it. Conditions are polled with a deadline, never slept on.
 */

describe('AWS Study Hints in VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('awsStudyHints').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('reports diagnostics on the exact tokens, with codes and documentation links', async () => {
    const editor = await open('identity-typos.json');
    const diagnostics = await until('IAM042 and IAM022', () => {
      const found = ours(editor.document.uri);
      return found.some((d) => codeOf(d) === 'IAM042') && found.some((d) => codeOf(d) === 'IAM022') ? found : undefined;
    });
    const unknownAction = diagnostics.find((d) => codeOf(d) === 'IAM042')!;
    assert.equal(editor.document.getText(unknownAction.range), 'GetObjects');
    assert.equal(unknownAction.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknownAction.message, /Did you mean "s3:GetObject"\?/);
    const code = unknownAction.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /^https:\/\/docs\.aws\.amazon\.com\//);
    const effect = diagnostics.find((d) => codeOf(d) === 'IAM022')!;
    assert.equal(editor.document.getText(effect.range), 'allow');
    const listBucket = diagnostics.find((d) => codeOf(d) === 'IAM051');
    assert.equal(listBucket, undefined, 's3:ListBucket fits arn:aws:s3:::reports');
  });

  it('shows hovers on actions, wildcards and elements', async () => {
    const editor = await open('identity-typos.json');
    const action = await until('hover on s3:ListBucket', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 's3:ListBucket', 4),
      );
      const text = hoverText(hovers ?? []);
      return text.includes('s3:ListBucket') ? text : undefined;
    });
    assert.match(action, /List · Amazon S3/);
    assert.match(action, /arn:\$\{Partition\}:s3:::\$\{BucketName\}/);
    const effect = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, '"Effect"', 2),
    );
    assert.match(hoverText(effect), /explicit \*\*Deny\*\* anywhere wins/);
  });

  it('offers and applies quick-fixes from the diagnostics', async () => {
    const editor = await open('identity-typos.json');
    const original = editor.document.getText();
    try {
      // The diagnostics shown can still be those of the version before the previous test restored
      // the file: take the current IAM042 each time and ask until its fix is offered.
      let offered: string[] = [];
      const fix = await until('the "Change to s3:GetObject" fix', async () => {
        const diagnostic = ours(editor.document.uri).find((d) => codeOf(d) === 'IAM042');
        if (!diagnostic) return undefined;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          diagnostic.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        offered = actions.map((a) => a.title);
        return actions.find((a) => a.title === 'Change to "s3:GetObject"');
      }).catch(() => undefined);
      assert.ok(fix?.edit, `fix offered among ${offered.join(', ')}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.getText(), /"s3:GetObject", "s3:ListBucket"/);
      await until('IAM042 gone', () => (ours(editor.document.uri).some((d) => codeOf(d) === 'IAM042') ? undefined : true));
    } finally {
      const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      const restore = new vscode.WorkspaceEdit();
      restore.replace(editor.document.uri, whole, original);
      await vscode.workspace.applyEdit(restore);
      await editor.document.save();
    }
  });

  it('completes actions of the typed service', async () => {
    const editor = await open('completion.json');
    const position = positionOf(editor.document, '"s3:Get"', 7);
    const list = await until('completion items', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      return result && result.items.length > 0 ? result : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('s3:GetObject'), `s3:GetObject among ${labels.slice(0, 10).join(', ')}…`);
  });

  it('shows what the server sees in the language status item', async () => {
    await open('clean.json');
    const text = await until('status text', async () => {
      await api.refreshStatus();
      const current = api.statusText();
      return current.includes('IAM identity policy') ? current : undefined;
    });
    assert.match(text, /1 statement/);
  });

  it('applies policy kinds from the workspace settings', async () => {
    const editor = await open('scp/deny-with-principal.json');
    const diagnostic = await until('IAM029 in an SCP', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM029'));
    assert.match(diagnostic.message, /service control policy/);
    await api.refreshStatus();
    await until('SCP status', async () => {
      await api.refreshStatus();
      return api.statusText().includes('SCP') ? true : undefined;
    });
  });

  it("changes a rule's severity through the settings", async () => {
    const editor = await open('identity-typos.json');
    await until('IAM042 present', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM042'));
    await vscode.workspace.getConfiguration('awsStudyHints').update('rules', { IAM042: 'warning' }, vscode.ConfigurationTarget.Workspace);
    await until('IAM042 as a warning', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM042' && d.severity === vscode.DiagnosticSeverity.Warning));
    await vscode.workspace.getConfiguration('awsStudyHints').update('rules', { IAM042: 'off' }, vscode.ConfigurationTarget.Workspace);
    await until('IAM042 off', () => (ours(editor.document.uri).some((d) => codeOf(d) === 'IAM042') ? undefined : true));
    await vscode.workspace.getConfiguration('awsStudyHints').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await until('IAM042 back', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM042'));
  });

  it('leaves JSON that is not a policy alone', async () => {
    const editor = await open('package.json');
    await api.refreshStatus();
    await until('status says not a policy', async () => {
      await api.refreshStatus();
      return api.statusText() === 'Not an AWS file' ? true : undefined;
    });
    assert.deepEqual(ours(editor.document.uri), []);
  });

  it('checks buildspec files, with hovers and quick-fixes', async () => {
    const editor = await open('buildspec.yml');
    const diagnostics = await until('BSP020 and BSP026', () => {
      const found = ours(editor.document.uri);
      return found.some((d) => codeOf(d) === 'BSP020') && found.some((d) => codeOf(d) === 'BSP026') ? found : undefined;
    });
    const phase = diagnostics.find((d) => codeOf(d) === 'BSP020')!;
    assert.equal(editor.document.getText(phase.range), 'pre-build');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      phase.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.title === 'Rename to "pre_build"'),
      actions.map((a) => a.title).join(', '),
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, '  build:', 3),
    );
    assert.match(hoverText(hovers), /install → pre_build → \*\*build\*\* → post_build/);
    await until('buildspec status', async () => {
      await api.refreshStatus();
      return api.statusText().includes('CodeBuild buildspec 0.2') ? true : undefined;
    });
  });

  it('checks AppSpec files and shows the deployment lifecycle', async () => {
    const editor = await open('appspec.yml');
    const reserved = await until('APS031', () => ours(editor.document.uri).find((d) => codeOf(d) === 'APS031'));
    assert.equal(editor.document.getText(reserved.range), 'Install');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'ApplicationStart', 3),
    );
    assert.match(hoverText(hovers), /AfterInstall → \*\*ApplicationStart\*\* → ValidateService/);
    await until('AppSpec status', async () => {
      await api.refreshStatus();
      return api.statusText().includes('CodeDeploy AppSpec') ? true : undefined;
    });
    await vscode.commands.executeCommand('awsStudyHints.showDeploymentLifecycle');
    const lifecycle = await until('the lifecycle document', () => vscode.workspace.textDocuments.find((d) => d.getText().includes('# Deployment lifecycle')));
    // A read-only virtual document, not an Untitled buffer that asks to be saved.
    assert.equal(lifecycle.uri.scheme, 'aws-study-hints-page');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isUntitled && d.getText().includes('# Deployment lifecycle')));
  });

  it('does not set a policy kind on a YAML file, and says why', async () => {
    const editor = await open('appspec.yml');
    const before = JSON.stringify(vscode.workspace.getConfiguration('awsStudyHints', editor.document.uri).get('iam.policyKinds'));
    await vscode.commands.executeCommand('awsStudyHints.setPolicyKind', editor.document.uri);
    const after = JSON.stringify(vscode.workspace.getConfiguration('awsStudyHints', editor.document.uri).get('iam.policyKinds'));
    assert.equal(after, before);
  });

  it('indexes the notes folder: lint, search and hovers from notes', async () => {
    const editor = await open('notes/queues.md');
    const wrong = await until('NOTE001 on 15 days', () => ours(editor.document.uri).find((d) => codeOf(d) === 'NOTE001'));
    assert.equal(editor.document.getText(wrong.range), '15 days');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      wrong.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.title === 'Replace with 14 days'),
      actions.map((a) => a.title).join(', '),
    );
    const client = api.client()!;
    const results = await until('search results', async () => {
      // By method name: the suite bundles its own copy of the protocol types.
      const found = (await client.sendRequest<NoteSearchResponse>(SearchNotesRequest.method, { query: 'visibility timeout' })).results;
      return found.some((r) => r.source === 'user') && found.some((r) => r.source === 'bundled') ? found : undefined;
    });
    assert.ok(results.some((r) => r.title === 'Visibility'));
    const nothing = await client.sendRequest<NoteSearchResponse>(SearchNotesRequest.method, { query: 'Kynesys' });
    assert.deepEqual(nothing, { results: [], suggestions: ['kinesis'] });
  });

  it('labels hover excerpts by where they come from, and iam:PassRole finds a note that says PassRole', async () => {
    // Nothing in the notes folder is about buildspec artifacts: only the bundled knowledge speaks.
    const buildspec = await open('buildspec.yml');
    const knowledge = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        buildspec.document.uri,
        positionOf(buildspec.document, 'artifacts', 2),
      ),
    );
    assert.match(knowledge, /\*\*From AWS Study Hints knowledge\*\*/);
    assert.doesNotMatch(knowledge, /From your notes/);
    const policy = await open('passrole.json');
    const mine = await until('a hover with the note about PassRole', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        policy.document.uri,
        positionOf(policy.document, 'iam:PassRole', 4),
      );
      const text = hoverText(hovers ?? []);
      return text.includes('From your notes') ? text : undefined;
    });
    assert.match(mine, /\*roles\.md\* · \*\*IAM › Passing roles\*\* · \[open\]\(file:\/\/\/.*notes\/roles\.md#L3\)/);
    assert.match(mine, /\*\*From AWS Study Hints knowledge\*\*/);
  });

  it('opens bundled notes read-only, from hover links and search results', async () => {
    const buildspec = await open('buildspec.yml');
    const hover = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        buildspec.document.uri,
        positionOf(buildspec.document, 'artifacts', 2),
      ),
    );
    // What a click on the hover's link runs.
    const link = /\[open\]\(command:(awsStudyHints\.openNote)\?([^)]+)\)/.exec(hover);
    assert.ok(link, hover);
    const [uri, line] = JSON.parse(decodeURIComponent(link[2]!)) as [string, number];
    assert.match(uri, /^aws-study-hints:\/knowledge\/notes\/[a-z0-9-]+\.md$/);
    await vscode.commands.executeCommand(link[1]!, uri, line);
    const editor = await until('the bundled note in an editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === uri ? vscode.window.activeTextEditor : undefined,
    );
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, vscode.Uri.parse(uri).path)));
    assert.equal(editor.document.getText(), onDisk);
    assert.equal(editor.selection.active.line, line);
    assert.equal(editor.document.languageId, 'markdown');
    // Read-only: typing changes nothing, and nothing is left to save.
    await vscode.commands.executeCommand('type', { text: 'edited ' });
    assert.equal(editor.document.getText(), onDisk);
    // (TextEditor.edit resolves true even where the editor refuses the edit: the text is what counts.)
    await Promise.resolve(editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'edited '))).catch(() => false);
    assert.equal(editor.document.getText(), onDisk);
    assert.equal(editor.document.isDirty, false);

    // A bundled search result opens the same way; the learner's own notes stay files.
    const { results } = await api.client()!.sendRequest<NoteSearchResponse>(SearchNotesRequest.method, { query: 'visibility timeout' });
    const bundled = results.find((r: NoteSearchResult) => r.source === 'bundled')!;
    const user = results.find((r: NoteSearchResult) => r.source === 'user')!;
    assert.match(bundled.uri, /^aws-study-hints:\/knowledge\/notes\/sqs\.md$/);
    assert.equal(vscode.Uri.parse(user.uri).scheme, 'file');
    await vscode.commands.executeCommand('awsStudyHints.openNote', bundled.uri, bundled.range.start.line);
    await until('the SQS note', () => (vscode.window.activeTextEditor?.document.uri.toString() === bundled.uri ? true : undefined));
    assert.equal(vscode.window.activeTextEditor!.selection.active.line, bundled.range.start.line);
    await vscode.commands.executeCommand('awsStudyHints.openNote', user.uri, user.range.start.line);
    await until('the user note', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'file' ? true : undefined));
    assert.match(vscode.window.activeTextEditor!.document.uri.fsPath, /notes[\\/]queues\.md$/);
  });

  it('generates quiz questions in the server and shows the progress view', async () => {
    const client = api.client()!;
    const questions = await client.sendRequest<{ id: string; prompt: string; source: { file: string } }[]>('awsStudyHints/quizQuestions', {
      topic: 'codedeploy',
      count: 5,
      seed: 3,
    });
    assert.equal(questions.length, 5);
    assert.ok(questions.every((q) => q.prompt.length > 0 && q.source.file.length > 0));
    await vscode.commands.executeCommand('awsStudyHints.showProgress');
    await until('the Study progress tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Study progress'));
    assert.match(api.quizStoreFile(), /study-cards\.json$/);
  });

  it('registers every AWS Study command, and they run', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [
      'awsStudyHints.setPolicyKind',
      'awsStudyHints.configureRule',
      'awsStudyHints.showDocumentStatus',
      'awsStudyHints.showOutput',
      'awsStudyHints.restartServer',
      'awsStudyHints.showDeploymentLifecycle',
      'awsStudyHints.searchNotes',
      'awsStudyHints.addNotesFolder',
      'awsStudyHints.startQuiz',
      'awsStudyHints.quizFile',
      'awsStudyHints.reviewDue',
      'awsStudyHints.showProgress',
    ]) {
      assert.ok(all.includes(id), `${id} registered`);
    }
    await open('clean.json');
    await vscode.commands.executeCommand('awsStudyHints.showDocumentStatus');
    await vscode.commands.executeCommand('awsStudyHints.showOutput');
    await vscode.commands.executeCommand('awsStudyHints.restartServer');
    const editor = await open('identity-typos.json');
    await until('diagnostics after a restart', () => ours(editor.document.uri).find((d) => codeOf(d) === 'IAM022'));
  });
});

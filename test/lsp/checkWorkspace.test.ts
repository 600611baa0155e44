import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { CheckWorkspaceProgressNotification, CheckWorkspaceRequest, type CheckWorkspaceResult } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient.mjs';
import { poll } from '../support/poll.mjs';
import { BAD_POLICY, codes, GOOD_POLICY, TIMEOUT } from './shared';

/** Check Workspace over the protocol: every AWS file of the workspace folders in the Problems panel, open documents left to their own diagnostics. */

const BAD_BUILDSPEC = 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n';

function workspaceWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ash-check-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('Check Workspace over the protocol', TIMEOUT, () => {
  let root: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).href;
  before(async () => {
    root = workspaceWith({
      'policies/bad.json': BAD_POLICY,
      'policies/good.json': GOOD_POLICY,
      'ci/buildspec.yml': BAD_BUILDSPEC,
      'package.json': '{ "name": "not-aws", "version": "1.0.0" }',
      'node_modules/dep/policy.json': BAD_POLICY,
      '.hidden/policy.json': BAD_POLICY,
    });
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('publishes the problems of every policy and buildspec, skips build output and dot-folders, and counts', async () => {
    const result = (await client.connection.sendRequest(CheckWorkspaceRequest.method)) as CheckWorkspaceResult;
    assert.deepEqual(
      { files: result.files, checked: result.checked, withProblems: result.withProblems, cancelled: result.cancelled },
      { files: 4, checked: 3, withProblems: 2, cancelled: false },
    );
    const bad = client.publishedDiagnostics(uriOf('policies/bad.json'))!;
    // The same problems as the open document gets: Effect "allow", s3:GetObjects, StringEqualz.
    assert.deepEqual(codes(bad.diagnostics).sort(), ['IAM022', 'IAM042', 'IAM071']);
    assert.ok(codes(client.publishedDiagnostics(uriOf('ci/buildspec.yml'))!.diagnostics).length > 0);
    assert.equal(result.problems, bad.diagnostics.length + client.publishedDiagnostics(uriOf('ci/buildspec.yml'))!.diagnostics.length);
    const published = (client.received(PublishDiagnosticsNotification.method) as { uri: string }[]).map((p) => p.uri);
    for (const quiet of ['policies/good.json', 'package.json', 'node_modules/dep/policy.json', '.hidden/policy.json']) {
      assert.ok(!published.includes(uriOf(quiet)), `${quiet} published`);
    }
    assert.ok(client.received(CheckWorkspaceProgressNotification.method).length >= 1, 'progress sent');
  });

  test('opening a checked file withdraws its published problems (the open document has its own); closing publishes them again', async () => {
    const uri = uriOf('policies/bad.json');
    const before = client.received(PublishDiagnosticsNotification.method).length;
    await client.open(uri, 'json', BAD_POLICY);
    await poll('the problems withdrawn', () => client.publishedDiagnostics(uri)?.diagnostics.length === 0 || undefined);
    assert.ok((await client.pullDiagnostics(uri)).length >= 3, 'the open document is diagnosed as usual');
    await client.close(uri);
    await poll('the problems published again', () => {
      const all = (client.received(PublishDiagnosticsNotification.method) as { uri: string; diagnostics: unknown[] }[]).slice(before);
      const last = all.filter((p) => p.uri === uri).at(-1);
      return last && last.diagnostics.length >= 3 ? true : undefined;
    });
  });

  test('a file deleted since the last check has its problems withdrawn by the next one', async () => {
    fs.rmSync(path.join(root, 'ci', 'buildspec.yml'));
    const result = (await client.connection.sendRequest(CheckWorkspaceRequest.method)) as CheckWorkspaceResult;
    assert.equal(result.withProblems, 1);
    assert.deepEqual(client.publishedDiagnostics(uriOf('ci/buildspec.yml'))!.diagnostics, []);
  });

  test('a cancelled check stops and says so', async () => {
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(root, 'policies', `copy-${String(i).padStart(3, '0')}.json`), BAD_POLICY);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(CheckWorkspaceRequest.method, source.token) as Promise<CheckWorkspaceResult>;
    source.cancel();
    const result = await pending.catch((error: Error) => ({ cancelled: /cancel/i.test(error.message), checked: -1 }) as CheckWorkspaceResult);
    assert.equal(result.cancelled, true);
    assert.ok(result.checked < 300, `${result.checked} checked after the cancel`);
  });
});

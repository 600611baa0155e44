import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lspClient.mjs';
import { poll } from '../support/poll.mjs';
import { BAD_POLICY, PRINCIPAL_POLICY, TIMEOUT, byCode, codes, uniqueUri } from './shared';

/** Settings through workspace/configuration: per-rule severities and policy kinds. */

describe('settings', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('per-rule severity follows awsStudyHints.rules after didChangeConfiguration', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Error);
    const request = client.configurationRequests.at(-1);
    assert.deepEqual(
      request?.items.find((i) => i.scopeUri === uri),
      { scopeUri: uri, section: 'awsStudyHints' },
    );

    const refreshesBefore = client.diagnosticRefreshes;
    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'off' } } });
    const off = await client.pullDiagnostics(uri);
    assert.ok(!codes(off).includes('IAM042'), JSON.stringify(codes(off)));
    assert.ok(codes(off).includes('IAM022'), 'other rules are unaffected');

    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'warning' } } });
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Warning);

    // Rule names work as well as codes.
    await client.updateSettings({ awsStudyHints: { rules: { 'invalid-effect': 'hint' } } });
    const named = await client.pullDiagnostics(uri);
    assert.equal(byCode(named, 'IAM022').severity, DiagnosticSeverity.Hint);
    assert.equal(byCode(named, 'IAM042').severity, DiagnosticSeverity.Error);

    // Names with their language, and the old names without it, which the server reports once as deprecated.
    await client.updateSettings({ awsStudyHints: { rules: { 'iam/invalid-effect': 'information' } } });
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM022').severity, DiagnosticSeverity.Information);
    const deprecation = await poll(
      'the deprecation note for "invalid-effect"',
      async () =>
        client.notifications.find(
          (n) =>
            n.method === 'window/logMessage' &&
            /"invalid-effect" is an old rule name.*iam\/invalid-effect \(IAM022\)/.test((n.params as { message: string }).message),
        ),
      { timeoutMs: 10_000, intervalMs: 25 },
    );
    assert.ok(deprecation);

    // The server asks the client to re-pull after each configuration change.
    await client.waitForRefreshes(refreshesBefore + 4);

    await client.updateSettings({});
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Error);
  });

  test('policyKinds glob: a file under scp/ is an SCP, where Principal is not allowed', async () => {
    await client.updateSettings({ awsStudyHints: { iam: { policyKinds: { '**/scp/**': 'scp' } } } });
    const scpUri = 'file:///ws/scp/p.json';
    await client.open(scpUri, 'json', PRINCIPAL_POLICY);
    const status = await client.status(scpUri);
    assert.equal(status.documentType, 'iam-policy');
    assert.equal(status.policyKind, 'scp');
    assert.equal(status.kindSource, 'configured');
    const diagnostics = await client.pullDiagnostics(scpUri);
    const principal = byCode(diagnostics, 'IAM029');
    assert.equal(principal.range.start.line, 5);

    // The same content elsewhere is inferred from its content (a resource policy), without IAM029.
    const otherUri = 'file:///ws/other/p.json';
    await client.open(otherUri, 'json', PRINCIPAL_POLICY);
    const otherStatus = await client.status(otherUri);
    assert.ok(otherStatus.documentType === 'iam-policy');
    assert.equal(otherStatus.kindSource, 'inferred');
    assert.notEqual(otherStatus.policyKind, 'scp');
    assert.ok(!codes(await client.pullDiagnostics(otherUri)).includes('IAM029'));
  });
});

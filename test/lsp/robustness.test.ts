import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, positionAt } from '../support/lspClient.mjs';
import { poll } from '../support/poll.mjs';
import { BAD_POLICY, TIMEOUT, byCode, codes, uniqueUri } from './shared';

/** Hostile documents never crash or hang the server; push diagnostics for clients without pull. */

describe('robustness', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  /** After each hostile document the server must still answer an ordinary request correctly. */
  async function assertHealthy(): Promise<void> {
    assert.ok(client.alive, `server process died: ${client.stderr.join('')}`);
    const uri = uniqueUri('health.json');
    await client.open(uri, 'json', BAD_POLICY);
    assert.deepEqual(codes(await client.pullDiagnostics(uri)).sort(), ['IAM022', 'IAM042', 'IAM071']);
    await client.close(uri);
    assert.ok(client.alive);
  }

  async function exercise(name: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const uri = uniqueUri(name);
    await client.open(uri, languageId, text);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.ok(Array.isArray(diagnostics));
    // The other features answer too (a result or null, never an error or a hang).
    const end = positionAt(text, text.length);
    await client.hover(uri, end);
    await client.completion(uri, end);
    await client.hover(uri, { line: 0, character: 1 });
    await client.completion(uri, { line: 0, character: 1 });
    await client.status(uri);
    await client.close(uri);
    await assertHealthy();
    return diagnostics;
  }

  test('truncated JSON', async () => {
    const diagnostics = await exercise('truncated.json', 'json', BAD_POLICY.slice(0, BAD_POLICY.indexOf('"Resource"') + 5));
    assert.ok(codes(diagnostics).includes('IAM001'), JSON.stringify(codes(diagnostics)));
  });

  test('binary content with NUL bytes', async () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    await exercise('binary.json', 'json', `{"Version": "2012-10-17", "Statement": [\u0000\u0000${bytes}\u0000]}`);
    await exercise('binary2.json', 'json', '\u0000'.repeat(1000));
  });

  test('100,000 nested [', async () => {
    const deep = await exercise('deep.json', 'json', `{"Version": "2012-10-17", "Statement": ${'['.repeat(100_000)}`);
    assert.deepEqual(codes(deep), ['IAM004']);
    await exercise('deep2.json', 'json', '['.repeat(100_000));
    await exercise('deep3.json', 'json', `{"Statement": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
  });

  test('a 5 MB generated policy', async () => {
    const statements: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const statement = JSON.stringify({
        Sid: `S${i}`,
        Effect: i % 97 === 0 ? 'allow' : 'Allow',
        Action: [`s3:GetObject`, `s3:PutObject`, i % 89 === 0 ? 's3:GetObjects' : 's3:ListBucket'],
        Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
      });
      statements.push(statement);
      size += statement.length + 2;
    }
    const text = `{"Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n]}`;
    assert.ok(text.length >= 5 * 1024 * 1024);
    const diagnostics = await exercise('huge.json', 'json', text);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= 1001, `${diagnostics.length} diagnostics`);
    assert.ok(codes(diagnostics).includes('IAM022'));
  });

  test('invalid UTF-16 surrogates in strings', async () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "\uD800\uD800x\uDC00",
      "Effect": "Allow\uDFFF",
      "Action": "s3:Get\uD83DObject",
      "Resource": "arn:aws:s3:::\\uD800bucket\\uDC00/*",
      "Condition": { "StringEquals\uDC00": { "aws:SourceIp\uD800": "\uD800" } }
    }
  ]
}`;
    const diagnostics = await exercise('surrogates.json', 'json', text);
    assert.ok(diagnostics.length > 0);
  });

  test('a YAML file gets no diagnostics', async () => {
    const yaml = `Version: "2012-10-17"\nStatement:\n  - Effect: allow\n    Action: s3:GetObjects\n    Resource: "*"\n`;
    const diagnostics = await exercise('policy.yaml', 'yaml', yaml);
    assert.deepEqual(diagnostics, []);
  });
});

describe('deeply nested policies', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { awsStudyHints: { iam: { policyKinds: { '**/scp/**': 'scp' } } } } });
  });
  after(async () => {
    await client?.shutdown();
  });

  // A valid, complete policy whose one condition value is nested 300 arrays deep (the limit is 256).
  const DEEP_POLICY = BAD_POLICY.replace('"203.0.113.0/24"', `${'['.repeat(300)}"203.0.113.0/24"${']'.repeat(300)}`);

  test('with a configured kind, a too-deep document gets IAM004', async () => {
    const uri = 'file:///ws/scp/deep.json';
    await client.open(uri, 'json', DEEP_POLICY);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['IAM004']);
    assert.deepEqual(byCode(diagnostics, 'IAM004').range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.equal((await client.status(uri)).documentType, 'iam-policy');
  });

  test('without a configured kind, a policy that is too deep is still reported (IAM004), not silently ignored', async () => {
    const uri = 'file:///ws/policies/deep.json';
    await client.open(uri, 'json', DEEP_POLICY);
    assert.equal((await client.status(uri)).documentType, 'iam-policy');
    assert.ok(codes(await client.pullDiagnostics(uri)).includes('IAM004'));
  });
});

describe('push diagnostics (client without pull capability)', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ pullDiagnostics: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  test('initialize does not advertise a diagnostic provider', () => {
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  test('publishDiagnostics arrives for an opened bad policy, and again after a change', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    const published = await client.waitForPublishedDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published.diagnostics).sort(), ['IAM022', 'IAM042', 'IAM071']);
    assert.deepEqual(byCode(published.diagnostics, 'IAM042').range, { start: { line: 5, character: 20 }, end: { line: 5, character: 30 } });

    await client.change(uri, BAD_POLICY.replace('"allow"', '"Allow"'));
    const second = await client.waitForPublishedDiagnostics(uri);
    assert.equal(second.version, 2);
    assert.deepEqual(codes(second.diagnostics).sort(), ['IAM042', 'IAM071']);

    // Closing clears the problems.
    await client.close(uri);
    await poll('empty publishDiagnostics after close', () => client.publishedDiagnostics(uri)?.diagnostics.length === 0);
  });

  test('configuration changes re-publish open documents', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    await client.waitForPublishedDiagnostics(uri);
    const count = client.received('textDocument/publishDiagnostics').length;
    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'off' } } });
    const republished = await poll('re-published diagnostics', () => {
      const all = client.received('textDocument/publishDiagnostics').slice(count) as { uri: string; diagnostics: Diagnostic[] }[];
      return all.find((p) => p.uri === uri);
    });
    assert.deepEqual(codes(republished.diagnostics).sort(), ['IAM022', 'IAM071']);
  });
});

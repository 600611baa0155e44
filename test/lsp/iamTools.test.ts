import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ExplainPolicyRequest, SimulateOptionsRequest, SimulateRequest } from '../../server/src/protocol';
import { LspClient } from '../support/lspClient.mjs';
import { TIMEOUT } from './shared';

/** Explain This Policy and Simulate Request through the protocol: open documents as edited, others from disk. */

const IDENTITY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
      { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::reports/secret/*' },
    ],
  },
  null,
  2,
);
const ON_DISK = pathToFileURL(path.join(__dirname, '..', 'cli', 'fixtures', 'simulate', 'boundary-ec2.json')).href;

describe('explain and simulate over the protocol', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('explainPolicy: Markdown and one sentence per statement with its line', async () => {
    const uri = 'file:///ws/policies/reader.json';
    await client.open(uri, 'json', IDENTITY);
    const result = await client.connection.sendRequest(ExplainPolicyRequest, { uri });
    assert.ok(result);
    assert.match(result.markdown, /^# What reader\.json allows/);
    assert.deepEqual(
      result.statements.map((s) => [s.sid, s.line]),
      [
        ['Read', 4],
        ['NoSecrets', 10],
      ],
    );
    assert.match(result.statements[0]!.sentence, /^Allows reading objects in bucket `reports`/);
  });

  test('explainPolicy is null for a document that is not a policy', async () => {
    const uri = 'file:///ws/package.json';
    await client.open(uri, 'json', '{"name": "x"}');
    assert.equal(await client.connection.sendRequest(ExplainPolicyRequest, { uri }), null);
  });

  test('simulate: the deciding Deny with its URI and line, and the trace', async () => {
    const uri = 'file:///ws/policies/reader2.json';
    await client.open(uri, 'json', IDENTITY);
    const result = await client.connection.sendRequest(SimulateRequest, {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::reports/secret/plan.txt',
      principal: 'arn:aws:iam::111122223333:user/alice',
      policies: [{ uri, type: 'identity' }],
    });
    assert.equal(result.error, undefined);
    assert.equal(result.decision, 'explicit-deny');
    assert.deepEqual(result.statements, [{ uri, line: 10, sid: 'NoSecrets', effect: 'Deny', policy: 'identity' }]);
    assert.equal(result.policies[0]!.statements.length, 2);
    assert.match(result.text, /^Decision: DENIED \(explicit deny\)/);
    assert.match(result.markdown, /^# ⛔ Denied — explicit deny/);
    assert.ok(result.markdown.includes(`- ["NoSecrets"](${uri}#L10) — Deny in the identity policy`), result.markdown);
    assert.ok(result.markdown.includes(`| ["Read"](${uri}#L4) | Allow | yes |`), result.markdown);
  });

  test('simulate reads closed files from disk (a boundary)', async () => {
    const uri = 'file:///ws/policies/reader3.json';
    await client.open(uri, 'json', IDENTITY);
    const result = await client.connection.sendRequest(SimulateRequest, {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::reports/a.csv',
      principal: 'arn:aws:iam::111122223333:user/alice',
      context: { 'aws:SecureTransport': ['true'] },
      policies: [
        { uri, type: 'identity' },
        { uri: ON_DISK, type: 'boundary' },
      ],
    });
    assert.equal(result.decision, 'implicit-deny');
    assert.match(result.explanation, /boundary/);
  });

  test("simulateOptions: the policy's actions first, then templates and keys for the chosen action", async () => {
    const uri = 'file:///ws/policies/reader4.json';
    await client.open(uri, 'json', IDENTITY);
    const options = await client.connection.sendRequest(SimulateOptionsRequest, { uri, action: 's3:GetObject' });
    assert.equal(options.actions[0], 's3:GetObject');
    assert.ok(options.actions.length > 100, String(options.actions.length));
    assert.ok(options.resourceTemplates.includes('arn:${Partition}:s3:::${BucketName}/${ObjectName}'), options.resourceTemplates.join());
    assert.ok(options.conditionKeys.includes('s3:ExistingObjectTag/<key>') || options.conditionKeys.some((k) => k.startsWith('s3:')));
    const wildcardOnly = await client.connection.sendRequest(SimulateOptionsRequest, { action: 's3:ListAllMyBuckets' });
    assert.deepEqual(wildcardOnly.resourceTemplates, ['*']);
    assert.deepEqual(wildcardOnly.actions, []);
  });

  test("simulateOptions: as the user types, the catalog actions that match follow the policy's own", async () => {
    const prefixed = await client.connection.sendRequest(SimulateOptionsRequest, { query: 'sqs:send' });
    // SendMessageBatch is no IAM action: a batch is authorised as sqs:SendMessage.
    assert.deepEqual(prefixed.actions, ['sqs:SendMessage']);
    const anywhere = await client.connection.sendRequest(SimulateOptionsRequest, { query: 'getobjecttagging' });
    assert.ok(anywhere.actions.includes('s3:GetObjectTagging'), anywhere.actions.join());
    const uri = 'file:///ws/policies/reader5.json';
    await client.open(uri, 'json', IDENTITY);
    const both = await client.connection.sendRequest(SimulateOptionsRequest, { uri, query: 'dynamodb:getitem' });
    assert.equal(both.actions[0], 's3:GetObject', "the policy's own first");
    assert.ok(both.actions.includes('dynamodb:GetItem'));
    assert.deepEqual((await client.connection.sendRequest(SimulateOptionsRequest, { query: 'nosuchservice:x' })).actions, []);
  });

  test('simulate answers bad input with an error, not a failure', async () => {
    const result = await client.connection.sendRequest(SimulateRequest, { action: 's3:GetObject', resource: '*', principal: 'alice', policies: [] });
    assert.match(result.error ?? '', /principal must be/);
    const missing = await client.connection.sendRequest(SimulateRequest, {
      action: 's3:GetObject',
      resource: '*',
      policies: [{ uri: 'file:///nope/none.json', type: 'identity' }],
    });
    assert.match(missing.error ?? '', /cannot read/);
  });
});

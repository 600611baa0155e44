import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeSettings } from '../../server/src/service/settings';
import { doc, markers, policy, testService } from '../helpers';

/** Hovers, completion and code actions through the service API, with `|` marking the cursor. */

function hoverAt(marked: string): string | undefined {
  const { text, offset } = markers(marked);
  const d = doc(text);
  const hover = testService().hover(d, d.positionAt(offset!));
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

function completionLabels(marked: string): string[] {
  const { text, offset } = markers(marked);
  const d = doc(text);
  return (
    testService()
      .completion(d, d.positionAt(offset!))
      ?.items.map((i) => i.label) ?? []
  );
}

describe('hover', () => {
  test('action: access level, description, resource types with ARN formats, condition keys', () => {
    const value = hoverAt(policy('    {"Effect": "Allow", "Action": "s3:GetOb|ject", "Resource": "*"}'))!;
    assert.match(value, /\*\*s3:GetObject\*\* · Read · Amazon S3/);
    assert.match(value, /retrieve objects/i);
    assert.match(value, /\| object \| `arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}` \|/);
    assert.match(value, /Condition keys: .*s3:ExistingObjectTag/);
  });
  test('lower-case action names hover like their canonical spelling', () => {
    assert.match(hoverAt(policy('    {"Effect": "Allow", "Action": "dynamodb:get|item", "Resource": "*"}'))!, /dynamodb:GetItem/);
  });
  test('wildcard action: how many and which', () => {
    const value = hoverAt(policy('    {"Effect": "Allow", "Action": "iam:Pass|*", "Resource": "*"}'))!;
    assert.match(value, /matches 1 AWS Identity and Access Management \(IAM\) action/);
    assert.match(value, /iam:PassRole/);
  });
  test('star action', () => {
    assert.match(hoverAt(policy('    {"Effect": "Allow", "Action": "|*", "Resource": "*"}'))!, /every action of every service: [\d,]+ actions in \d+ services/);
  });
  test('wildcard-only action says it needs "*"', () => {
    assert.match(hoverAt(policy('    {"Effect": "Allow", "Action": "s3:ListAll|MyBuckets", "Resource": "*"}'))!, /Supports no resource-level permissions/);
  });
  test('condition key: type and description', () => {
    const value = hoverAt(
      policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"IpAddress": {"aws:Source|Ip": "10.0.0.0/8"}}}'),
    )!;
    assert.match(value, /aws:SourceIp\*\* · IPAddress · global key/);
    assert.match(value, /IpAddress \/ NotIpAddress/);
  });
  test('service condition key', () => {
    assert.match(
      hoverAt(policy('    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:pre|fix": "a/*"}}}'))!,
      /s3:prefix\*\* · String · Amazon S3 key/,
    );
  });
  test('operator with qualifiers', () => {
    const value = hoverAt(
      policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"ForAllValues:String|EqualsIfExists": {"aws:TagKeys": "a"}}}'),
    )!;
    assert.match(value, /String operator/);
    assert.match(value, /\*\*IfExists\*\*/);
    assert.match(value, /\*\*ForAllValues\*\*/);
  });
  test('ARN parts and resource type', () => {
    const value = hoverAt(policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bu|cket/*"}'))!;
    assert.match(value, /\| service \| `s3` \(Amazon S3\) \|/);
    assert.match(value, /\| resource \| `my-bucket\/\*` \|/);
    assert.match(value, /\*\*object\*\*/);
  });
  test('elements explain evaluation', () => {
    assert.match(hoverAt(policy('    {"Eff|ect": "Allow", "Action": "s3:GetObject", "Resource": "*"}'))!, /explicit \*\*Deny\*\* anywhere wins/);
    assert.match(hoverAt(policy('    {"Effect": "Allow", "NotAc|tion": "s3:GetObject", "Resource": "*"}'))!, /\*\*except\*\*/);
    assert.match(hoverAt(policy('    {"Effect": "De|ny", "Action": "s3:GetObject", "Resource": "*"}'))!, /explicit Deny always wins/);
  });
  test('nothing on punctuation or unknown tokens', () => {
    assert.equal(hoverAt(policy('    {"Effect": "Allow", "Action": "s3:Nope|Nope", "Resource": "*"}')), undefined);
  });
});

describe('completion', () => {
  test('statement elements not yet present', () => {
    const labels = completionLabels(policy('    {"Effect": "Allow", "|"}'));
    assert.ok(labels.includes('Action') && labels.includes('Condition') && labels.includes('Resource'));
    assert.ok(!labels.includes('Effect'), 'Effect is already there');
  });
  test('Effect values', () => {
    assert.deepEqual(completionLabels(policy('    {"Effect": "|"}')), ['Allow', 'Deny']);
  });
  test('service prefixes, then actions of the service', () => {
    assert.ok(completionLabels(policy('    {"Effect": "Allow", "Action": "dyn|"}')).includes('dynamodb:'));
    const actions = completionLabels(policy('    {"Effect": "Allow", "Action": ["s3:Get|"]}'));
    assert.ok(actions.includes('s3:GetObject'));
    assert.ok(actions.length > 100, `all S3 actions offered, got ${actions.length}`);
  });
  test("condition operators and keys of the statement's actions", () => {
    assert.ok(completionLabels(policy('    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"|"}}')).includes('StringLike'));
    const keys = completionLabels(policy('    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"|"}}}'));
    assert.ok(keys.includes('s3:prefix'), 'service key of s3:ListBucket');
    assert.ok(keys.includes('aws:SourceIp'), 'global key');
  });
  test("principal types and ARN templates for the statement's actions", () => {
    assert.ok(completionLabels(policy('    {"Effect": "Allow", "Principal": {"|"}, "Action": "sts:AssumeRole"}')).includes('Service'));
    const resources = completionLabels(policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "|"}'));
    assert.ok(resources.includes('arn:${Partition}:s3:::${BucketName}/${ObjectName}'));
  });
});

describe('code actions', () => {
  test('come from the diagnostic data and are dropped for a stale version', () => {
    const service = testService();
    const d = doc(policy('    {"Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}'));
    const diagnostics = service.diagnostics(d);
    const effect = diagnostics.find((x) => x.code === 'IAM022')!;
    const actions = service.codeActions(d, effect.range, [effect]);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Change to "Allow"');
    assert.equal(actions[0]!.isPreferred, true);
    assert.deepEqual(actions[0]!.diagnostics, [effect]);
    const newer = TextDocument.update(doc(d.getText(), d.uri), [], 2);
    assert.equal(service.codeActions(newer, effect.range, [effect]).length, 0);
  });
});

describe('settings', () => {
  test('per-rule severity by code or by name, and off', () => {
    const service = testService();
    const text = policy('    {"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "arn:aws:s3:::b/*"}');
    assert.equal(service.diagnostics(doc(text), { settings: normalizeSettings({ rules: {} }) })[0]?.severity, 1);
    assert.equal(service.diagnostics(doc(text), { settings: normalizeSettings({ rules: { IAM042: 'warning' } }) })[0]?.severity, 2);
    assert.equal(service.diagnostics(doc(text), { settings: normalizeSettings({ rules: { 'unknown-action': 'hint' } }) })[0]?.severity, 4);
    assert.equal(service.diagnostics(doc(text), { settings: normalizeSettings({ rules: { IAM042: 'off' } }) }).length, 0);
  });
  test('policyKinds globs select the kind, relative to the workspace', () => {
    const service = testService();
    const text = policy('    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}');
    const settings = normalizeSettings({ iam: { policyKinds: { 'org/scp/**': 'scp' } } });
    const status = service.status(doc(text, 'file:///ws/org/scp/deny-s3.json'), { settings, workspaceRoot: '/ws' });
    assert.ok(status.documentType === 'iam-policy');
    assert.equal(status.policyKind, 'scp');
    assert.equal(status.kindSource, 'configured');
    const other = service.status(doc(text, 'file:///ws/other/deny-s3.json'), { settings, workspaceRoot: '/ws' });
    assert.ok(other.documentType === 'iam-policy');
    assert.equal(other.kindSource, 'inferred');
  });
  test('a configured kind analyses even a file that does not look like a policy', () => {
    const service = testService();
    const settings = normalizeSettings({ iam: { policyKinds: { '*.json': 'identity' } } });
    const diagnostics = service.diagnostics(doc('{"Statment": [', 'file:///ws/broken.json'), { settings, workspaceRoot: '/ws' });
    assert.ok(diagnostics.some((x) => x.code === 'IAM001'));
  });
});

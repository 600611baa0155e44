import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IamCatalog } from '../../../server/src/service/iam/catalog/catalog';
import { explainPolicy } from '../../../server/src/service/iam/explain';
import { describeConditions, describeResource } from '../../../server/src/service/iam/explain/phrases';
import { explanationMarkdown } from '../../../server/src/service/iam/explain/render';
import { parsePolicy } from '../../../server/src/service/iam/model';

/** Explain: sentences per statement, wildcard expansion and the per-service access-level summary. */

const catalog = IamCatalog.load();
const policy = (statements: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const conditionsOf = (condition: unknown) =>
  describeConditions(parsePolicy(policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }])).statements[0]!.condition);

describe('statement sentences', () => {
  it('reads one action on one bucket over HTTPS', () => {
    const e = explainPolicy(
      policy([
        { Sid: 'R', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      ]),
      catalog,
    );
    assert.equal(e.statements[0]!.sentence, 'Allows reading objects in bucket `reports` (s3:GetObject, Read) only over HTTPS.');
    assert.equal(e.statements[0]!.line, 4);
  });

  it('expands a wildcard to a count and examples, with its access levels', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Action: 'sqs:Get*', Resource: '*' }]), catalog);
    const action = e.statements[0]!.actions[0]!;
    assert.ok(action.count >= 2, String(action.count));
    assert.match(action.description, /^sqs:Get\* \(\d+ of \d+ actions, e\.g\. sqs:GetQueueUrl/);
    assert.deepEqual(action.levels, ['Read']);
  });

  it('says "every action" for *', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]), catalog);
    assert.match(e.statements[0]!.sentence, /^Allows every action on all resources/);
    assert.equal(e.everyService.length, 1);
  });

  it('reads NotAction as "every action except"', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]), catalog);
    assert.equal(e.statements[0]!.sentence, 'Allows every action except `iam:*` on all resources.');
  });

  it('names the principals of a resource-based policy', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sqs:SendMessage', Resource: '*' }]), catalog);
    assert.equal(e.kind, 'resource');
    assert.match(e.statements[0]!.sentence, /^Allows account 111122223333 to change all resources \(sqs:SendMessage, Write\)\.$/);
  });

  it('calls an SCP a ceiling', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]), catalog, 'scp');
    assert.match(e.statements[0]!.sentence, /^Permits \(as a ceiling\) every Amazon EC2 action on all resources/);
    assert.match(e.role, /grants nothing/);
  });

  it('marks actions the catalog does not know', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Action: 's3:NoSuchThing', Resource: '*' }]), catalog);
    assert.match(e.statements[0]!.actions[0]!.description, /matches no action in the catalog/);
  });
});

describe('per-service summary', () => {
  it('is Full access when every action of the service is allowed', () => {
    const e = explainPolicy(policy([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]), catalog);
    assert.equal(e.allowed[0]!.access, 'Full access');
  });

  it('is Limited with the access levels granted', () => {
    const e = explainPolicy(
      policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }]),
      catalog,
    );
    const s3 = e.allowed[0]!;
    assert.equal(s3.service, 's3');
    assert.match(s3.access, /^Limited: List \(1 of \d+\), Read \(1 of \d+\)$/);
    assert.deepEqual(s3.resources, ['bucket `b`', 'objects in bucket `b`']);
  });

  it('keeps Deny statements apart', () => {
    const e = explainPolicy(
      policy([
        { Effect: 'Allow', Action: 'sqs:*', Resource: '*' },
        { Effect: 'Deny', Action: 'sqs:DeleteQueue', Resource: '*' },
      ]),
      catalog,
    );
    assert.equal(e.allowed.length, 1);
    assert.equal(e.denied[0]!.access.startsWith('Limited: Write'), true);
  });

  it('notes a condition that only some statements carry', () => {
    const e = explainPolicy(
      policy([
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
        { Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' },
      ]),
      catalog,
    );
    assert.deepEqual(e.allowed[0]!.conditions, ['only over HTTPS (some statements)']);
  });

  it('renders Markdown with a table per effect', () => {
    const md = explanationMarkdown(explainPolicy(policy([{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }]), catalog), 'Title');
    assert.match(md, /^# Title\n/);
    assert.match(md, /\| Amazon SQS \(`sqs`\) \| Full access \| all resources \| none \|/);
  });
});

describe('phrases', () => {
  const rows: [string, string][] = [
    ['*', 'all resources'],
    ['arn:aws:s3:::reports', 'bucket `reports`'],
    ['arn:aws:s3:::reports/*', 'objects in bucket `reports`'],
    ['arn:aws:s3:::logs-*/*', 'objects in buckets matching `logs-*`'],
    ['arn:aws:s3:::reports/2026/*', 'objects `2026/*` in bucket `reports`'],
    ['arn:aws:sqs:us-east-1:111122223333:q', '`arn:aws:sqs:us-east-1:111122223333:q`'],
  ];
  for (const [arn, phrase] of rows) it(`resource ${arn}`, () => assert.equal(describeResource(arn), phrase));

  it('reads well-known keys in their usual meaning', () => {
    assert.deepEqual(conditionsOf({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), ['only when signed in with MFA']);
    assert.deepEqual(conditionsOf({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } }), [
      'only from IP addresses in `10.0.0.0/8` or `192.168.0.0/16`',
    ]);
  });

  it('reads other conditions literally, with IfExists and set operators', () => {
    assert.deepEqual(conditionsOf({ StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }), [
      'only when `ec2:InstanceType` is `t3.micro` (or `ec2:InstanceType` is absent)',
    ]);
    assert.deepEqual(conditionsOf({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }), [
      'only when every value of `aws:TagKeys` is `env` or `team` (also true when the key is absent)',
    ]);
    assert.deepEqual(conditionsOf({ Null: { 'aws:TokenIssueTime': 'true' } }), ['only when `aws:TokenIssueTime` is absent']);
  });
});

describe('trust policies', () => {
  it('reads who may assume the role', () => {
    const text = policy([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'abc' } },
      },
    ]);
    const e = explainPolicy(text, catalog);
    assert.equal(e.kind, 'trust');
    assert.equal(e.statements[0]!.sentence, 'Lets the service `lambda.amazonaws.com` assume this role (sts:AssumeRole).');
    assert.equal(e.statements[1]!.sentence, 'Lets account 444455556666 assume this role (sts:AssumeRole) only when `sts:ExternalId` is `abc`.');
  });
});

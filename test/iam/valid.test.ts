import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PolicyKind } from '../../server/src/service/iam/model';
import { analyze, codes, policy } from '../helpers';

/** Valid policies of every kind stay clean, and the kind is inferred from the content. */

const s3Read = (extra = '') => `    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"${extra}}`;

/** Valid policies that must produce no finding at all: a false alarm is worse than a miss. */
const VALID: { name: string; text: string; kind?: PolicyKind }[] = [
  {
    name: 'lower-case action names',
    text: policy(
      '    {"Effect": "Allow", "Action": ["dynamodb:getitem", "DYNAMODB:Query"], "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/orders"}',
    ),
  },
  {
    name: 'home folder with variables',
    text: policy(
      '    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b", "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}}}',
      '    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/home/${aws:username}/*"}',
    ),
  },
  {
    name: 'variable with a default',
    text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, \'none\'}/*"}'),
  },
  { name: 'wildcard-only action with *', text: policy('    {"Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:ListAllMyBuckets"], "Resource": "*"}') },
  {
    name: 'deny with NotAction guard',
    text: policy(
      '    {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}',
    ),
  },
  {
    name: 'tag conditions',
    text: policy(
      '    {"Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "arn:aws:ec2:*:123456789012:instance/*", "Condition": {"StringEquals": {"aws:ResourceTag/Project": "${aws:PrincipalTag/Project}"}}}',
    ),
  },
  {
    name: 'ForAnyValue on a multivalued key',
    text: policy(
      '    {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "arn:aws:ec2:*:*:instance/*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}}',
    ),
  },
  {
    name: 'MFA pattern done right',
    text: policy(
      '    {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}',
    ),
  },
  {
    name: 'dates, numbers, IPs, booleans',
    text: policy(
      '    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}, "Bool": {"aws:SecureTransport": true}}}',
    ),
  },
  {
    name: 'GitHub OIDC trust',
    text: policy(
      '    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:org/repo:*"}}}',
    ),
  },
  {
    name: 'EKS IRSA trust',
    text: policy(
      '    {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"oidc.eks.us-east-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:sa"}}}',
    ),
  },
  {
    name: 'service trust',
    text: policy('    {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}'),
  },
  {
    name: 'cross-account trust with external id',
    text: policy(
      '    {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666", "arn:aws:iam::111122223333:role/path/deploy"]}, "Action": ["sts:AssumeRole", "sts:TagSession"], "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}',
    ),
  },
  {
    name: 'bucket policy with org condition',
    text: policy(
      '    {"Sid": "OrgRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}',
    ),
  },
  {
    name: 'KMS key policy',
    text: policy('    {"Sid": "Admin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}'),
  },
  {
    name: 'SCP full access and region deny',
    kind: 'scp',
    text: policy(
      '    {"Effect": "Allow", "Action": "*", "Resource": "*"}',
      '    {"Effect": "Deny", "NotAction": ["iam:*", "organizations:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}}',
    ),
  },
  {
    name: 'managed policy ARN and IAM paths',
    text: policy(
      '    {"Effect": "Allow", "Action": ["iam:AttachRolePolicy"], "Resource": "arn:aws:iam::123456789012:role/app/*", "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}}',
    ),
  },
  {
    name: 'logs and lambda ARNs with colons',
    text: policy(
      '    {"Effect": "Allow", "Action": ["logs:PutLogEvents", "logs:CreateLogStream"], "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*"}',
      '    {"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": ["arn:aws:lambda:us-east-1:123456789012:function:fn", "arn:aws:lambda:us-east-1:123456789012:function:fn:*"]}',
    ),
  },
  {
    name: 'statement as a single object',
    text: '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:123456789012:q"}}',
  },
  { name: 'escaped wildcard variables', text: policy('    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/literal-${*}-star"}') },
];

describe('IAM rules: valid policies stay clean', () => {
  for (const c of VALID) {
    test(c.name, () => {
      const analysis = analyze(c.text, c.kind);
      assert.deepEqual(
        analysis.findings.map((f) => `${f.code} ${f.message}`),
        [],
      );
    });
  }
});

describe('policy kinds', () => {
  test('inferred from content', () => {
    assert.equal(analyze(policy(s3Read())).kind, 'identity');
    assert.equal(analyze(policy('    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}')).kind, 'trust');
    assert.equal(
      analyze(policy('    {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}')).kind,
      'resource',
    );
  });
  test('a minority of statements with Principal reads as an identity policy with a stray Principal', () => {
    const text = policy(s3Read(), s3Read(), '    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}');
    const analysis = analyze(text);
    assert.equal(analysis.kind, 'identity');
    assert.ok(codes(analysis.findings).includes('IAM029'));
  });
});

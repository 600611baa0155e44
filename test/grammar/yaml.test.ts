import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasScopes, loadGrammars, tokenize, type Tokenized, type Where } from './helpers';

/** The YAML injection on VS Code's current YAML grammar and on the one it shipped before late 2024. */

before(loadGrammars);

describe('YAML injection (source.yaml, VS Code’s current YAML grammar)', () => {
  const text = [
    'Statement:',
    '  - Effect: Allow',
    '    Action: s3:GetObject',
    '    NotAction: [s3:PutObject, "ec2:Describe*", \'iam:*\']',
    '    Resource:',
    '      - "arn:aws:iam::123456789012:role/x"',
    '      - arn:aws:s3:::my-bucket/${aws:username}/*',
    "      - 'arn:aws:s3:::other/*'",
    '    Description: see s3:GetObject for details',
    '    Condition:',
    '      StringEquals:',
    '        aws:username: ${aws:username',
    '        "aws:SourceVpc": vpc-1 # s3:GetObject',
    '        \'s3:prefix\': "home/"',
  ].join('\n');
  const IAM_ARN = 'arn:aws:iam::123456789012:role/x';
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.yaml', text);
  });

  it('scopes a plain action value', () => {
    const where = { in: 'Action: s3:GetObject' };
    hasScopes(doc, 's3', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws'], where);
    hasScopes(doc, ':', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'entity.name.function.iam-action.aws'], where);
  });

  it('does not highlight the keys', () => {
    const keys: [string, Where?][] = [
      ['Statement'],
      ['Effect'],
      ['Action'],
      ['NotAction'],
      ['Resource'],
      ['Condition'],
      ['StringEquals'],
      ['aws:username', { in: 'aws:username: $' }],
      ['"aws:SourceVpc"'],
      ["'s3:prefix'"],
    ];
    for (const [key, where] of keys) {
      assert.deepEqual(doc.iamScopes(key, where), [], key);
      assert.ok(
        doc.over(key, where).every((t) => t.scopes.includes('entity.name.tag.yaml')),
        key,
      );
    }
  });

  it('scopes actions in a flow sequence, plain and quoted', () => {
    hasScopes(doc, 'PutObject', ['string.unquoted.plain.in.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'ec2', ['string.quoted.double.yaml', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, '*', ['string.quoted.double.yaml', 'keyword.operator.wildcard.iam.aws'], { in: 'ec2:Describe*' });
    hasScopes(doc, 'iam', ['string.quoted.single.yaml', 'entity.name.namespace.iam-service.aws'], { in: "'iam:*'" });
    hasScopes(doc, '*', ['string.quoted.single.yaml', 'keyword.operator.wildcard.iam.aws'], { in: "'iam:*'" });
  });

  it('scopes the parts of a quoted ARN in a block sequence', () => {
    const where = { in: IAM_ARN };
    hasScopes(doc, 'arn', ['string.quoted.double.yaml', 'constant.other.arn.aws', 'keyword.other.arn.aws'], where);
    hasScopes(doc, 'aws', ['string.quoted.double.yaml', 'support.type.arn-partition.aws'], where);
    hasScopes(doc, 'iam', ['string.quoted.double.yaml', 'entity.name.namespace.arn-service.aws'], where);
    assert.deepEqual(
      doc.over('::', where).map((t) => t.scopes.at(-1)),
      Array(2).fill('punctuation.separator.arn.aws'),
    );
    hasScopes(doc, '123456789012', ['constant.numeric.account-id.aws'], where);
    hasScopes(doc, 'role', ['meta.arn-resource.aws'], where);
    hasScopes(doc, '/', ['meta.arn-resource.aws', 'punctuation.separator.arn-resource.aws'], where);
    hasScopes(doc, 'x', ['meta.arn-resource.aws'], { in: 'role/x' });
    assert.ok(doc.over('"', { in: `"${IAM_ARN}"` })[0]!.scopes.includes('punctuation.definition.string.begin.yaml'));
  });

  it('scopes plain and single-quoted ARNs and the variable in them', () => {
    hasScopes(doc, 'arn', ['string.unquoted.plain.out.yaml', 'keyword.other.arn.aws'], { in: '- arn:aws:s3:::my-bucket' });
    hasScopes(doc, 'my-bucket', ['string.unquoted.plain.out.yaml', 'meta.arn-resource.aws']);
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], { in: 'my-bucket/${aws:username}' });
    hasScopes(doc, 'other', ['string.quoted.single.yaml', 'meta.arn-resource.aws']);
  });

  it('gives prose, comments and other values no IAM scopes', () => {
    assert.deepEqual(doc.iamScopes('see s3:GetObject for details'), []);
    assert.deepEqual(doc.iamScopes('vpc-1 # s3:GetObject'), []);
    assert.deepEqual(doc.iamScopes('Allow'), []);
    const other = tokenize(
      'source.yaml',
      [
        'image: python:3.12',
        'at: "10:30"',
        'words: "Allows reading: the bucket"',
        'url: https://example.com/a:b',
        'quoted: "it\'s arn:aws:s3:::b"',
        'env: ${HOME:-/tmp}',
        'vs: ${workspaceFolder}/out',
        'gha: ${{ github.sha }}',
        'star: "*"',
        '# Action: s3:GetObject',
      ].join('\n'),
    );
    assert.deepEqual(other.iamScopes(), []);
  });

  it('marks an unclosed policy variable as invalid', () => {
    hasScopes(doc, '${aws:username', ['string.unquoted.plain.out.yaml', 'invalid.illegal.unclosed-policy-variable.aws'], {
      in: 'aws:username: ${aws:username',
    });
    const d = tokenize('source.yaml', 'a: "${aws:username"\nb: ${aws:username/${aws:userid}');
    hasScopes(d, '${aws:username', ['string.quoted.double.yaml', 'invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, '${aws:username/', ['invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws']);
  });

  it('keeps a variable with a default value whole inside plain and quoted ARNs', () => {
    const d = tokenize(
      'source.yaml',
      [
        "a: arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}",
        'b: "arn:aws:s3:::b/${aws:PrincipalTag/team, \'none\'}"',
        "c: 'arn:aws:s3:::b/${aws:PrincipalTag/team, ''none''}'",
      ].join('\n'),
    );
    assert.ok(!d.iamScopes().includes('invalid.illegal.unclosed-policy-variable.aws'));
    for (const line of ['a: ', 'b: ', 'c: ']) {
      const where = { in: `${line + (line === 'a: ' ? '' : line === 'b: ' ? '"' : "'")}arn:aws:s3:::b/\${aws:PrincipalTag/team, ` };
      hasScopes(d, 'aws:PrincipalTag/team', ['constant.other.arn.aws', 'meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], where);
    }
    hasScopes(d, "'none'", ['string.unquoted.plain.out.yaml', 'meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws'], { nth: 0 });
    hasScopes(d, "'none'", ['string.quoted.double.yaml', 'meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws'], { nth: 1 });
    hasScopes(d, "''none''", ['meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws']);
  });

  it('scopes CloudFormation !Sub ARNs and flow mappings', () => {
    const d = tokenize(
      'source.yaml',
      ['Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*', 'Statement: {Effect: Allow, Action: s3:ListBucket, "Resource": "arn:aws:s3:::b"}'].join('\n'),
    );
    hasScopes(d, 'AWS::Partition', ['support.type.arn-partition.aws', 'variable.language.cloudformation-pseudo-parameter.aws']);
    hasScopes(d, 'Bucket', ['meta.arn-resource.aws', 'variable.other.cloudformation-substitution.aws'], { in: '${Bucket}' });
    hasScopes(d, 'ListBucket', ['string.unquoted.plain.in.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(d, 'b', ['string.quoted.double.yaml', 'meta.arn-resource.aws'], { in: ':::b"' });
    assert.deepEqual(d.iamScopes('"Resource"'), []);
    assert.deepEqual(d.iamScopes('Effect'), []);
  });
});

describe('YAML injection (source.yaml, VS Code’s YAML grammar before late 2024)', () => {
  // That grammar's begin pattern for a plain scalar consumes the scalar's first character
  // (microsoft/vscode#180523), so an injection cannot see where a plain scalar starts.
  const text = [
    'Statement:',
    '  - Action: "s3:GetObject"',
    '    NotAction: ec2:DescribeInstances',
    '    Resource:',
    '      - "arn:aws:iam::123456789012:role/x"',
    '      - arn:aws:s3:::b/${aws:username}/*',
    '    Condition:',
    '      StringEquals:',
    '        "aws:SourceVpc": "vpc-1"',
    "        's3:prefix': ['home/']",
    '        aws:username: x',
  ].join('\n');
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.yaml', text, 'legacy');
  });

  it('scopes quoted actions and ARNs', () => {
    hasScopes(doc, 's3', ['string.quoted.double.yaml', 'entity.name.namespace.iam-service.aws'], { in: '"s3:GetObject"' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'iam', ['string.quoted.double.yaml', 'entity.name.namespace.arn-service.aws']);
    hasScopes(doc, '123456789012', ['constant.numeric.account-id.aws']);
  });

  it('does not mis-split a plain scalar whose first character the host grammar took', () => {
    assert.deepEqual(doc.iamScopes('ec2:DescribeInstances'), []);
    assert.deepEqual(doc.iamScopes('arn:aws:s3:::b/'), []);
  });

  it('still scopes a policy variable inside a plain scalar', () => {
    hasScopes(doc, 'aws:username', ['string.unquoted.plain.out.yaml', 'variable.other.iam-policy-variable.aws'], { in: '${aws:username}' });
  });

  it('does not highlight quoted or plain keys', () => {
    for (const key of ['"aws:SourceVpc"', "'s3:prefix'", 'aws:username:', 'Action', 'NotAction']) assert.deepEqual(doc.iamScopes(key), [], key);
  });
});

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasScopes, loadGrammars, tokenize, type Tokenized } from './helpers';

/** The JSON injection on VS Code's JSON and JSON with Comments grammars. */

before(loadGrammars);

describe('JSON injection (source.json)', () => {
  const policy = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [{',
    '    "Effect": "Allow",',
    '    "Action": ["s3:GetObject", "ec2:Describe*"],',
    '    "Resource": "arn:aws:s3:::my-bucket/${aws:username}/*",',
    '    "Description": "Allows reading: the bucket"',
    '  }]',
    '}',
  ].join('\n');
  const ARN = 'arn:aws:s3:::my-bucket/${aws:username}/*';
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.json', policy);
  });

  it('scopes the service prefix, the colon and the action name of each action', () => {
    hasScopes(doc, 's3', ['string.quoted.double.json', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws'], { in: 's3:GetObject' });
    hasScopes(doc, ':', ['string.quoted.double.json', 'meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.json', 'meta.iam-action.aws', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'ec2', ['meta.iam-action.aws', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, ':', ['meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 'ec2:Describe*' });
    hasScopes(doc, 'Describe', ['meta.iam-action.aws', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, '*', ['entity.name.function.iam-action.aws', 'keyword.operator.wildcard.iam.aws'], { in: 'ec2:Describe*' });
  });

  it('leaves the string punctuation to the JSON grammar', () => {
    const tokens = doc.over('"s3:GetObject"');
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['"', 's3', ':', 'GetObject', '"'],
    );
    assert.ok(tokens[0]!.scopes.includes('punctuation.definition.string.begin.json'));
    assert.ok(tokens[4]!.scopes.includes('punctuation.definition.string.end.json'));
    assert.deepEqual(doc.iamScopes('"', { in: '"s3:GetObject"' }), []);
  });

  it('does not highlight the keys', () => {
    for (const key of ['"Version"', '"Statement"', '"Effect"', '"Action"', '"Resource"', '"Description"']) {
      assert.deepEqual(doc.iamScopes(key), [], key);
      assert.ok(
        doc.over(key).every((t) => t.scopes.includes('support.type.property-name.json')),
        key,
      );
    }
  });

  it('scopes the parts of an ARN, and a policy variable in its resource', () => {
    assert.ok(doc.over(ARN).every((t) => t.scopes.includes('constant.other.arn.aws')));
    hasScopes(doc, 'arn', ['keyword.other.arn.aws'], { in: ARN });
    hasScopes(doc, 'aws', ['support.type.arn-partition.aws'], { in: ARN });
    hasScopes(doc, 's3', ['entity.name.namespace.arn-service.aws'], { in: ARN });
    assert.deepEqual(
      doc.over(':', { in: ARN, nth: 0 }).map((t) => t.scopes.at(-1)),
      ['punctuation.separator.arn.aws'],
    );
    assert.deepEqual(
      doc.over(':::', { in: ARN }).map((t) => t.scopes.at(-1)),
      Array(3).fill('punctuation.separator.arn.aws'),
    );
    hasScopes(doc, 'my-bucket', ['meta.arn-resource.aws']);
    hasScopes(doc, '/', ['meta.arn-resource.aws', 'punctuation.separator.arn-resource.aws'], { in: ARN });
    hasScopes(doc, '${', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws', 'punctuation.definition.variable.begin.aws'], { in: ARN });
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], { in: ARN });
    hasScopes(doc, '}', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws', 'punctuation.definition.variable.end.aws'], { in: ARN });
    hasScopes(doc, '*', ['meta.arn-resource.aws', 'keyword.operator.wildcard.iam.aws'], { in: ARN });
  });

  it('gives prose and other values no IAM scopes', () => {
    assert.deepEqual(doc.iamScopes('"Allows reading: the bucket"'), []);
    assert.deepEqual(doc.iamScopes('"2012-10-17"'), []);
    assert.deepEqual(doc.iamScopes('"Allow"'), []);
  });

  it('scopes the region and the account of an ARN', () => {
    const d = tokenize('source.json', '{"Resource": "arn:aws:ec2:us-east-1:123456789012:instance/*"}');
    hasScopes(d, 'ec2', ['entity.name.namespace.arn-service.aws']);
    hasScopes(d, 'us-east-1', ['support.constant.arn-region.aws']);
    hasScopes(d, '123456789012', ['constant.numeric.account-id.aws']);
    hasScopes(d, 'instance', ['meta.arn-resource.aws']);
  });

  it('leaves strings that are not IAM alone', () => {
    const strings = [
      '10:30',
      'python:3.12',
      '*',
      'https://example.com/a:b',
      'see s3:GetObject',
      's3:GetObject is read',
      'arn:aws:s3',
      '${workspaceFolder}/out',
      '${env:HOME}',
      '${config:editor.tabSize}',
      '${HOME:-/tmp}',
      '${var:0:3}',
      '${CODEBUILD_SRC_DIR}',
      'C:\\\\temp',
    ];
    const d = tokenize('source.json', `[${strings.map((s) => `"${s}"`).join(', ')}]`);
    assert.deepEqual(d.iamScopes(), []);
  });

  it('does not highlight keys that look like actions, ARNs or variables', () => {
    const d = tokenize('source.json', '{"s3:GetObject": 1, "aws:username": {"arn:aws:s3:::b": "${aws:userid}"}, "${aws:x}": 2}');
    for (const key of ['"s3:GetObject"', '"aws:username"', '"arn:aws:s3:::b"', '"${aws:x}"']) assert.deepEqual(d.iamScopes(key), [], key);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws']);
  });

  it('only highlights an action or ARN that is the whole string, not one after an escaped quote', () => {
    const d = tokenize('source.json', '["use \\"arn:aws:s3:::b\\" here", "say \\"s3:GetObject\\""]');
    assert.deepEqual(d.iamScopes(), []);
    // The JSON grammar keeps its escapes.
    hasScopes(d, '\\"', ['constant.character.escape.json'], { in: 'b\\" here' });
    hasScopes(d, '\\"', ['constant.character.escape.json'], { in: 'GetObject\\"' });
  });

  it('marks an unclosed policy variable as invalid', () => {
    const d = tokenize('source.json', '["${aws:username", "arn:aws:s3:::b/${aws:username/*"]');
    hasScopes(d, '${aws:username', ['invalid.illegal.unclosed-policy-variable.aws'], { in: '"${aws:username"' });
    hasScopes(d, '${aws:username/*', ['meta.arn-resource.aws', 'invalid.illegal.unclosed-policy-variable.aws']);
    assert.ok(!d.iamScopes().includes('variable.other.iam-policy-variable.aws'));
  });

  it('treats a variable as unclosed when another ${ comes before its } (as the server does)', () => {
    const d = tokenize('source.json', '["${aws:username/${aws:userid}", "a ${aws:username and ${aws:userid}"]');
    hasScopes(d, '${aws:username/', ['invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws'], { in: '/${aws:userid}' });
    hasScopes(d, '${aws:username', ['invalid.illegal.unclosed-policy-variable.aws'], { in: 'a ${aws:username and' });
    assert.deepEqual(d.iamScopes(' and '), []);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws'], { in: 'and ${aws:userid}' });
  });

  it('does not call a variable with white space in its key valid', () => {
    assert.deepEqual(tokenize('source.json', '"${aws:user name}"').iamScopes(), []);
  });

  it('scopes default values and the escape variables', () => {
    const d = tokenize('source.json', `["\${aws:PrincipalTag/team, 'none'}", "\${*}\${?}\${$}"]`);
    hasScopes(d, 'aws:PrincipalTag/team', ['variable.other.iam-policy-variable.aws']);
    hasScopes(d, ', ', ['variable.other.iam-policy-variable.aws', 'punctuation.separator.iam-default-value.aws'], { in: "team, 'none'" });
    hasScopes(d, "'none'", ['variable.other.iam-policy-variable.aws', 'string.quoted.single.iam-default-value.aws']);
    for (const [escaped, where] of [
      ['*', { in: '${*}' }],
      ['?', { in: '${?}' }],
      ['$', { in: '${$}', nth: 1 }],
    ] as const) {
      hasScopes(d, escaped, ['variable.other.iam-policy-variable.aws', 'constant.character.escape.iam-policy-variable.aws'], where);
    }
  });

  it('scopes CloudFormation substitutions', () => {
    const d = tokenize('source.json', '{"Fn::Sub": "arn:${AWS::Partition}:s3:::${BucketName}/*", "Region": "${AWS::Region}"}');
    assert.deepEqual(d.iamScopes('"Fn::Sub"'), []);
    hasScopes(d, 'AWS::Partition', ['support.type.arn-partition.aws', 'variable.language.cloudformation-pseudo-parameter.aws']);
    hasScopes(d, 'BucketName', ['meta.arn-resource.aws', 'variable.other.cloudformation-substitution.aws']);
    hasScopes(d, 'AWS::Region', ['variable.language.cloudformation-pseudo-parameter.aws']);
  });
});

describe('JSON injection (source.json.comments)', () => {
  const text = [
    '// An identity policy',
    '{',
    '  /* read only */ "Action": "s3:GetObject", // trailing comment: s3:PutObject',
    '  "Resource": ["arn:aws:s3:::b/${aws:username}/*"],',
    '  "Sid": "Allows reading: the bucket"',
    '}',
  ].join('\n');
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.json.comments', text);
  });

  it('scopes actions, ARNs and variables in JSONC strings', () => {
    hasScopes(doc, 's3', ['string.quoted.double.json.comments', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, ':', ['string.quoted.double.json.comments', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.json.comments', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'aws', ['string.quoted.double.json.comments', 'support.type.arn-partition.aws'], { in: 'arn:aws:s3' });
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws']);
  });

  it('does not highlight keys, comments or prose', () => {
    assert.deepEqual(doc.iamScopes('"Action"'), []);
    assert.ok(doc.over('"Action"').every((t) => t.scopes.includes('support.type.property-name.json.comments')));
    assert.ok(doc.over('s3:PutObject').every((t) => t.scopes.includes('comment.line.double-slash.js')));
    assert.deepEqual(doc.iamScopes('// trailing comment: s3:PutObject'), []);
    assert.deepEqual(doc.iamScopes('/* read only */'), []);
    assert.deepEqual(doc.iamScopes('"Allows reading: the bucket"'), []);
  });
});

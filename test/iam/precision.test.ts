import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PolicyKind } from '../../server/src/service/iam/model';
import { CONDITION_RULES } from '../../server/src/service/iam/rules/conditions';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, codes, policy, testService } from '../helpers';

/**
 * Patterns seen in real policies (AWS managed policies, AWS samples and documentation) that are
 * valid and must stay quiet, next to the near-misses that are real problems. Fixtures are
 * written here, in the shape of what was seen, not copied.
 */

const statement = (fields: Record<string, unknown>) => `    ${JSON.stringify({ Effect: 'Allow', ...fields })}`;
const found = (kind: PolicyKind, ...statements: Record<string, unknown>[]) => codes(analyze(policy(...statements.map(statement)), kind).findings);

describe('resources that real policies use', () => {
  test('a service-wide ARN serves an action without resource-level permissions', () => {
    assert.deepEqual(found('identity', { Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }), []);
    assert.deepEqual(found('identity', { Action: 'iam:ListRoles', Resource: 'arn:aws:iam::*:*' }), []);
    assert.deepEqual(found('identity', { Action: 'logs:DescribeLogGroups', Resource: 'arn:aws:logs:*:*:*' }), []);
    // …but a specific ARN does not.
    assert.deepEqual(found('identity', { Action: 'iam:ListRoles', Resource: 'arn:aws:iam::123456789012:role/app-*' }), ['IAM052']);
  });

  test('an API Gateway resource policy names its API as "execute-api:/…", which API Gateway expands', () => {
    const anyone = { Principal: '*', Action: 'execute-api:Invoke', Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } };
    assert.deepEqual(found('resource', { ...anyone, Resource: 'execute-api:/*' }), []);
    assert.deepEqual(found('resource', { ...anyone, Resource: ['execute-api:/prod/GET/pets', 'execute-api:/*/POST/*'] }), []);
    // An identity policy gets no such expansion: there it is no ARN.
    assert.deepEqual(found('identity', { Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }), ['IAM050']);
  });

  test('a * ending an ARN segment reaches across colons, as IAM matches it', () => {
    // The account's * absorbs "123456789012:secret", so this names secrets whose names start with "app!".
    assert.deepEqual(found('identity', { Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:app!*' }), []);
    // A cluster ARN is still no topic ARN.
    assert.deepEqual(found('identity', { Action: 'kafka-cluster:DescribeTopic', Resource: 'arn:aws:kafka:*:*:cluster/*' }), ['IAM051']);
  });

  test('services that share a prefix keep all their resource types', () => {
    // ELB and ELB v2 both use elasticloadbalancing; AddTags of v2 tags target groups.
    assert.deepEqual(found('identity', { Action: 'elasticloadbalancing:AddTags', Resource: 'arn:aws:elasticloadbalancing:*:*:targetgroup/web/*' }), []);
  });
});

describe('policies where Principal "*" is by design', () => {
  const everyone = { Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::corp-artifacts/*' };
  test('a VPC endpoint policy names what may pass the endpoint, not who on the internet', () => {
    assert.deepEqual(found('endpoint', everyone), []);
    assert.deepEqual(found('endpoint', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::corp-artifacts/*' }), [], 'Principal may be left out');
  });
  test('a resource control policy denies for every principal', () => {
    const rcp = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:SourceOrgID': 'o-abcd123456' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
    };
    assert.deepEqual(found('rcp', rcp), []);
  });
  test('the same statement in a bucket policy is public, unless the resource needs an identity', () => {
    assert.deepEqual(found('resource', everyone), ['IAM096']);
    assert.deepEqual(found('resource', { ...everyone, Resource: 'arn:aws:s3:::corp-home/${aws:PrincipalTag/team}/*' }), []);
  });
  test('a missing Version is advice when the policy uses no variables', () => {
    const noVersion = (resource: string) => `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${resource}"}]}`;
    const plain = analyze(noVersion('arn:aws:s3:::b/*'), 'identity').findings;
    assert.deepEqual([codes(plain), plain[0]!.severity], [['IAM010'], 'information']);
    const variables = analyze(noVersion('arn:aws:s3:::b/${aws:username}/*'), 'identity').findings.find((f) => f.code === 'IAM010');
    assert.equal(variables?.severity, undefined, 'the rule default: a warning');
  });
});

describe('policies wrapped as the AWS CLI prints them', () => {
  const inner = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "*"}]}';
  test('get-policy-version and get-role-policy output is analysed inside, at exact positions', () => {
    for (const text of [
      `{"PolicyVersion": {"Document": ${inner}, "VersionId": "v2", "IsDefaultVersion": true, "CreateDate": "2024-01-01T00:00:00Z"}}`,
      `{"RoleName": "app", "PolicyName": "read", "PolicyDocument": ${inner}}`,
    ]) {
      const analysis = analyze(text);
      assert.deepEqual(codes(analysis.findings), ['IAM042']);
      const finding = analysis.findings[0]!;
      const start = text.indexOf('GetObjects');
      assert.equal(finding.range.start.character, start, 'the range is on the action inside the wrapper');
    }
  });
  test('get-role output is a trust policy', () => {
    const text = `{"Role": {"RoleName": "app", "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}`;
    const analysis = analyze(text);
    assert.deepEqual([analysis.kind, analysis.model.wrapper, codes(analysis.findings)], ['trust', 'Role.AssumeRolePolicyDocument', []]);
  });
});

describe('values left from examples', () => {
  test('placeholders are named as such in the message', () => {
    const message = (fields: Record<string, unknown>, kind: PolicyKind = 'resource') => analyze(policy(statement(fields)), kind).findings[0]!.message;
    assert.match(message({ Principal: { AWS: 'ACCOUNT-B-ID' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), /looks like a placeholder/);
    assert.match(
      message({ Principal: '*', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '<corporate-cidr>' } } }, 'rcp'),
      /looks like a placeholder/,
    );
    assert.doesNotMatch(message({ Principal: { AWS: 'bob' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), /placeholder/);
  });
  test('a template placeholder such as ${Account} is told apart from a policy variable', () => {
    const findings = analyze(
      policy(statement({ Effect: 'Deny', Action: 'config:StopConfigurationRecorder', Resource: 'arn:aws:config:*:${Account}:*' })),
      'scp',
    ).findings;
    assert.deepEqual(codes(findings), ['IAM080']);
    assert.match(findings[0]!.message, /not a policy variable .* template placeholder/);
  });
});

describe('service principals', () => {
  const trust = (service: string) => found('trust', { Principal: { Service: service }, Action: 'sts:AssumeRole' });
  test('real ones, including those named apart from their action prefix', () => {
    for (const service of [
      'lambda.amazonaws.com',
      'ecs-tasks.amazonaws.com',
      'edgelambda.amazonaws.com',
      'logs.eu-west-1.amazonaws.com',
      'states.amazonaws.com',
    ]) {
      assert.deepEqual(trust(service), [], service);
    }
  });
  test('a near miss of a known one, amazon.com for amazonaws.com, an account ID', () => {
    assert.deepEqual(trust('lamdba.amazonaws.com'), ['IAM062']);
    assert.deepEqual(trust('lambda.amazon.com'), ['IAM062']);
    assert.deepEqual(trust('123456789012'), ['IAM060']);
    const fix = analyze(policy(statement({ Principal: { Service: 'lamdba.amazonaws.com' }, Action: 'sts:AssumeRole' })), 'trust').findings[0]!.fixes?.[0]
      ?.title;
    assert.equal(fix, 'Change to "lambda.amazonaws.com"');
  });
});

describe('statement ids by policy type', () => {
  test('resource policies accept spaces in Sid (S3, KMS, SQS do; IAM does not)', () => {
    const keyPolicy = { Sid: 'Enable IAM User Permissions', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' };
    assert.deepEqual(found('resource', keyPolicy), []);
    assert.deepEqual(found('identity', { Sid: 'Read objects', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), ['IAM031']);
  });
});

describe('ARN namespaces that differ from the action prefix', () => {
  test('Service Catalog ARNs are arn:aws:catalog:', () => {
    assert.deepEqual(
      found('identity', { Action: 'servicecatalog:DescribeProduct', Resource: 'arn:aws:catalog:us-east-1:123456789012:product/prod-abc123' }),
      [],
    );
    assert.deepEqual(found('identity', { Action: 's3:GetObject', Resource: 'arn:aws:catalogue:::b/*' }), ['IAM050']);
  });
});

describe('condition keys that real policies use', () => {
  test('keys the catalog writes with a placeholder (tag-key) match real tag keys', () => {
    const key = (name: string) => ({ Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { StringEquals: { [name]: 'yes' } } });
    assert.deepEqual(found('identity', key('secretsmanager:ResourceTag/aws:secretsmanager:owningService')), []);
    assert.deepEqual(found('identity', key('secretsmanager:ResourceTag/team')), []);
  });

  test("Cognito's amr claim holds several values, so ForAnyValue fits it", () => {
    const trust = {
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-1234-1234-1234-123456789012' },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    };
    assert.deepEqual(found('trust', trust), []);
  });

  test('a key missing from the catalog is a warning that says so, not an error', () => {
    const analysis = analyze(
      policy(
        statement({
          Action: 'organizations:DescribeOrganization',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgMasterAccountId': '123456789012' } },
        }),
      ),
      'identity',
    );
    assert.deepEqual(codes(analysis.findings), ['IAM072']);
    assert.equal(analysis.findings[0]!.severity ?? CONDITION_RULES.unknownConditionKey.severity, 'warning');
    assert.match(analysis.findings[0]!.message, /not a documented global condition key/);
  });

  test('a service key no action lists is not said to be unsupported', () => {
    assert.deepEqual(
      found('identity', {
        Action: ['iottwinmaker:GetWorkspace'],
        Resource: 'arn:aws:iottwinmaker:*:*:workspace/*',
        Condition: { 'ForAnyValue:StringEquals': { 'iottwinmaker:linkedServices': ['IOTSITEWISE'] } },
      }),
      [],
    );
    // A key the action's own service lists for other actions only is still reported.
    assert.deepEqual(found('identity', { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 's3:prefix': 'home/*' } } }), [
      'IAM073',
    ]);
  });
});

describe('escalation paths that conditions close', () => {
  const passRole = (condition?: Record<string, unknown>) => ({ Action: 'iam:PassRole', Resource: '*', ...(condition ? { Condition: condition } : {}) });

  test('iam:PassRole limited to another service closes the paths of this one', () => {
    const toLambda = { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } };
    assert.ok(!found('identity', passRole(toLambda), { Action: 'ec2:RunInstances', Resource: '*' }).includes('IAM098'));
    assert.ok(found('identity', passRole(toLambda), { Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' }).includes('IAM098'));
    assert.ok(found('identity', passRole(), { Action: 'ec2:RunInstances', Resource: '*' }).includes('IAM098'));
  });

  test('grants confined to requests AWS services make are no path', () => {
    const viaCloudFormation = { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } };
    assert.ok(!found('identity', { Action: 'iam:CreatePolicyVersion', Resource: '*', Condition: viaCloudFormation }).includes('IAM098'));
    assert.ok(found('identity', { Action: 'iam:CreatePolicyVersion', Resource: '*' }).includes('IAM098'));
  });

  test('rewriting resource policies on every resource is a path; on one named resource it is not', () => {
    assert.ok(found('identity', { Action: 's3:PutBucketPolicy', Resource: '*' }).includes('IAM098'));
    assert.ok(found('identity', { Action: 'kms:PutKeyPolicy', Resource: '*' }).includes('IAM098'));
    assert.ok(!found('identity', { Action: 's3:PutBucketPolicy', Resource: 'arn:aws:s3:::my-app-bucket' }).includes('IAM098'));
  });
});

describe('conditions that do not make a grant safe', () => {
  test('full access stays full access under a network condition', () => {
    const admin = { Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } };
    assert.deepEqual(found('identity', admin), ['IAM090']);
    const message = analyze(policy(statement(admin)), 'identity').findings[0]!.message;
    assert.match(message, /the condition limits when, not what/);
  });

  test('an Allow that needs MFA to be false', () => {
    const withoutMfa = { Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } };
    assert.deepEqual(found('identity', withoutMfa), ['IAM089']);
    const withMfa = { Action: 'ec2:TerminateInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
    assert.deepEqual(found('identity', withMfa), []);
    // The recommended guard: Deny without MFA.
    assert.deepEqual(
      found('identity', {
        Effect: 'Deny',
        NotAction: ['iam:ChangePassword'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
      [],
    );
  });
});

describe('the kind a file name gives', () => {
  // AWS's default VPC endpoint policy: everything, for everyone, through this endpoint.
  const fullAccess = '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}';
  const check = (name: string) => {
    const document = TextDocument.create(`file:///ws/policies/${name}`, 'json', 1, fullAccess);
    return {
      kind: testService().check(document, { workspaceRoot: '/ws' })?.kind,
      codes: testService()
        .diagnostics(document, { workspaceRoot: '/ws' })
        .map((d) => d.code),
    };
  };

  test('a VPC endpoint policy, named so, is not a public resource', () => {
    for (const name of ['s3-vpc-endpoint.json', 'vpce-policy.json', 'kms_vpc_endpoint.json', 'endpoint-policy.json', 'vpcendpoint.json']) {
      const result = check(name);
      assert.equal(result.kind, 'endpoint', name);
      assert.ok(!result.codes.includes('IAM096'), `${name}: ${result.codes}`);
    }
  });

  test('the same text in a file with another name is a resource policy open to anyone', () => {
    for (const name of ['bucket-policy.json', 'endpoints.json', 'service.json']) {
      const result = check(name);
      assert.equal(result.kind, 'resource', name);
      assert.ok(result.codes.includes('IAM096'), `${name}: ${result.codes}`);
    }
  });
});

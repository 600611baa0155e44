import { describe } from 'node:test';
import { allowAll, type Case, DOC, denyAll, OTHER_USER, runCases, USER, LOGIC, SINGLE, CROSS, BOUNDARY, SCP, RCP, KMS, BUCKET_OBJ, get, grant } from './cases';

/** The decision across accounts and for KMS keys, the statements that decide, classic guardrails, and role trust policies as resource policies. */

describe('cross-account requests', () => {
  const OTHER_OBJ = 'arn:aws:s3:::partner-bucket/x';
  const partner = (principal: string) => [
    { Sid: 'R', Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-bucket/*' },
  ];
  const id = [{ Sid: 'I', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }];
  const rows: Case[] = [
    {
      name: 'both sides allow',
      rule: `${CROSS}: both the identity policy and the resource policy must allow`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      resourcePolicy: partner(USER),
      expect: 'allowed',
      deciding: ['I', 'R'],
    },
    {
      name: 'only the identity side allows',
      rule: `${CROSS}: the resource account must trust the caller`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      expect: 'implicit-deny',
    },
    {
      name: 'only the resource side allows',
      rule: `${CROSS}: the caller's account must allow too`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      resourcePolicy: partner(USER),
      expect: 'implicit-deny',
    },
    {
      name: 'the resource policy trusts the caller account',
      rule: `${CROSS}: trusting the account delegates to its administrators`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      resourcePolicy: partner('111122223333'),
      expect: 'allowed',
    },
    {
      name: 'the resource policy trusts a third account',
      rule: CROSS,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      resourcePolicy: partner('777788889999'),
      expect: 'implicit-deny',
    },
    {
      name: 'the account comes from the resource ARN',
      rule: CROSS,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:us-east-1:444455556666:q',
      identity: [allowAll()],
      expect: 'implicit-deny',
    },
    {
      name: "the caller's boundary still applies",
      rule: `${CROSS}: boundaries limit the identity side`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      resourcePolicy: partner(USER),
      boundary: [{ Sid: 'B', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
      expect: 'implicit-deny',
    },
    {
      name: "the caller's SCP applies",
      rule: `${SCP}: SCPs apply to the principal's account`,
      resource: OTHER_OBJ,
      resourceAccount: '444455556666',
      identity: id,
      resourcePolicy: partner(USER),
      scp: [[{ Sid: 'N', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      expect: 'implicit-deny',
    },
    {
      name: "the resource owner's RCP applies",
      rule: `${RCP}: RCPs apply to the resource's account`,
      principal: OTHER_USER,
      resource: BUCKET_OBJ,
      resourceAccount: '111122223333',
      identity: id,
      resourcePolicy: grant(OTHER_USER),
      rcp: [[denyAll({ Principal: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } })]],
      context: { 'aws:PrincipalAccount': '444455556666' },
      expect: 'explicit-deny',
    },
  ];
  runCases(rows);
});

describe('KMS key policies', () => {
  const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const id = [{ Sid: 'I', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }];
  const keyPolicy = (principal: string) => [{ Sid: 'K', Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:*', Resource: '*' }];
  const base = { action: 'kms:Decrypt', resource: KEY } as const;
  const rows: Case[] = [
    { ...base, name: 'an IAM policy alone does not open a key', rule: `${KMS}: the key policy must allow`, identity: id, expect: 'implicit-deny' },
    {
      ...base,
      name: 'a key policy that delegates to the account, plus an IAM Allow',
      rule: `${KMS}#key-policy-default-allow-root-enable-iam`,
      identity: id,
      resourcePolicy: keyPolicy('arn:aws:iam::111122223333:root'),
      expect: 'allowed',
      deciding: ['I', 'K'],
    },
    {
      ...base,
      name: 'a key policy that delegates to the account, no IAM Allow',
      rule: `${KMS}#key-policy-default-allow-root-enable-iam`,
      resourcePolicy: keyPolicy('arn:aws:iam::111122223333:root'),
      expect: 'implicit-deny',
    },
    {
      ...base,
      name: 'a key policy naming the user grants on its own',
      rule: `${KMS}: principals named in the key policy`,
      resourcePolicy: keyPolicy(USER),
      expect: 'allowed',
      deciding: ['K'],
    },
    {
      ...base,
      name: 'a key policy that names someone else',
      rule: `${KMS}: the key policy must allow`,
      identity: id,
      resourcePolicy: keyPolicy('arn:aws:iam::111122223333:user/carol'),
      expect: 'implicit-deny',
    },
    {
      ...base,
      name: 'cross-account key use needs both the key policy and an IAM policy',
      rule: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
      principal: OTHER_USER,
      identity: id,
      resourcePolicy: keyPolicy('444455556666'),
      expect: 'allowed',
    },
    {
      ...base,
      name: 'cross-account key use without the IAM policy',
      rule: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
      principal: OTHER_USER,
      resourcePolicy: keyPolicy(OTHER_USER),
      expect: 'implicit-deny',
    },
    {
      ...base,
      name: 'a Deny in the key policy wins',
      rule: `${LOGIC}: explicit deny in any policy`,
      identity: id,
      resourcePolicy: [...keyPolicy('111122223333'), denyAll({ Principal: '*' })],
      expect: 'explicit-deny',
    },
  ];
  runCases(rows);
});

describe('deciding statements', () => {
  runCases([
    {
      name: 'both an identity Allow and a resource Allow naming the user are listed',
      rule: `${SINGLE}: the union of identity and resource grants`,
      identity: [get('I')],
      resourcePolicy: grant(USER),
      expect: 'allowed',
      deciding: ['I', 'R'],
    },
    {
      name: 'an identity Allow cut by the boundary is not listed next to a direct grant',
      rule: `${BOUNDARY}: the boundary limits only the identity grant`,
      identity: [get('I')],
      resourcePolicy: grant(USER),
      boundary: [{ Sid: 'B', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
      expect: 'allowed',
      deciding: ['R'],
    },
  ]);
});

describe('classic guardrails', () => {
  const regionGuard = [
    {
      Sid: 'OnlyEuRegions',
      Effect: 'Deny',
      NotAction: ['iam:*', 'sts:*', 'organizations:*'],
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] } },
    },
  ];
  const rows: Case[] = [
    {
      name: 'region guard SCP denies another region',
      rule: `${SCP}: a Deny with NotAction and a condition`,
      identity: [allowAll()],
      scp: [[allowAll(), ...regionGuard]],
      context: { 'aws:RequestedRegion': 'us-east-1' },
      expect: 'explicit-deny',
      deciding: ['OnlyEuRegions'],
    },
    {
      name: 'region guard SCP lets an allowed region through',
      rule: SCP,
      identity: [allowAll()],
      scp: [[allowAll(), ...regionGuard]],
      context: { 'aws:RequestedRegion': 'eu-west-1' },
      expect: 'allowed',
    },
    {
      name: 'region guard SCP exempts global services',
      rule: `${DOC}reference_policies_elements_notaction.html: NotAction exempts the listed actions`,
      action: 'iam:ListRoles',
      resource: '*',
      identity: [allowAll()],
      scp: [[allowAll(), ...regionGuard]],
      context: { 'aws:RequestedRegion': 'us-east-1' },
      expect: 'allowed',
    },
    {
      name: 'region guard with a missing key denies (negated operator)',
      rule: `${DOC}reference_policies_elements_condition_operators.html: negated operators are true for a missing key`,
      identity: [allowAll()],
      scp: [[allowAll(), ...regionGuard]],
      expect: 'explicit-deny',
    },
    {
      name: 'deny everything but one bucket with NotResource',
      rule: `${DOC}reference_policies_elements_notresource.html: Deny with NotResource`,
      resource: 'arn:aws:s3:::other/x',
      identity: [allowAll(), { Sid: 'OnlyReports', Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] }],
      expect: 'explicit-deny',
      deciding: ['OnlyReports'],
    },
    {
      name: 'NotResource guard lets the named bucket through',
      rule: `${DOC}reference_policies_elements_notresource.html`,
      identity: [allowAll(), { Sid: 'OnlyReports', Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] }],
      expect: 'allowed',
    },
    {
      name: 'deny without MFA, written with BoolIfExists, denies a request without the key',
      rule: `${DOC}reference_policies_elements_condition_operators.html#Conditions_IfExists: BoolIfExists false on a missing key`,
      identity: [
        allowAll(),
        { Sid: 'NeedMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ],
      expect: 'explicit-deny',
    },
    {
      name: 'deny without MFA lets an MFA session through',
      rule: `${DOC}reference_policies_elements_condition_operators.html#Conditions_IfExists`,
      identity: [
        allowAll(),
        { Sid: 'NeedMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ],
      context: { 'aws:MultiFactorAuthPresent': 'true' },
      expect: 'allowed',
    },
    {
      name: 'bucket policy denying plain HTTP',
      rule: `${DOC}reference_policies_elements_condition_operators.html#Conditions_Boolean: aws:SecureTransport`,
      identity: [allowAll()],
      resourcePolicy: [
        {
          Sid: 'TlsOnly',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::reports/*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
      context: { 'aws:SecureTransport': 'false' },
      expect: 'explicit-deny',
      deciding: ['TlsOnly'],
    },
    {
      name: 'a tag-based ABAC Allow: principal tag equals resource tag',
      rule: `${DOC}introduction_attribute-based-access-control.html: ABAC with tag variables`,
      action: 'ec2:StartInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
      identity: [
        {
          Sid: 'Abac',
          Effect: 'Allow',
          Action: 'ec2:StartInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
        },
      ],
      context: { 'aws:ResourceTag/project': 'apollo', 'aws:PrincipalTag/project': 'apollo' },
      expect: 'allowed',
    },
    {
      name: 'ABAC: another project',
      rule: `${DOC}introduction_attribute-based-access-control.html`,
      action: 'ec2:StartInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
      identity: [
        {
          Sid: 'Abac',
          Effect: 'Allow',
          Action: 'ec2:StartInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
        },
      ],
      context: { 'aws:ResourceTag/project': 'gemini', 'aws:PrincipalTag/project': 'apollo' },
      expect: 'implicit-deny',
    },
    {
      name: 'ABAC: a principal without the tag is not allowed',
      rule: `${DOC}reference_policies_variables.html: a variable without a value`,
      action: 'ec2:StartInstances',
      resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
      identity: [
        {
          Sid: 'Abac',
          Effect: 'Allow',
          Action: 'ec2:StartInstances',
          Resource: '*',
          Condition: { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } },
        },
      ],
      context: { 'aws:ResourceTag/project': 'apollo' },
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('role trust policies as the resource-based policy', () => {
  const TRUST = `${DOC}id_roles_update-role-trust-policy.html`;
  const roleArn = 'arn:aws:iam::111122223333:role/deploy';
  const trusts = (principal: string) => [{ Sid: 'Trust', Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }];
  const assume = { action: 'sts:AssumeRole', resource: roleArn } as const;
  const rows: Case[] = [
    {
      ...assume,
      name: 'a trust policy naming the user lets it assume the role in the same account',
      rule: `${TRUST}: the trust policy is the role's resource-based policy`,
      resourcePolicy: trusts(USER),
      expect: 'allowed',
      deciding: ['Trust'],
    },
    {
      ...assume,
      name: 'a trust policy naming the account needs an identity policy too',
      rule: `${TRUST}: trusting the account delegates to its IAM policies`,
      resourcePolicy: trusts('111122223333'),
      expect: 'implicit-deny',
    },
    {
      ...assume,
      name: 'assuming a role in another account needs both sides',
      rule: `${CROSS}: cross-account role assumption`,
      principal: OTHER_USER,
      resourcePolicy: trusts('arn:aws:iam::444455556666:root'),
      identity: [{ Sid: 'MayAssume', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }],
      expect: 'allowed',
      deciding: ['MayAssume', 'Trust'],
    },
    {
      ...assume,
      name: 'assuming a role in another account without an identity Allow',
      rule: `${CROSS}: cross-account role assumption`,
      principal: OTHER_USER,
      resourcePolicy: trusts('arn:aws:iam::444455556666:root'),
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

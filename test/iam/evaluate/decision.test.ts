import { describe } from 'node:test';
import { allowAll, type Case, DOC, denyAll, ROLE, runCases, SESSION, USER, LOGIC, SINGLE, BOUNDARY, SESSIONS, SCP, RCP, get, grant } from './cases';

/** The decision within one account: explicit and implicit deny, SCPs and RCPs, identity vs resource policies, boundaries, session policies. */

describe('explicit and implicit deny', () => {
  const rows: Case[] = [
    { name: 'no policy at all: implicit deny', rule: `${LOGIC}: requests are denied by default`, expect: 'implicit-deny' },
    { name: 'an Allow grants', rule: `${LOGIC}: an explicit allow is needed`, identity: [get('I')], expect: 'allowed', deciding: ['I'] },
    {
      name: 'a Deny in the same policy wins',
      rule: `${LOGIC}: an explicit deny overrides any allow`,
      identity: [get('I'), denyAll()],
      expect: 'explicit-deny',
      deciding: ['Deny'],
    },
    {
      name: 'a Deny in another identity policy wins',
      rule: `${LOGIC}: explicit deny in any policy`,
      identity: [[get('I')], [denyAll()]],
      expect: 'explicit-deny',
    },
    {
      name: 'a Deny in the resource policy beats an identity Allow',
      rule: `${LOGIC}: explicit deny in any policy`,
      identity: [get('I')],
      resourcePolicy: [denyAll({ Principal: '*' })],
      expect: 'explicit-deny',
    },
    {
      name: 'a Deny in a permissions boundary wins',
      rule: `${LOGIC}: explicit deny in any policy`,
      identity: [get('I')],
      boundary: [allowAll(), denyAll()],
      expect: 'explicit-deny',
    },
    {
      name: 'a Deny in a session policy wins',
      rule: `${LOGIC}: explicit deny in any policy`,
      principal: SESSION,
      identity: [get('I')],
      session: [allowAll(), denyAll()],
      expect: 'explicit-deny',
    },
    {
      name: 'a Deny in an SCP wins',
      rule: `${SCP}: an explicit deny in an SCP`,
      identity: [get('I')],
      scp: [[allowAll(), denyAll()]],
      expect: 'explicit-deny',
    },
    {
      name: 'a Deny in an RCP wins',
      rule: `${RCP}: an explicit deny in an RCP`,
      identity: [get('I')],
      rcp: [[denyAll({ Principal: '*' })]],
      expect: 'explicit-deny',
    },
    {
      name: 'all matching Denies are listed',
      rule: `${LOGIC}: explicit deny`,
      identity: [[denyAll({ Sid: 'D1' })], [denyAll({ Sid: 'D2' })]],
      expect: 'explicit-deny',
      deciding: ['D1', 'D2'],
    },
    {
      name: 'a Deny whose condition is false does not deny',
      rule: `${LOGIC}: only a Deny that applies counts`,
      identity: [get('I'), denyAll({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
      context: { 'aws:SecureTransport': 'true' },
      expect: 'allowed',
    },
    {
      name: 'a Deny with a negated operator on a missing key denies',
      rule: `${DOC}reference_policies_elements_condition_operators.html: negated operators on missing keys`,
      identity: [get('I'), denyAll({ Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } })],
      expect: 'explicit-deny',
    },
  ];
  runCases(rows);
});

describe('SCPs and RCPs', () => {
  const rows: Case[] = [
    {
      name: 'SCP levels that all allow',
      rule: `${SCP}: every level must allow`,
      identity: [get('I')],
      scp: [[allowAll()], [allowAll()], [allowAll()]],
      expect: 'allowed',
      deciding: ['I'],
    },
    {
      name: 'one SCP level without an Allow',
      rule: `${SCP}: every level from the root to the account must allow`,
      identity: [get('I')],
      scp: [[allowAll()], [{ Sid: 'EC2', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      expect: 'implicit-deny',
    },
    { name: 'an SCP Allow does not grant by itself', rule: `${SCP}: SCPs never grant permissions`, scp: [[allowAll()]], expect: 'implicit-deny' },
    {
      name: 'an SCP limits a resource-policy grant too',
      rule: `${SCP}: SCPs limit the principals of the account`,
      resourcePolicy: grant(USER),
      scp: [[{ Sid: 'EC2', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }]],
      expect: 'implicit-deny',
    },
    {
      name: 'RCPFullAWSAccess is always there: an RCP of Denies only',
      rule: `${RCP}: RCPFullAWSAccess is attached to every entity`,
      identity: [get('I')],
      rcp: [[{ Sid: 'D', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' }]],
      expect: 'allowed',
    },
    {
      name: 'an RCP Deny with a condition on the org',
      rule: `${RCP}: RCPs restrict access to resources`,
      identity: [get('I')],
      context: { 'aws:PrincipalOrgID': 'o-other' },
      rcp: [[denyAll({ Principal: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-mine' } } })]],
      expect: 'explicit-deny',
    },
    {
      name: 'an RCP Allow does not grant by itself',
      rule: `${RCP}: RCPs never grant permissions`,
      rcp: [[allowAll({ Principal: '*' })]],
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('identity and resource policies in one account', () => {
  const rows: Case[] = [
    {
      name: 'a resource policy naming the user grants on its own',
      rule: `${SINGLE}: either identity or resource policy may allow`,
      resourcePolicy: grant(USER),
      expect: 'allowed',
      deciding: ['R'],
    },
    {
      name: 'a resource policy naming the account needs the identity policy',
      rule: `${DOC}reference_policies_elements_principal.html#principal-accounts: the account delegates to IAM policies`,
      resourcePolicy: grant('arn:aws:iam::111122223333:root'),
      expect: 'implicit-deny',
    },
    {
      name: 'account in the resource policy plus an identity Allow',
      rule: `${SINGLE}: union of identity and resource grants`,
      resourcePolicy: grant('111122223333'),
      identity: [get('I')],
      expect: 'allowed',
    },
    {
      name: 'identity Allow alone is enough',
      rule: `${SINGLE}: either policy may allow`,
      identity: [get('I')],
      resourcePolicy: grant('arn:aws:iam::111122223333:user/carol'),
      expect: 'allowed',
      deciding: ['I'],
    },
    {
      name: 'a role ARN in the resource policy grants to its sessions',
      rule: `${SINGLE}: resource policy grants to the role`,
      principal: ROLE,
      resourcePolicy: grant(ROLE),
      expect: 'allowed',
      deciding: ['R'],
    },
    {
      name: 'an unnamed principal: only the account or * can match',
      rule: `${DOC}reference_policies_elements_principal.html`,
      principal: '',
      resourceAccount: '111122223333',
      resourcePolicy: grant(USER),
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('permissions boundaries', () => {
  const s3Only = [{ Sid: 'B', Effect: 'Allow', Action: 's3:*', Resource: '*' }];
  const ec2Only = [{ Sid: 'B', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }];
  const rows: Case[] = [
    {
      name: 'identity and boundary both allow',
      rule: `${BOUNDARY}: effective permissions are the intersection`,
      identity: [get('I')],
      boundary: s3Only,
      expect: 'allowed',
      deciding: ['I'],
    },
    {
      name: 'the boundary does not allow',
      rule: `${BOUNDARY}: the boundary caps identity-based grants`,
      identity: [get('I')],
      boundary: ec2Only,
      expect: 'implicit-deny',
    },
    { name: 'a boundary alone grants nothing', rule: `${BOUNDARY}: a boundary does not grant`, boundary: s3Only, expect: 'implicit-deny' },
    {
      name: 'a resource policy naming the user is not limited by the boundary',
      rule: `${BOUNDARY}: an implicit deny in a boundary does not limit a resource-based grant to the user`,
      resourcePolicy: grant(USER),
      boundary: ec2Only,
      expect: 'allowed',
    },
    {
      name: 'a resource policy naming the role ARN is limited by the boundary',
      rule: `${BOUNDARY}: grants to the role ARN are limited by the boundary`,
      principal: SESSION,
      resourcePolicy: grant(ROLE),
      boundary: ec2Only,
      expect: 'implicit-deny',
    },
    {
      name: 'a resource policy naming the role ARN within the boundary',
      rule: `${BOUNDARY}: grants to the role ARN are limited by the boundary`,
      principal: SESSION,
      resourcePolicy: grant(ROLE),
      boundary: s3Only,
      expect: 'allowed',
    },
    {
      name: 'a resource policy naming the session is not limited by the boundary',
      rule: `${BOUNDARY}: grants to the role session are not limited`,
      principal: SESSION,
      resourcePolicy: grant(SESSION),
      boundary: ec2Only,
      expect: 'allowed',
      deciding: ['R'],
    },
    {
      name: 'a resource policy naming the account: boundary applies via the identity path',
      rule: `${BOUNDARY}: account grants defer to IAM policies`,
      identity: [get('I')],
      resourcePolicy: grant('111122223333'),
      boundary: ec2Only,
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('session policies', () => {
  const s3Only = [{ Sid: 'P', Effect: 'Allow', Action: 's3:*', Resource: '*' }];
  const ec2Only = [{ Sid: 'P', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }];
  const rows: Case[] = [
    {
      name: 'identity and session policy both allow',
      rule: `${SESSIONS}: permissions are the intersection`,
      principal: SESSION,
      identity: [get('I')],
      session: s3Only,
      expect: 'allowed',
    },
    {
      name: 'the session policy does not allow',
      rule: `${SESSIONS}: session policies limit the identity grant`,
      principal: SESSION,
      identity: [get('I')],
      session: ec2Only,
      expect: 'implicit-deny',
    },
    {
      name: 'a session policy alone grants nothing',
      rule: `${SESSIONS}: session policies do not grant`,
      principal: SESSION,
      session: s3Only,
      expect: 'implicit-deny',
    },
    {
      name: 'a resource policy naming the role is limited by the session policy',
      rule: `${SESSIONS}: grants to the role ARN are limited by the session policy`,
      principal: SESSION,
      resourcePolicy: grant(ROLE),
      session: ec2Only,
      expect: 'implicit-deny',
    },
    {
      name: 'a resource policy naming the session is not limited',
      rule: `${SESSIONS}: grants to the session ARN are not limited by the session policy`,
      principal: SESSION,
      resourcePolicy: grant(SESSION),
      session: ec2Only,
      expect: 'allowed',
    },
    {
      name: 'boundary and session policy both needed',
      rule: `${LOGIC}: boundary and session policy are both evaluated`,
      principal: SESSION,
      identity: [get('I')],
      boundary: s3Only,
      session: ec2Only,
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

import { describe } from 'node:test';
import { type Case, DOC, ROLE, runCases, SESSION, USER } from './cases';

/** Statement matching: Action/NotAction, Resource/NotResource, Principal/NotPrincipal, policy variables in resources. */

const ACTION = `${DOC}reference_policies_elements_action.html`;
const NOTACTION = `${DOC}reference_policies_elements_notaction.html`;
const RESOURCE = `${DOC}reference_policies_elements_resource.html`;
const NOTRESOURCE = `${DOC}reference_policies_elements_notresource.html`;
const PRINCIPAL = `${DOC}reference_policies_elements_principal.html`;
const NOTPRINCIPAL = `${DOC}reference_policies_elements_notprincipal.html`;
const VARS = `${DOC}reference_policies_variables.html`;
const VERSION = `${DOC}reference_policies_elements_version.html`;

const allow = (extra: Record<string, unknown>) => [{ Sid: 'S', Effect: 'Allow', ...extra }];

describe('Action and NotAction', () => {
  const rows: Case[] = [
    { name: 'an exact action', rule: ACTION, identity: allow({ Action: 's3:GetObject', Resource: '*' }), expect: 'allowed', deciding: ['S'] },
    {
      name: 'actions are case-insensitive',
      rule: `${ACTION}: action names are not case-sensitive`,
      identity: allow({ Action: 'S3:getobject', Resource: '*' }),
      expect: 'allowed',
    },
    {
      name: 'a * wildcard in the action name',
      rule: `${ACTION}: wildcards in actions`,
      identity: allow({ Action: 's3:Get*', Resource: '*' }),
      expect: 'allowed',
    },
    {
      name: 'a ? wildcard in the action name',
      rule: `${ACTION}: wildcards in actions`,
      identity: allow({ Action: 's3:GetObjec?', Resource: '*' }),
      expect: 'allowed',
    },
    { name: 'another action of the service', rule: ACTION, identity: allow({ Action: 's3:PutObject', Resource: '*' }), expect: 'implicit-deny' },
    {
      name: 'another service with the same action name',
      rule: `${ACTION}: the service prefix is part of the action`,
      identity: allow({ Action: 'ec2:GetObject', Resource: '*' }),
      expect: 'implicit-deny',
    },
    { name: 'one of a list of actions', rule: ACTION, identity: allow({ Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' }), expect: 'allowed' },
    { name: 'service wildcard', rule: ACTION, identity: allow({ Action: 's3:*', Resource: '*' }), expect: 'allowed' },
    {
      name: 'NotAction: an action not listed is covered',
      rule: `${NOTACTION}: NotAction matches every action except those listed`,
      identity: allow({ NotAction: 'iam:*', Resource: '*' }),
      expect: 'allowed',
    },
    { name: 'NotAction: a listed action is excluded', rule: NOTACTION, identity: allow({ NotAction: 's3:Get*', Resource: '*' }), expect: 'implicit-deny' },
    {
      name: 'Deny with NotAction denies what it does not list',
      rule: `${NOTACTION}: NotAction with Deny`,
      identity: [
        { Sid: 'A', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'D', Effect: 'Deny', NotAction: 'iam:*', Resource: '*' },
      ],
      expect: 'explicit-deny',
      deciding: ['D'],
    },
    {
      name: 'an Effect other than Allow or Deny never matches',
      rule: `${DOC}reference_policies_elements_effect.html: Effect is Allow or Deny`,
      identity: [{ Sid: 'S', Effect: 'allow', Action: '*', Resource: '*' }],
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('Resource and NotResource', () => {
  const rows: Case[] = [
    { name: 'an exact object ARN', rule: RESOURCE, identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/a.csv' }), expect: 'allowed' },
    {
      name: 'a * in the resource part',
      rule: `${RESOURCE}: wildcards in ARNs`,
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }),
      expect: 'allowed',
    },
    {
      name: 'the bucket ARN does not cover objects',
      rule: `${RESOURCE}: the ARN must match the resource`,
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports' }),
      expect: 'implicit-deny',
    },
    {
      name: 'resources are case-sensitive',
      rule: `${RESOURCE}: resource ARNs are case-sensitive`,
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::Reports/*' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a ? in the resource',
      rule: `${RESOURCE}: ? matches one character`,
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/?.csv' }),
      expect: 'allowed',
    },
    {
      name: '* spans slashes in the resource part',
      rule: `${RESOURCE}: * matches any characters`,
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' }),
      expect: 'allowed',
      resource: 'arn:aws:s3:::reports/2026/q1/a.csv',
    },
    {
      name: 'a * that ends a segment can expand beyond the colon',
      rule: `${RESOURCE}#reference_policies_elements_resource_wildcards: a trailing * can match beyond colon boundaries`,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs',
      identity: allow({ Action: 'sqs:*', Resource: 'arn:aws:sqs:*:jobs' }),
      expect: 'allowed',
    },
    {
      name: 'a * inside a segment stays within it',
      rule: `${RESOURCE}#reference_policies_elements_resource_wildcards: wildcards within a segment`,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs',
      identity: allow({ Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-*-1:jobs' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a ? never matches a colon outside the resource part',
      rule: `${RESOURCE}#reference_policies_elements_resource_wildcards: ? is one character of the segment`,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs',
      identity: allow({ Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-west-?111122223333:jobs' }),
      expect: 'implicit-deny',
    },
    {
      name: 'the secrets manager suffix: name* spans the random suffix',
      rule: `${RESOURCE}#reference_policies_elements_resource_wildcards`,
      action: 'secretsmanager:GetSecretValue',
      resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf',
      identity: allow({ Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:db-*' }),
      expect: 'allowed',
    },
    {
      name: 'wildcards in region and account segments',
      rule: `${RESOURCE}: wildcards in any segment`,
      action: 'sqs:SendMessage',
      resource: 'arn:aws:sqs:eu-west-1:111122223333:jobs',
      identity: allow({ Action: 'sqs:*', Resource: 'arn:aws:sqs:*:*:jobs' }),
      expect: 'allowed',
    },
    {
      name: 'the resource part may contain colons',
      rule: `${RESOURCE}: the resource segment can hold colons`,
      action: 'logs:PutLogEvents',
      resource: 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1',
      identity: allow({ Action: 'logs:*', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:app:*' }),
      expect: 'allowed',
    },
    {
      name: 'NotResource: another resource is covered',
      rule: `${NOTRESOURCE}: everything but the listed resources`,
      identity: allow({ Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' }),
      expect: 'allowed',
    },
    {
      name: 'NotResource: a listed resource is excluded',
      rule: NOTRESOURCE,
      identity: allow({ Action: 's3:*', NotResource: 'arn:aws:s3:::reports/*' }),
      expect: 'implicit-deny',
    },
    {
      name: 'an identity statement without Resource never matches',
      rule: `${RESOURCE}: identity policies need Resource`,
      identity: allow({ Action: 's3:*' }),
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('policy variables in resources', () => {
  const rows: Case[] = [
    {
      name: '${aws:username} in a resource',
      rule: `${VARS}: variables in the Resource element`,
      resource: 'arn:aws:s3:::home/alice/notes.txt',
      context: { 'aws:username': 'alice' },
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }),
      expect: 'allowed',
    },
    {
      name: "someone else's folder",
      rule: `${VARS}: variables in the Resource element`,
      resource: 'arn:aws:s3:::home/bob/notes.txt',
      context: { 'aws:username': 'alice' },
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a missing variable: the statement does not match',
      rule: `${VARS}: a variable whose key is not in the request`,
      resource: 'arn:aws:s3:::home/alice/notes.txt',
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a principal tag variable',
      rule: `${VARS}: tag variables`,
      resource: 'arn:aws:s3:::teams/red/plan.txt',
      context: { 'aws:PrincipalTag/team': 'red' },
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::teams/${aws:PrincipalTag/team}/*' }),
      expect: 'allowed',
    },
    {
      name: 'a default value when the key is missing',
      rule: `${VARS}#policy-vars-default-values`,
      resource: 'arn:aws:s3:::teams/shared/plan.txt',
      identity: allow({ Action: 's3:GetObject', Resource: "arn:aws:s3:::teams/${aws:PrincipalTag/team, 'shared'}/*" }),
      expect: 'allowed',
    },
    {
      name: 'Version 2008-10-17: ${…} is literal text',
      rule: `${VERSION}: variables need Version 2012-10-17`,
      resource: 'arn:aws:s3:::home/alice/notes.txt',
      context: { 'aws:username': 'alice' },
      identity: JSON.stringify({ Version: '2008-10-17', Statement: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }) }),
      expect: 'implicit-deny',
    },
    {
      name: 'a multivalued key cannot be a variable',
      rule: `${DOC}reference_policies_condition-single-vs-multi-valued-context-keys.html: multivalued keys are not variables`,
      resource: 'arn:aws:s3:::tags/a/x',
      context: { 'aws:TagKeys': ['a', 'b'] },
      identity: allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::tags/${aws:TagKeys}/*' }),
      expect: 'implicit-deny',
    },
  ];
  runCases(rows);
});

describe('Principal and NotPrincipal in resource-based policies', () => {
  const res = (principal: unknown, extra: Record<string, unknown> = {}) => [
    { Sid: 'R', Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', ...extra },
  ];
  const rows: Case[] = [
    { name: 'the user ARN', rule: PRINCIPAL, resourcePolicy: res({ AWS: USER }), expect: 'allowed', deciding: ['R'] },
    { name: 'another user ARN', rule: PRINCIPAL, resourcePolicy: res({ AWS: 'arn:aws:iam::111122223333:user/carol' }), expect: 'implicit-deny' },
    { name: '"*" is everyone', rule: `${PRINCIPAL}: anonymous and all principals`, resourcePolicy: res('*'), expect: 'allowed' },
    { name: '{"AWS": "*"} is everyone', rule: `${PRINCIPAL}: all principals`, resourcePolicy: res({ AWS: '*' }), expect: 'allowed' },
    {
      name: 'a role ARN names every session of the role',
      rule: `${PRINCIPAL}#principal-roles`,
      principal: SESSION,
      resourcePolicy: res({ AWS: ROLE }),
      expect: 'allowed',
    },
    {
      name: 'a role ARN with a path still names the session',
      rule: `${PRINCIPAL}#principal-roles: the session ARN drops the path`,
      principal: SESSION,
      resourcePolicy: res({ AWS: 'arn:aws:iam::111122223333:role/team/app' }),
      expect: 'allowed',
    },
    {
      name: 'an assumed-role session ARN',
      rule: `${PRINCIPAL}#sts-session-principals`,
      principal: SESSION,
      resourcePolicy: res({ AWS: SESSION }),
      expect: 'allowed',
    },
    {
      name: 'another session of the same role',
      rule: `${PRINCIPAL}#sts-session-principals`,
      principal: SESSION,
      resourcePolicy: res({ AWS: 'arn:aws:sts::111122223333:assumed-role/app/other' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a service principal does not name a user',
      rule: `${PRINCIPAL}#principal-services`,
      resourcePolicy: res({ Service: 'lambda.amazonaws.com' }),
      expect: 'implicit-deny',
    },
    {
      name: 'a resource statement without Principal never matches',
      rule: `${PRINCIPAL}: resource-based policies need a principal`,
      resourcePolicy: [{ Sid: 'R', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      expect: 'implicit-deny',
    },
    {
      name: 'NotPrincipal with Deny spares the listed principal',
      rule: `${NOTPRINCIPAL}: Deny applies to everyone not listed`,
      identity: [{ Sid: 'A', Effect: 'Allow', Action: '*', Resource: '*' }],
      resourcePolicy: [{ Sid: 'D', Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: '*', Resource: '*' }],
      expect: 'allowed',
    },
    {
      name: 'NotPrincipal with Deny denies everyone else',
      rule: `${NOTPRINCIPAL}: Deny applies to everyone not listed`,
      principal: 'arn:aws:iam::111122223333:user/carol',
      identity: [{ Sid: 'A', Effect: 'Allow', Action: '*', Resource: '*' }],
      resourcePolicy: [{ Sid: 'D', Effect: 'Deny', NotPrincipal: { AWS: USER }, Action: '*', Resource: '*' }],
      expect: 'explicit-deny',
      deciding: ['D'],
    },
    {
      name: 'a resource statement may leave Resource out (the policy is on the resource)',
      rule: `${DOC}reference_policies_elements_resource.html: resource-based policies`,
      resourcePolicy: [{ Sid: 'R', Effect: 'Allow', Principal: { AWS: USER }, Action: 's3:GetObject' }],
      expect: 'allowed',
    },
  ];
  runCases(rows);
});

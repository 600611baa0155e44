import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { evaluateRequest, parsePrincipal } from '../../../server/src/service/iam/evaluate';
import { ipInBlock } from '../../../server/src/service/iam/evaluate/ip';
import { arnSegments, matchArnPattern } from '../../../server/src/service/iam/evaluate/wildcard';
import { allowAll, simulate } from './cases';

/** The trace: every policy and statement, whether it applied and why; plus the helpers and robustness. */

describe('trace', () => {
  it('names the element that did not match, for every statement', () => {
    const result = simulate({
      name: '',
      rule: '',
      identity: [
        { Sid: 'A', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        { Sid: 'R', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::other/*' },
        { Sid: 'C', Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:username': 'bob' } } },
        { Sid: 'NA', Effect: 'Allow', NotAction: 's3:GetObject', Resource: '*' },
        { Sid: 'E', Effect: 'Permit', Action: '*', Resource: '*' },
      ],
      context: { 'aws:username': 'alice' },
      expect: 'implicit-deny',
    });
    const statements = result.policies[0]!.statements;
    assert.deepEqual(
      statements.map((s) => [s.sid, s.matched, s.failedElement]),
      [
        ['A', false, 'Action'],
        ['R', false, 'Resource'],
        ['C', false, 'Condition'],
        ['NA', false, 'NotAction'],
        ['E', false, 'Effect'],
      ],
    );
    assert.match(statements[2]!.reason, /aws:username = "alice" matches none of "bob"/);
    assert.equal(statements[2]!.conditions[0]!.result, false);
    assert.deepEqual(statements[2]!.conditions[0]!.requestValues, ['alice']);
    assert.match(statements[1]!.reason, /Resource "arn:aws:s3:::other\/\*" does not match arn:aws:s3:::reports\/a\.csv/);
  });

  it('gives 1-based lines of each statement and lists the steps', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Sid": "One", "Effect": "Allow", "Action": "*", "Resource": "*"},\n\n    {"Sid": "Two", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}\n  ]\n}';
    const principal = parsePrincipal('arn:aws:iam::111122223333:user/alice')!;
    const result = evaluateRequest({ action: 's3:GetObject', resource: '*', principal, context: new Map() }, [{ type: 'identity', file: 'p.json', text }]);
    assert.deepEqual(
      result.policies[0]!.statements.map((s) => s.line),
      [4, 6],
    );
    assert.deepEqual(result.statements, [{ file: 'p.json', line: 6, sid: 'Two', effect: 'Deny', policy: 'identity' }]);
    assert.match(result.steps[0]!, /^Explicit deny: "Two" \(p\.json:6\) matches/);
  });

  it('serializes reasons written on demand', () => {
    const result = simulate({ name: '', rule: '', identity: [{ Sid: 'X', Effect: 'Allow', Action: 'ec2:*', Resource: '*' }], expect: 'implicit-deny' });
    const json = JSON.parse(JSON.stringify(result.policies[0]!.statements[0]));
    assert.match(json.reason, /does not include s3:GetObject/);
  });

  it('explains an allow through the identity path', () => {
    const result = simulate({ name: '', rule: '', identity: [allowAll()], expect: 'allowed' });
    assert.match(result.explanation, /^Allowed: "Allow" \(identity1\.json:\d+\) in the identity-based policies allows the request/);
  });
});

describe('helpers', () => {
  it('splits ARNs at the first five colons only', () => {
    assert.deepEqual(arnSegments('arn:aws:logs:us-east-1:1:log-group:a:b'), ['arn', 'aws', 'logs', 'us-east-1', '1', 'log-group:a:b']);
    assert.deepEqual(arnSegments('arn:aws:s3:::home/${aws:username}'), ['arn', 'aws', 's3', '', '', 'home/${aws:username}']);
  });

  it('matches a pattern with fewer segments against the rest of the ARN', () => {
    assert.equal(matchArnPattern('arn:aws:s3:*', 'arn:aws:s3:::bucket/key', new Map(), true).matched, true);
    assert.equal(matchArnPattern('arn:aws:sqs:*', 'arn:aws:sns:us-east-1:1:t', new Map(), true).matched, false);
  });

  const ips: [string, string, boolean][] = [
    ['192.0.2.1', '192.0.2.0/24', true],
    ['192.0.3.1', '192.0.2.0/24', false],
    ['10.0.0.1', '10.0.0.1/32', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', true],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.0/120', true],
    ['fe80::1', '2001:db8::/32', false],
    ['not-an-ip', '0.0.0.0/0', false],
    ['10.0.0.1', '10.0.0.0/33', false],
    ['256.0.0.1', '0.0.0.0/0', false],
  ];
  for (const [ip, block, expected] of ips) it(`${ip} in ${block}: ${expected}`, () => assert.equal(ipInBlock(ip, block), expected));
});

describe('robustness', () => {
  const principal = parsePrincipal('arn:aws:iam::111122223333:role/app')!;
  it('never throws, whatever the policies contain', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('any'), { maxLength: 3 }),
        fc.dictionary(fc.string(), tie('any'), { maxKeys: 3 }),
      ),
    })).any;
    const element = fc.constantFrom('Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Sid');
    const statement = fc.dictionary(
      element,
      fc.oneof(
        value,
        fc.constantFrom(
          'Allow',
          'Deny',
          '*',
          's3:*',
          '${aws:username}',
          { AWS: '*' },
          { StringLike: { 'aws:username': ['a*'] } },
          { 'ForAllValues:IpAddress': { 'aws:SourceIp': '1.2.3.0/24' } },
        ),
      ),
    );
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 5 }), fc.constantFrom('identity', 'resource', 'scp', 'rcp', 'boundary', 'session'), (statements, type) => {
        const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
        const context = new Map([
          ['aws:username', ['alice']],
          ['aws:SourceIp', ['1.2.3.4']],
        ]);
        const result = evaluateRequest({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal, context }, [
          { type: type as 'identity', file: 'f', text },
        ]);
        JSON.stringify(result);
      }),
      { numRuns: 300 },
    );
  });
});

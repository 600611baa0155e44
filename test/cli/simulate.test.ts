import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { cli, fixture, run } from './shared';

/** `aws-study-hints simulate`, run as the built CLI: the --json contract, the readable trace, exit codes. */

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
});

const f = (name: string) => fixture('simulate', name);
const ALICE = 'arn:aws:iam::111122223333:user/alice';
const BOB = 'arn:aws:iam::444455556666:user/bob';

interface SimJson {
  decision: string;
  statements: { file: string; line: number; sid: string | null; effect: string; policy: string }[];
  explanation: string;
}

function simulateJson(args: readonly string[]): SimJson {
  const r = run(['simulate', ...args, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as SimJson;
}

describe('simulate --json', () => {
  it('prints exactly decision, statements and explanation', () => {
    const out = simulateJson([
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a.csv',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--context',
      'aws:SecureTransport=true',
    ]);
    assert.deepEqual(Object.keys(out), ['decision', 'statements', 'explanation']);
    assert.equal(out.decision, 'allowed');
    assert.deepEqual(out.statements, [{ file: f('identity.json'), line: 4, sid: 'ReadReports', effect: 'Allow', policy: 'identity' }]);
    assert.match(out.explanation, /identity-based/);
  });

  it('is implicit-deny when a condition key is missing: --context is the whole context', () => {
    const out = simulateJson(['--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/a.csv', '--principal', ALICE, '--identity', f('identity.json')]);
    assert.equal(out.decision, 'implicit-deny');
    assert.deepEqual(out.statements, []);
  });

  it('names the matching Deny with its 1-based line and a null sid', () => {
    const out = simulateJson([
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/secret/x',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--context',
      'aws:SecureTransport=true',
    ]);
    assert.equal(out.decision, 'explicit-deny');
    assert.deepEqual(out.statements, [{ file: f('identity.json'), line: 17, sid: null, effect: 'Deny', policy: 'identity' }]);
  });

  it('does not derive aws:username from --principal', () => {
    const args = ['--action', 's3:PutObject', '--resource', 'arn:aws:s3:::home/alice/x', '--principal', ALICE, '--identity', f('identity.json')];
    assert.equal(simulateJson(args).decision, 'implicit-deny');
    assert.equal(simulateJson([...args, '--context', 'aws:username=alice']).decision, 'allowed');
  });

  it('repeats --context for a multivalued key', () => {
    const base = ['--action', 'ec2:CreateTags', '--resource', '*', '--principal', ALICE, '--identity', f('tags.json')];
    assert.equal(simulateJson([...base, '--context', 'aws:TagKeys=env', '--context', 'aws:TagKeys=team']).decision, 'allowed');
    assert.equal(simulateJson([...base, '--context', 'aws:TagKeys=env', '--context', 'aws:TagKeys=owner']).decision, 'implicit-deny');
  });

  it('treats each --scp as a level that must allow', () => {
    const base = [
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--context',
      'aws:SecureTransport=true',
    ];
    assert.equal(simulateJson([...base, '--scp', f('scp-root.json')]).decision, 'allowed');
    const denied = simulateJson([...base, '--scp', f('scp-root.json'), '--scp', f('scp-ou-ec2.json')]);
    assert.equal(denied.decision, 'implicit-deny');
    assert.match(denied.explanation, /level 2/);
    // Several files after one --scp are several levels too.
    assert.equal(simulateJson([...base, '--scp', f('scp-root.json'), f('scp-ou-ec2.json')]).decision, 'implicit-deny');
  });

  it('adds --rcp statements to RCPFullAWSAccess', () => {
    const base = [
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--rcp',
      f('rcp-org-only.json'),
    ];
    assert.equal(simulateJson([...base, '--context', 'aws:SecureTransport=true', '--context', 'aws:PrincipalOrgID=o-mine']).decision, 'allowed');
    const out = simulateJson([...base, '--context', 'aws:SecureTransport=true', '--context', 'aws:PrincipalOrgID=o-other']);
    assert.equal(out.decision, 'explicit-deny');
    assert.deepEqual(
      out.statements.map((s) => [s.sid, s.policy]),
      [['OrgOnly', 'rcp']],
    );
  });

  it('needs both sides across accounts (--resource-account)', () => {
    const base = [
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a',
      '--principal',
      BOB,
      '--resource-account',
      '111122223333',
      '--resource-policy',
      f('bucket.json'),
    ];
    assert.equal(simulateJson(base).decision, 'implicit-deny');
    const out = simulateJson([...base, '--identity', f('scp-root.json')]);
    assert.equal(out.decision, 'allowed');
    assert.deepEqual(out.statements.map((s) => s.policy).sort(), ['identity', 'resource']);
  });

  it('applies the permissions boundary', () => {
    const out = simulateJson([
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--boundary',
      f('boundary-ec2.json'),
      '--context',
      'aws:SecureTransport=true',
    ]);
    assert.equal(out.decision, 'implicit-deny');
    assert.match(out.explanation, /boundary/);
  });

  it('applies the session policy to a role session', () => {
    const out = simulateJson([
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a',
      '--principal',
      'arn:aws:sts::111122223333:assumed-role/app/s1',
      '--identity',
      f('identity.json'),
      '--session-policy',
      f('boundary-ec2.json'),
      '--context',
      'aws:SecureTransport=true',
    ]);
    assert.equal(out.decision, 'implicit-deny');
  });

  it('needs the KMS key policy', () => {
    const base = ['--action', 'kms:Decrypt', '--resource', 'arn:aws:kms:us-east-1:111122223333:key/k1', '--principal', ALICE, '--identity', f('kms-user.json')];
    assert.equal(simulateJson(base).decision, 'implicit-deny');
    assert.equal(simulateJson([...base, '--resource-policy', f('key.json')]).decision, 'allowed');
  });
});

describe('simulate conventions', () => {
  it('takes several files after one --identity', () => {
    const out = simulateJson([
      '--action',
      'kms:Decrypt',
      '--resource',
      'arn:aws:kms:us-east-1:111122223333:key/k1',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      f('kms-user.json'),
      '--resource-policy',
      f('key.json'),
    ]);
    assert.equal(out.decision, 'allowed');
    assert.deepEqual(out.statements.map((s) => s.sid).sort(), ['EnableIamPolicies', 'UseKey']);
  });

  it('reads the resource account from the resource ARN, else the principal', () => {
    const base = ['--action', 'kms:Decrypt', '--principal', ALICE, '--identity', f('kms-user.json'), '--resource-policy', f('key.json')];
    // The key is in 444455556666: for alice (111122223333) the request crosses accounts, and the key policy trusts her account.
    const cross = simulateJson([...base, '--resource', 'arn:aws:kms:us-east-1:444455556666:key/k1']);
    assert.equal(cross.decision, 'allowed');
    assert.match(cross.explanation, /cross-account/);
    // For bob (444455556666) the same key is in his own account, and its policy trusts only 111122223333.
    const same = simulateJson([...base, '--resource', 'arn:aws:kms:us-east-1:444455556666:key/k1', '--principal', BOB]);
    assert.equal(same.decision, 'implicit-deny');
    assert.match(same.explanation, /key policy allows neither/);
  });

  it('accepts a role ARN and an assumed-role ARN as the principal', () => {
    for (const principal of ['arn:aws:iam::111122223333:role/app', 'arn:aws:sts::111122223333:assumed-role/app/s1']) {
      const out = simulateJson([
        '--action',
        's3:GetObject',
        '--resource',
        'arn:aws:s3:::reports/a',
        '--principal',
        principal,
        '--identity',
        f('identity.json'),
        '--context',
        'aws:SecureTransport=true',
      ]);
      assert.equal(out.decision, 'allowed', principal);
    }
  });

  it('keeps an empty value given as key=', () => {
    const out = simulateJson([
      '--action',
      's3:PutObject',
      '--resource',
      'arn:aws:s3:::home//x',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--context',
      'aws:username=',
    ]);
    assert.equal(out.decision, 'allowed');
  });
});

describe('simulate without --json', () => {
  it('prints a trace: each policy, each statement, why', () => {
    const r = run([
      'simulate',
      '--action',
      's3:GetObject',
      '--resource',
      'arn:aws:s3:::reports/a.csv',
      '--principal',
      ALICE,
      '--identity',
      f('identity.json'),
      '--context',
      'aws:SecureTransport=false',
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Decision: DENIED \(implicit deny/);
    assert.match(r.stdout, /Identity-based policy: .*identity\.json/);
    assert.match(r.stdout, /✗ "ReadReports" \(line 4, Allow\): does not apply — Condition: .*aws:SecureTransport = "false"/);
    assert.match(r.stdout, /✗ "OwnFolder" \(line 11, Allow\): does not apply — Action/);
    assert.match(r.stdout, /✗ statement 3 \(line 17, Deny\): does not apply — Resource/);
  });

  it('lists the deciding statements', () => {
    const r = run(['simulate', '--action', 's3:GetObject', '--resource', 'arn:aws:s3:::reports/secret/a', '--identity', f('identity.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Deciding statements:\n {2}.*identity\.json:17/);
  });

  it('--help prints the usage and exits 0', () => {
    const r = run(['simulate', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: aws-study-hints simulate --action A --resource R/);
  });
});

describe('simulate usage errors exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --action', ['--resource', '*'], /--action is required/],
    ['no --resource', ['--action', 's3:GetObject'], /--resource is required/],
    ['a wildcard action', ['--action', 's3:Get*', '--resource', '*'], /without wildcards/],
    ['an action without a service', ['--action', 'GetObject', '--resource', '*'], /service:Action/],
    ['a bad principal', ['--action', 's3:GetObject', '--resource', '*', '--principal', 'alice'], /principal must be/],
    ['a bad resource account', ['--action', 's3:GetObject', '--resource', '*', '--resource-account', '12'], /12-digit/],
    ['a context without =', ['--action', 's3:GetObject', '--resource', '*', '--context', 'aws:username'], /key=value/],
    ['a missing file', ['--action', 's3:GetObject', '--resource', '*', '--identity', f('nope.json')], /Cannot read/],
    ['a file that is not a policy', ['--action', 's3:GetObject', '--resource', '*', '--identity', f('not-a-policy.json')], /not a policy/],
    ['an unknown option', ['--action', 's3:GetObject', '--resource', '*', '--bogus'], /bogus/],
    ['a stray argument', ['extra', '--action', 's3:GetObject', '--resource', '*'], /Unexpected argument "extra"/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = run(['simulate', ...args]);
      assert.equal(r.status, 2, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.match(r.stderr, /^aws-study-hints: /);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});

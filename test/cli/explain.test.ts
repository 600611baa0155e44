import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { before, describe, it } from 'node:test';
import { cli, fixture, run } from './shared';

/** `aws-study-hints explain`, run as the built CLI. */

before(() => {
  assert.ok(fs.existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
});

const f = (name: string) => fixture('simulate', name);

describe('explain', () => {
  it('prints one sentence per statement and a per-service summary', () => {
    const r = run(['explain', f('identity.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\*\*ReadReports\*\* \(line 4\): Allows reading objects in bucket `reports` \(s3:GetObject, Read\) only over HTTPS\./);
    assert.match(
      r.stdout,
      /\*\*Statement 3\*\* \(line 17\): Denies every Amazon S3 action on objects `secret\/\*` in bucket `reports` \(s3:\* \(all \d+ actions/,
    );
    assert.match(r.stdout, /## Allowed, by service/);
    assert.match(r.stdout, /\| Amazon S3 \(`s3`\) \| Limited: Read \(1 of \d+\), Write \(1 of \d+\) \|/);
    assert.match(r.stdout, /## Denied, by service\n\n.*\n.*\n\| Amazon S3 \(`s3`\) \| Full access \|/);
  });

  it('--json carries the statements, their lines and the summaries', () => {
    const r = run(['explain', f('identity.json'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.kind, 'identity');
    assert.deepEqual(
      out.statements.map((s: { sid?: string; line: number }) => [s.sid ?? null, s.line]),
      [
        ['ReadReports', 4],
        ['OwnFolder', 11],
        [null, 17],
      ],
    );
    assert.equal(out.allowed[0].service, 's3');
    assert.ok(out.statements[0].conditions.includes('only over HTTPS'));
  });

  it('expands wildcards to counts and examples', () => {
    const r = run(['explain', f('scp-ou-ec2.json'), '--kind', 'scp']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /service control policy: it grants nothing/);
    assert.match(r.stdout, /Permits \(as a ceiling\) every Amazon EC2 action on all resources \(ec2:\* \(all \d+ actions, e\.g\. ec2:/);
    assert.match(r.stdout, /\| Amazon EC2 \(`ec2`\) \| Full access \|/);
  });

  it('describes the principals of a resource-based policy', () => {
    const r = run(['explain', f('bucket.json')]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Allows account 444455556666 to read objects in bucket `reports`/);
  });

  const usage: [string, string[], RegExp][] = [
    ['no file', [], /Name one policy file/],
    ['a bad --kind', [f('identity.json'), '--kind', 'bucket'], /--kind must be/],
    ['a missing file', [f('nope.json')], /Cannot read/],
    ['a file that is not a policy', [f('not-a-policy.json')], /not a policy/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 for ${name}`, () => {
      const r = run(['explain', ...args]);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});

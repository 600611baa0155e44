import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './shared';

/** `aws-study-hints search`: the notes search from the command line. */

const notes = path.join(__dirname, '..', 'notes', 'fixtures');

interface SearchResult {
  file: string;
  startLine: number;
  endLine: number;
  title: string;
  excerpt: string;
  source: string;
  score: number;
}

describe('aws-study-hints search', () => {
  it('forgives one or two typos in words of five letters or more', () => {
    for (const [typo, word] of [
      ['Kinesys', /kinesis/i],
      ['Lamda', /lambda/i],
      ['Cloudfromation', /cloudformation/i],
    ] as const) {
      const r = run(['search', typo, '--json', '--limit', '3']);
      assert.equal(r.status, 0, r.stderr);
      const results = JSON.parse(r.stdout) as SearchResult[];
      assert.ok(results.length > 0, `${typo} finds something`);
      assert.match(`${results[0]!.title} ${results[0]!.excerpt} ${results[0]!.file}`, word, typo);
    }
  });

  it('--mine keeps to your own notes', () => {
    const r = run(['search', 'pre_build', '--notes', notes, '--mine', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as SearchResult[];
    assert.ok(results.length > 0);
    assert.ok(results.every((x) => x.source === 'user'));
    assert.equal(run(['search', 'pre_build', '--mine']).status, 2, 'without --notes there is nothing of yours to search');
  });

  it('finds user notes and bundled knowledge, as JSON with 1-based section ranges', () => {
    const r = run(['search', 'pre_build', '--notes', notes, '--json', '--limit', '5']);
    assert.equal(r.status, 0, r.stderr);
    const results = JSON.parse(r.stdout) as SearchResult[];
    const mine = results.find((x) => x.source === 'user')!;
    assert.equal(mine.file, path.join(notes, 'blog.md'));
    assert.equal(mine.title, 'Pre_build phase in CodeBuild');
    assert.deepEqual([mine.startLine, mine.endLine], [8, 10]);
    assert.ok(results.some((x) => x.source === 'bundled' && x.file.endsWith(path.join('knowledge', 'notes', 'codebuild.md'))));
    assert.ok(
      results.every((x, i) => i === 0 || results[i - 1]!.score >= x.score),
      'ranked by score',
    );
  });
  it('the context ranks that service first', () => {
    const r = run(['search', 'timeout', '--context', 'buildspec', '--json', '--limit', '1']);
    const [first] = JSON.parse(r.stdout) as SearchResult[];
    assert.match(first!.file, /codebuild\.md$/);
  });
  it('prints readable text, and says when nothing matches', () => {
    const text = run(['search', 'visibility timeout', '--limit', '2']);
    assert.match(text.stdout, /^1\. .+ \(AWS Study Hints knowledge\)\n {3}knowledge\/notes\/\S+\.md:\d+-\d+\n {3}\S/m);
    assert.equal(run(['search', 'zzzzqqqq']).stdout, 'No results for "zzzzqqqq".\n');
  });
  it('when nothing matches, suggests the nearest words of the notes', () => {
    const text = run(['search', 'Kynesys']);
    assert.equal(text.status, 0, text.stderr);
    assert.equal(text.stdout, 'No results for "Kynesys". Did you mean: kinesis?\n');
    // JSON stays the list of results; the suggestion goes to stderr.
    const json = run(['search', 'Kynesys', '--json']);
    assert.deepEqual(JSON.parse(json.stdout), []);
    assert.equal(json.stderr, 'No results for "Kynesys". Did you mean: kinesis?\n');
    assert.equal(run(['search', 'Kynesys', 'shrads']).stdout, 'No results for "Kynesys shrads". Did you mean: "kinesis shard"?\n');
  });
  it('iam:PassRole finds your notes that say PassRole', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-cli-passrole-'));
    try {
      fs.writeFileSync(path.join(folder, 'roles.md'), '# Roles\n- PassRole lets a user hand a role to a service.\n');
      const r = run(['search', 'iam:PassRole', '--notes', folder, '--mine', '--json']);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as SearchResult[]).map((x) => [x.file, x.startLine, x.title, x.excerpt]),
        [[path.join(folder, 'roles.md'), 1, 'Roles', 'PassRole lets a user hand a role to a service.']],
      );
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
  it('bad usage exits 2', () => {
    assert.equal(run(['search']).status, 2);
    assert.equal(run(['search', 'x', '--context', 'scp']).status, 2);
    assert.equal(run(['search', 'x', '--limit', '0']).status, 2);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixture, run, runJson } from './shared';

/** `aws-study-hints check --notes`: study notes checked against the curated facts, as in the editor. */

describe('check --notes', () => {
  it('reports a wrong number in a note at its exact place, with the right value as the fix', () => {
    const { run: r, reports } = runJson(['check', '--notes', fixture('notes')]);
    assert.equal(r.status, 0, 'a contradiction is a warning, so CI passes by default');
    assert.deepEqual(reports.map((x) => [path.basename(x.file), x.kind]).sort(), [
      ['functions.txt', 'notes'],
      ['queues.md', 'notes'],
    ]);
    const queues = reports.find((x) => x.file.endsWith('queues.md'))!;
    assert.equal(queues.diagnostics.length, 1, JSON.stringify(queues.diagnostics));
    const [wrong] = queues.diagnostics;
    assert.equal(wrong!.code, 'NOTE001');
    assert.equal(wrong!.severity, 'warning');
    assert.deepEqual([wrong!.line, wrong!.column, wrong!.endLine, wrong!.endColumn], [5, 37, 5, 44]);
    assert.match(wrong!.message, /Your note says 15 days, but the maximum message retention period of Amazon SQS is 14 days\./);
    assert.deepEqual(
      wrong!.fixes.map((f) => f.edits.map((e) => e.newText)),
      [['14 days']],
    );
    const functions = reports.find((x) => x.file.endsWith('functions.txt'))!;
    assert.deepEqual(functions.diagnostics, [], 'correct statements are left alone');
  });

  it('combines with files to check, and a rule raised to error fails the run', () => {
    const r = run(['check', fixture('clean.json'), '--notes', fixture('notes-error'), '--no-color']);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /queues\.md \(notes\)\n {2}5:37 +error +Your note says 15 days/);
    assert.match(r.stdout, /1 problem \(1 error, 0 warnings, 0 infos\) in 1 of 2 files\./);
  });

  it('names a missing notes folder as a usage error', () => {
    const r = run(['check', '--notes', fixture('no-such-folder')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /No such notes folder: .*no-such-folder/);
  });
});

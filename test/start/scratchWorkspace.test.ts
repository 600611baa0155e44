import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { prepareScratchWorkspace, processAlive, SCRATCH_PREFIX, staleScratchFolders } from '../../scripts/editor/scratchWorkspace.mjs';

/**
 * The scratch workspace `npm start` opens: a fresh copy of examples/ under a temp root, so edits
 * made in the editor never touch the repository. Every test works in its own temp root, never in
 * the real os.tmpdir() listing.
 */

const root = path.resolve(__dirname, '..', '..');
const examples = path.join(root, 'examples');

/** Every file under `dir` (dot-folders included), relative, sorted, with a hash of its content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

const alive = () => true;
const dead = () => false;

let tmpRoot: string;
before(() => {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-scratch-test-'));
});
after(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

/** A temp root of its own for one test. */
function freshRoot(name: string): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(dir);
  return dir;
}

describe('prepareScratchWorkspace', () => {
  it('copies every file of examples/, .vscode/settings.json included, byte for byte', () => {
    const before = snapshot(examples);
    assert.ok(before.has(path.join('.vscode', 'settings.json')), 'examples/ has its .vscode/settings.json');
    assert.ok(before.size >= 20, `examples/ has ${before.size} files`);
    const { path: copy } = prepareScratchWorkspace({ source: examples, tmpRoot: freshRoot('all-files'), isAlive: alive });
    assert.deepEqual(snapshot(copy), before);
  });

  it('names the folder with the prefix and the pid, under the temp root', () => {
    const dir = freshRoot('naming');
    const { path: copy } = prepareScratchWorkspace({ source: examples, tmpRoot: dir, pid: 4242, isAlive: alive });
    assert.equal(path.dirname(copy), dir);
    assert.match(path.basename(copy), /^aws-study-hints-examples-4242-[A-Za-z0-9]{6}$/);
    assert.ok(path.basename(copy).startsWith(SCRATCH_PREFIX));
  });

  it('uses os.tmpdir() when no temp root is given', () => {
    const { path: copy } = prepareScratchWorkspace({ source: freshRoot('tiny-source'), isAlive: alive });
    try {
      assert.equal(path.dirname(copy), os.tmpdir());
      assert.ok(path.basename(copy).startsWith(`${SCRATCH_PREFIX}${process.pid}-`));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('leaves the source untouched, and edits in the copy do not reach it', () => {
    const gitStatus = () => spawnSync('git', ['status', '--porcelain', '--', 'examples'], { cwd: root, encoding: 'utf8' }).stdout;
    const statusBefore = gitStatus();
    const before = snapshot(examples);
    const beforeStat = fs.statSync(path.join(examples, 'policies', 'bad', 'escalation.json'));
    const { path: copy } = prepareScratchWorkspace({ source: examples, tmpRoot: freshRoot('untouched'), isAlive: alive });
    fs.writeFileSync(path.join(copy, 'policies', 'bad', 'escalation.json'), '{}');
    fs.writeFileSync(path.join(copy, '.vscode', 'settings.json'), '{"awsStudyHints.iam.policyKinds": {"**": "scp"}}');
    fs.writeFileSync(path.join(copy, 'policies', 'new.json'), '{}');
    fs.rmSync(path.join(copy, 'appspec'), { recursive: true });
    assert.deepEqual(snapshot(examples), before);
    assert.equal(fs.statSync(path.join(examples, 'policies', 'bad', 'escalation.json')).mtimeMs, beforeStat.mtimeMs);
    assert.equal(gitStatus(), statusBefore, 'git sees no new change under examples/');
  });

  it('creates a new folder each time, starting again from the source', () => {
    const dir = freshRoot('each-time');
    const first = prepareScratchWorkspace({ source: examples, tmpRoot: dir, isAlive: alive });
    fs.writeFileSync(path.join(first.path, 'policies', 'bad', 'escalation.json'), '{}');
    const second = prepareScratchWorkspace({ source: examples, tmpRoot: dir, isAlive: alive });
    assert.notEqual(second.path, first.path);
    assert.ok(fs.existsSync(first.path), 'the first folder, of a running process, is kept');
    assert.deepEqual(snapshot(second.path), snapshot(examples), 'the second copy has the originals, not the edit');
  });

  it('removes the copies of earlier runs and nothing else', () => {
    const dir = freshRoot('cleanup');
    const make = (name: string) => {
      fs.mkdirSync(path.join(dir, name, 'policies'), { recursive: true });
      fs.writeFileSync(path.join(dir, name, 'policies', 'p.json'), '{}');
      return path.join(dir, name);
    };
    const old1 = make('aws-study-hints-examples-111-abcDEF');
    const old2 = make('aws-study-hints-examples-222-a1B2c3');
    const running = make('aws-study-hints-examples-333-zzzzzz');
    const others = [
      make('aws-study-hints-examples-notes'), // not the name shape the script makes
      make('aws-study-hints-examples-444-toolongname'),
      make('aws-study-hints-ws-abcdef'), // the editor tests' workspaces
      make('aws-study-hints-editor-abcdef'),
      make('my-examples'),
    ];
    const file = path.join(dir, 'aws-study-hints-examples-555-abcdef');
    fs.writeFileSync(file, 'a file, not a folder');
    const isAlive = (pid: number) => pid === 333;
    assert.deepEqual(staleScratchFolders({ tmpRoot: dir, isAlive }), [old1, old2]);
    const { path: copy, removed } = prepareScratchWorkspace({ source: examples, tmpRoot: dir, pid: 666, isAlive });
    assert.deepEqual(removed, [old1, old2]);
    assert.ok(!fs.existsSync(old1) && !fs.existsSync(old2), 'the stale copies are gone');
    for (const kept of [running, ...others, file, copy]) assert.ok(fs.existsSync(kept), `${path.basename(kept)} is kept`);
  });

  it('with every earlier process ended, keeps only the new copy', () => {
    const dir = freshRoot('all-dead');
    for (let i = 0; i < 3; i++) prepareScratchWorkspace({ source: examples, tmpRoot: dir, pid: 700 + i, isAlive: dead });
    const { path: copy } = prepareScratchWorkspace({ source: examples, tmpRoot: dir, pid: 800, isAlive: dead });
    assert.deepEqual(fs.readdirSync(dir), [path.basename(copy)]);
  });

  it('refuses a source that is not a folder', () => {
    assert.throws(() => prepareScratchWorkspace({ source: path.join(examples, 'README.md'), tmpRoot: freshRoot('not-a-folder') }), /is not a folder/);
    assert.throws(() => prepareScratchWorkspace({ source: path.join(examples, 'missing'), tmpRoot: freshRoot('missing') }), /ENOENT/);
  });
});

describe('processAlive', () => {
  it('is true for this process and false for one that has ended', () => {
    assert.equal(processAlive(process.pid), true);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(child.stdout);
    assert.ok(pid > 0);
    assert.equal(processAlive(pid), false);
  });
});

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseShard, shardKey, stableHash } from '../../server/src/cli/shard';
import { cli, root, run } from './shared';

/**
 * `check` at scale: worker threads give the same output as one thread, byte for byte; shards
 * split a repository deterministically and add up to the full run; a thread that dies costs
 * only its file; JSON lines; no progress line when stderr is not a terminal.
 */

describe('check at scale', { timeout: 120_000 }, () => {
  let repo: string;
  before(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-scale-'));
    // Enough files for the worker pool (check.ts starts threads from 48 files on).
    const generated = spawnSync(process.execPath, [path.join(root, 'bench', 'generate-repo.mjs'), '--files', '120', '--out', repo, '--seed', '7'], {
      encoding: 'utf8',
    });
    assert.equal(generated.status, 0, generated.stderr);
  });
  after(() => fs.rmSync(repo, { recursive: true, force: true }));

  test('a reader that leaves early (`| head`) ends the run quietly, without an EPIPE error', async () => {
    const child = spawn(process.execPath, [cli, 'check', repo, '--jobs', '1'], { cwd: root });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Read the first chunk, then close the pipe as head does.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled 'error' event/);
    assert.notEqual(status, null);
  });

  test('--jobs 2 prints exactly what --jobs 1 prints (text and JSON; the shards below compare SARIF)', () => {
    for (const format of ['text', 'json']) {
      const one = run(['check', repo, '--format', format, '--jobs', '1']);
      const two = run(['check', repo, '--format', format, '--jobs', '2']);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(two.status, one.status);
      assert.equal(two.stdout, one.stdout, `--format ${format}`);
      assert.equal(two.stderr, one.stderr);
      // Not a terminal: no progress line.
      assert.doesNotMatch(two.stderr, /checking \d+\/\d+/);
    }
  });

  test('--format jsonl: one JSON object per checked file', () => {
    const { stdout } = run(['check', repo, '--format', 'jsonl']);
    const lines = stdout.trimEnd().split('\n');
    const reports = lines.map((line) => JSON.parse(line) as { file: string; kind: string; diagnostics: unknown[] });
    const json = JSON.parse(run(['check', repo, '--format', 'json']).stdout) as unknown[];
    assert.deepEqual(reports, json);
    assert.ok(reports.length > 80, `${reports.length} files`);
  });

  test('--shard i/3: disjoint, deterministic, and together exactly the full run (JSON lines and SARIF)', () => {
    const full = run(['check', repo, '--format', 'jsonl']).stdout.trimEnd().split('\n');
    const fullSarif = sarifResults(run(['check', repo, '--format', 'sarif']).stdout);
    const seen = new Set<string>();
    const shardSarif: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const shard = run(['check', repo, '--format', 'jsonl', '--shard', `${i}/3`, '--jobs', String(i)]);
      const lines = shard.stdout.trimEnd().split('\n').filter(Boolean);
      assert.ok(lines.length > 15, `shard ${i}: ${lines.length} files`);
      for (const line of lines) {
        assert.ok(!seen.has(line), `a file in two shards: ${line.slice(0, 120)}`);
        seen.add(line);
      }
      // Each shard's SARIF is a document of its own, as a CI job uploads it.
      shardSarif.push(...sarifResults(run(['check', repo, '--format', 'sarif', '--shard', `${i}/3`]).stdout));
    }
    assert.deepEqual([...seen].sort(), [...full].sort());
    assert.deepEqual(shardSarif.sort(), fullSarif.sort());
  });

  test('a worker thread that dies costs its file only: reported as not checked, the run goes on', () => {
    const marker = `${path.sep}unit-17${path.sep}`;
    const crashed = run(['check', repo, '--format', 'jsonl', '--jobs', '2'], { AWS_STUDY_HINTS_TEST_CRASH_MARKER: marker });
    const normal = run(['check', repo, '--format', 'jsonl', '--jobs', '2']);
    assert.equal(crashed.status, 1);
    assert.match(crashed.stderr, /unit-17[/\\][^:]+: not checked \(internal error: worker thread exited with code 70\)/);
    const without = normal.stdout
      .trimEnd()
      .split('\n')
      .filter((line) => !line.includes(`unit-17${path.sep === '\\' ? '\\\\' : '/'}`));
    assert.deepEqual(crashed.stdout.trimEnd().split('\n'), without);
  });

  test('a progress line on a terminal: redrawn on stderr, erased at the end', {
    skip: !fs.existsSync('/usr/bin/script') && 'needs script(1) for a terminal',
  }, () => {
    // script(1) gives the CLI a terminal; stdout goes to a file, so what script prints is stderr.
    const out = path.join(repo, '..', `${path.basename(repo)}-out.jsonl`);
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(root, 'dist', 'cli.js'))} check ${JSON.stringify(repo)} --format jsonl --jobs 2 > ${JSON.stringify(out)}`;
    const result = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: root });
    const lines = fs.readFileSync(out, 'utf8');
    fs.rmSync(out, { force: true });
    assert.match(result.stdout, /\r\u001b\[Kchecking \d+\/\d+ files \(\d+%, \d+\/s\)/);
    assert.ok(result.stdout.endsWith('\r\u001b[K'), JSON.stringify(result.stdout.slice(-40)));
    assert.ok(lines.split('\n').length > 80);
  });

  test('bad --jobs and --shard are usage errors', () => {
    for (const args of [
      ['--jobs', '0'],
      ['--jobs', 'many'],
      ['--shard', '4/3'],
      ['--shard', '0/3'],
      ['--shard', 'half'],
    ]) {
      const result = run(['check', repo, ...args]);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /--(jobs|shard)/);
    }
  });

  test('the shard hash is stable: FNV-1a of the path relative to the working directory, with forward slashes', () => {
    assert.equal(stableHash(''), 0x811c9dc5);
    assert.equal(stableHash('a'), 0xe40c292c);
    assert.equal(shardKey(path.join(process.cwd(), 'x', 'y.json')), 'x/y.json');
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.equal(typeof parseShard('5/4'), 'string');
  });
});

/** SARIF results as comparable strings (rule, file, region). */
function sarifResults(stdout: string): string[] {
  const log = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: unknown }[] }[] }[] };
  assert.equal(log.runs.length, 1);
  return log.runs[0]!.results.map((r) => JSON.stringify([r.ruleId, r.locations[0]!.physicalLocation]));
}

// The CLI at scale: files per second and peak memory of `aws-study-hints check` over a generated
// repository (bench/generate-repo.mjs), and one small file end to end (what a pre-commit hook pays),
// quiet and under a CPU load the benchmark makes itself (bench/load.mjs). `npm run bench` ends with
// it; alone: `npm run bench:cli`. A report, not a test: always exits 0. Figures are the median of
// --runs runs (default 3); the machine's load average is printed with them.
//
//   node bench/cli.mjs [--files 10000] [--runs 3] [--jobs N] [--format jsonl] [--cli dist/cli.js] [--repo DIR]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateRepo } from './generate-repo.mjs';
import { LOAD_PROCESSES, loadAverage, underLoad } from './load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const TARGETS = { manyMs: 5000, manyRssMb: 300, oneMs: 200 };
const verdict = (ok) => (ok ? 'ok' : 'MISSED');

/** Runs the CLI in a child process (asynchronously, so that a CPU load can run beside it), with its wall time and peak RSS. */
function runCli(cli, probe, args) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', probe, cli, ...args], { cwd: root });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const stderr = Buffer.concat(err).toString('utf8');
      const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
      resolve({ ms, rss, status, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

export async function run({
  files = 10_000,
  runs = 3,
  jobs,
  format = 'json',
  cli = path.join(root, 'dist', 'cli.js'),
  repo: given,
  loaded = true,
  log = console.log,
} = {}) {
  log(
    `\nCLI: check a generated ${files}-file repository, and one small file (targets: ≤ ${TARGETS.manyMs / 1000} s and ≤ ${TARGETS.manyRssMb} MB; ≤ ${TARGETS.oneMs} ms)\n`,
  );
  // Peak RSS of the CLI process (main thread and workers share it): reported by a preloaded hook at exit.
  const probe = path.join(os.tmpdir(), `aws-study-hints-rss-${process.pid}.cjs`);
  fs.writeFileSync(probe, "process.on('exit', () => { require('fs').writeSync(2, `\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`); });\n");
  let repo = given;
  try {
    if (!repo) {
      const started = Date.now();
      const generated = generateRepo({ files });
      repo = generated.dir;
      log(`repository: ${files} files (${JSON.stringify(generated.counts)}), generated in ${Date.now() - started} ms`);
    }
    const jobArgs = jobs ? ['--jobs', String(jobs)] : [];
    const small = path.join(repo, 'small-policy.json');
    fs.writeFileSync(small, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }] }, null, 2));
    for (const underCpuLoad of loaded ? [false, true] : [false]) {
      const measure = async () => {
        const many = [];
        for (let i = 0; i < runs; i++) many.push(await runCli(cli, probe, ['check', repo, '--format', format, ...jobArgs]));
        const one = [];
        for (let i = 0; i < Math.max(5, runs); i++) one.push(await runCli(cli, probe, ['check', small]));
        return { many, one };
      };
      const load = `load ${loadAverage()}`;
      const { many, one } = underCpuLoad ? await underLoad(measure) : await measure();
      const reported = format === 'jsonl' ? many[0].stdout.split('\n').filter(Boolean).length : safeLength(many[0].stdout);
      const wall = median(many.map((r) => r.ms));
      const rss = median(many.map((r) => r.rss));
      const single = median(one.map((r) => r.ms));
      const tag = underCpuLoad ? ` — under load (${LOAD_PROCESSES} busy processes)` : ` (${load} on ${os.cpus().length} cores)`;
      log(
        `check ${files} files (--format ${format}${jobs ? ` --jobs ${jobs}` : ''})${tag}: ${Math.round(wall)} ms median of ${runs} ` +
          `(${many.map((r) => Math.round(r.ms)).join(', ')}), ${Math.round(files / (wall / 1000))} files/s, ${reported} reported, ` +
          `peak RSS ${Math.round(rss)} MB (exit ${many[0].status})   ${verdict(wall <= TARGETS.manyMs && rss <= TARGETS.manyRssMb)}`,
      );
      log(
        `check one small file${underCpuLoad ? ' — under load' : ''}: ${Math.round(single)} ms median (${one.map((r) => Math.round(r.ms)).join(', ')}), ` +
          `peak RSS ${Math.round(median(one.map((r) => r.rss)))} MB   ${verdict(single <= TARGETS.oneMs)}`,
      );
    }
    fs.rmSync(small);
  } finally {
    if (!given && repo) fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(probe, { force: true });
  }
}

function safeLength(stdout) {
  try {
    return JSON.parse(stdout).length;
  } catch {
    return NaN;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '3' },
      jobs: { type: 'string' },
      format: { type: 'string', default: 'json' },
      cli: { type: 'string' },
      repo: { type: 'string' },
    },
  });
  await run({
    files: Number(values.files),
    runs: Number(values.runs),
    jobs: values.jobs,
    format: values.format,
    cli: values.cli ?? undefined,
    repo: values.repo,
  });
}

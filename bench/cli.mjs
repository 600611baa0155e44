// The CLI at scale: files per second and peak memory of `aws-study-hints check` over a generated
// repository (bench/generate-repo.mjs), and one small file end to end (what a pre-commit hook pays).
// A report, not a test: always exits 0. Figures are the median of --runs runs (default 3); the
// machine's load average is printed with them, since a shared machine makes them noisy.
//
//   node bench/cli.mjs [--files 10000] [--runs 3] [--jobs N] [--format jsonl] [--cli dist/cli.js]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateRepo } from './generate-repo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    jobs: { type: 'string' },
    format: { type: 'string', default: 'json' },
    cli: { type: 'string', default: path.join(root, 'dist', 'cli.js') },
    repo: { type: 'string' },
  },
});

// Peak RSS of the CLI process (main thread and workers share it): reported by a preloaded hook at exit.
const probe = path.join(os.tmpdir(), `aws-study-hints-rss-${process.pid}.cjs`);
fs.writeFileSync(probe, "process.on('exit', () => { require('fs').writeSync(2, `\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`); });\n");

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function runCli(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', probe, values.cli, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, cwd: root });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const load = () => os.loadavg()[0].toFixed(2);
let repo = values.repo;
if (!repo) {
  const started = Date.now();
  const generated = generateRepo({ files: Number(values.files) });
  repo = generated.dir;
  console.log(`repository: ${values.files} files in ${repo} (${JSON.stringify(generated.counts)}), generated in ${Date.now() - started} ms`);
}

const jobArgs = values.jobs ? ['--jobs', values.jobs] : [];
const runs = Number(values.runs);
const big = [];
for (let i = 0; i < runs; i++) big.push(runCli(['check', repo, '--format', values.format, ...jobArgs]));
const checked =
  values.format === 'jsonl'
    ? big[0].stdout.split('\n').filter(Boolean).length
    : (() => {
        try {
          return JSON.parse(big[0].stdout).length;
        } catch {
          return NaN;
        }
      })();
const wall = median(big.map((r) => r.ms));
console.log(
  `check ${values.files} files (--format ${values.format}${values.jobs ? ` --jobs ${values.jobs}` : ''}): ${Math.round(wall)} ms median of ${runs} ` +
    `(${big.map((r) => Math.round(r.ms)).join(', ')}), ${Math.round(Number(values.files) / (wall / 1000))} files/s, ${checked} reported, ` +
    `peak RSS ${Math.round(median(big.map((r) => r.rss)))} MB (exit ${big[0].status}; load ${load()} on ${os.cpus().length} cores)`,
);

const small = path.join(repo, 'small-policy.json');
fs.writeFileSync(small, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }] }, null, 2));
const one = [];
for (let i = 0; i < Math.max(5, runs); i++) one.push(runCli(['check', small]));
console.log(
  `check one small file: ${Math.round(median(one.map((r) => r.ms)))} ms median (${one.map((r) => Math.round(r.ms)).join(', ')}), peak RSS ${Math.round(median(one.map((r) => r.rss)))} MB`,
);
fs.rmSync(small);
if (!values.repo) fs.rmSync(repo, { recursive: true, force: true });
fs.rmSync(probe, { force: true });

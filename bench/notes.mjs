// Notes section of the benchmark: the notes index on the five sample note files of
// ../shared/notes when present (they are not part of the repository), in process:
// cold index time, a one-file update, query latency and memory.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = path.resolve(root, '..', 'shared', 'notes');
const QUERIES = [
  's3:GetObject',
  'iam:PassRole',
  'pre_build',
  'runtime-versions',
  'BeforeInstall',
  'AfterAllowTraffic',
  'visibility timeout',
  'dead letter queue',
  'permissions boundary',
  'Cognito user pool',
  'Lamda concurrency',
  'DynamoDB partition key',
  'KMS envelope encryption',
  'STS AssumeRole',
  'CloudFormation change set',
  'X-Ray sampling',
  'API Gateway throttling',
  'ElastiCache Redis',
  'SQS FIFO',
  'Kinesis shard',
];

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function run({ log = console.log } = {}) {
  log('\nNotes: index of the sample notes (../shared/notes), in process');
  if (!fs.existsSync(SAMPLES)) {
    log('  ../shared/notes is not here: skipped (the sample notes are not part of the repository).');
    return;
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-bench-')), 'notes.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'server/src/service/notes/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  const { NotesIndex } = createRequire(import.meta.url)(out);
  const files = fs.readdirSync(SAMPLES).map((f) => ({ file: path.join(SAMPLES, f), text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') }));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

  const colds = [];
  let index;
  let sections = 0;
  for (let run = 0; run < 5; run++) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    index = new NotesIndex();
    sections = 0;
    for (const { file, text } of files) sections += index.setFile(file, text, 'notes');
    colds.push(performance.now() - start);
    if (run === 4) index.heapDelta = process.memoryUsage().heapUsed - before;
  }
  const largest = files.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  const updates = [];
  for (let run = 0; run < 20; run++) {
    const start = performance.now();
    index.setFile(largest.file, `${largest.text}\n- edit ${run}\n`, 'notes');
    updates.push(performance.now() - start);
  }
  const queries = [];
  for (let round = 0; round < 50; round++) {
    for (const query of QUERIES) {
      const start = performance.now();
      index.query(query, { limit: 3 });
      queries.push(performance.now() - start);
    }
  }
  const row = (name, measured, target, ok, detail) =>
    log(`  ${name.padEnd(34)} ${measured.padEnd(26)} ${target.padEnd(12)} ${ok === undefined ? '   ' : ok ? 'ok ' : 'MISSED'}  ${detail}`);
  const median = percentile(colds, 50);
  row(
    '(i) cold index, 5 sample files',
    `${median.toFixed(1)} ms median`,
    '≤ 150 ms',
    median <= 150,
    `${files.length} files, ${(bytes / 1024).toFixed(0)} KB, ${sections} sections; runs ${colds.map((t) => t.toFixed(0)).join(', ')}`,
  );
  const update = percentile(updates, 50);
  row(
    '(j) one-file update',
    `${update.toFixed(1)} ms median`,
    '≤ 15 ms',
    update <= 15,
    `${path.basename(largest.file)} (${(largest.text.length / 1024).toFixed(0)} KB) re-split and re-indexed`,
  );
  const p99 = percentile(queries, 99);
  row(
    '(k) query',
    `p50 ${percentile(queries, 50).toFixed(2)} / p99 ${p99.toFixed(2)} ms`,
    'p99 ≤ 2 ms',
    p99 <= 2,
    `${queries.length} queries (${QUERIES.length} kinds: actions, keys, hooks, concepts, a typo)`,
  );
  row('(l) memory', `${(index.heapDelta / 1024 / 1024).toFixed(1)} MB heap`, '—', undefined, 'heap growth for the index of the five files');
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();

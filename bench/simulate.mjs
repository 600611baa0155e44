// Explain and simulate section of the benchmark, in process (the engine bundled by esbuild):
// one simulation over 20 policies with 5,000 statements in total (p50/p99 of 200 runs after
// warm-up; the policy texts are the same each run, as when the editor repeats a simulation),
// and explain on one 5,000-statement policy (median and worst of 10 runs after the first,
// which parses the text and builds the catalog's indexes).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['s3', 'ec2', 'iam', 'dynamodb', 'lambda', 'sqs', 'sns', 'kms'];
const VERBS = ['Get', 'Put', 'List', 'Describe', 'Delete', 'Create'];

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A varied statement: wildcard and exact actions, ARNs of several services, conditions on every third. */
function statement(i) {
  const service = SERVICES[i % SERVICES.length];
  const s = {
    Sid: `S${i}`,
    Effect: i % 50 === 49 ? 'Deny' : 'Allow',
    Action: [`${service}:${VERBS[i % VERBS.length]}*`, `${service}:TagResource`],
    Resource: [`arn:aws:${service}:us-east-1:111122223333:thing/${i}/*`, `arn:aws:s3:::bucket-${i}/\${aws:username}/*`],
  };
  if (i % 3 === 0) s.Condition = { StringEquals: { 'aws:PrincipalTag/team': `t${i % 7}` }, IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '2001:db8::/32'] } };
  return s;
}

export async function run({ log = console.log } = {}) {
  log('\nExplain and simulate: the evaluation engine, in process');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-bench-')), 'engine.cjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export { evaluateRequest, parsePrincipal } from './server/src/service/iam/evaluate';",
        "export { explainPolicy } from './server/src/service/iam/explain';",
        "export { IamCatalog } from './server/src/service/iam/catalog/catalog';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  const { evaluateRequest, parsePrincipal, explainPolicy, IamCatalog } = createRequire(import.meta.url)(out);

  const policies = Array.from({ length: 20 }, (_, p) => {
    const type = p < 16 ? 'identity' : p === 16 ? 'boundary' : p === 17 ? 'session' : p === 18 ? 'scp' : 'resource';
    const statements = Array.from({ length: 250 }, (_, i) => statement(p * 250 + i));
    if (type === 'resource') for (const s of statements) s.Principal = { AWS: 'arn:aws:iam::111122223333:root' };
    // The boundary, the session policy and the SCP let everything through, so that some requests are allowed.
    if (type === 'boundary' || type === 'session' || type === 'scp') statements.unshift({ Sid: 'Ceiling', Effect: 'Allow', Action: '*', Resource: '*' });
    return {
      type,
      file: `policy-${p}.json`,
      text: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
      level: type === 'scp' ? 0 : undefined,
    };
  });
  const principal = parsePrincipal('arn:aws:sts::111122223333:assumed-role/app/bench');
  const context = new Map([
    ['aws:username', ['alice']],
    ['aws:PrincipalTag/team', ['t3']],
    ['aws:SourceIp', ['10.1.2.3']],
  ]);
  // Statement 24n allows s3:Get* on bucket-24n/${aws:username}/*, under a condition on the team tag.
  const simulateOnce = (k) =>
    evaluateRequest(
      {
        action: 's3:GetObject',
        resource: `arn:aws:s3:::bucket-${24 * (k % 166)}/alice/x`,
        principal,
        resourceAccount: '111122223333',
        context,
      },
      policies,
    );
  for (let k = 0; k < 20; k++) simulateOnce(k);
  const times = [];
  // CPU time too: on a shared machine the wall clock also counts the time other processes ran.
  const cpuTimes = [];
  let decisions = {};
  for (let k = 0; k < 200; k++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = simulateOnce(k);
    times.push(performance.now() - start);
    cpuTimes.push(process.cpuUsage(cpu).user / 1000);
    decisions[result.decision] = (decisions[result.decision] ?? 0) + 1;
  }
  decisions = Object.entries(decisions)
    .map(([d, n]) => `${n} ${d}`)
    .join(', ');

  const catalog = IamCatalog.fromDirectory(path.join(root, 'dist', 'catalog'));
  const big = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 5000 }, (_, i) => statement(i)) }, null, 2);
  let start = performance.now();
  explainPolicy(big, catalog);
  const cold = performance.now() - start;
  const explains = [];
  const explainCpu = [];
  for (let k = 0; k < 10; k++) {
    start = performance.now();
    const cpu = process.cpuUsage();
    explainPolicy(big, catalog);
    explains.push(performance.now() - start);
    explainCpu.push(process.cpuUsage(cpu).user / 1000);
  }

  const row = (name, measured, target, ok, detail) =>
    log(`  ${name.padEnd(34)} ${measured.padEnd(26)} ${target.padEnd(12)} ${ok === undefined ? '   ' : ok ? 'ok ' : 'MISSED'}  ${detail}`);
  const p99 = percentile(times, 99);
  row(
    'simulate, 20 policies / 5,000 st.',
    `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    '≤ 20 ms p99',
    p99 <= 20,
    `200 runs: ${decisions}; CPU p50 ${percentile(cpuTimes, 50).toFixed(1)} ms, p99 ${percentile(cpuTimes, 99).toFixed(1)} ms`,
  );
  const worst = Math.max(...explains);
  row(
    'explain, 5,000 statements',
    `median ${percentile(explains, 50).toFixed(0)} ms, worst ${worst.toFixed(0)} ms`,
    '≤ 300 ms',
    worst <= 300,
    `${(big.length / 1e6).toFixed(1)} MB; CPU median ${percentile(explainCpu, 50).toFixed(0)} ms; first run ${cold.toFixed(0)} ms (parse and catalog indexes), then the parsed text is reused as in the editor`,
  );
}

// Also runnable on its own: node bench/simulate.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) await run();

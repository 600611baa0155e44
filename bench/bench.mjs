// Benchmark of the built language server (dist/server.js) over Node's IPC channel, as the VS Code client drives it.
// `npm run bench` builds first. This is a report, not a test: it always exits 0.
//
// The editor budgets, each measured quiet and again under a CPU load the benchmark makes itself
// (bench/load.mjs: one busy process per core):
//   (a) process start → first diagnostics for a small policy   (median of 7 fresh processes)
//   (b) first open of a generated 5,000-statement policy         (median of 5 fresh servers, each warmed by a small policy)
//   (e) one-character edit inside it → diagnostics               (median of 15 edits)
//   (c) hover latency on action strings of a realistic policy   (p50/p99 of 1,000 hovers after 100 warm-up ones, from 0.5 s after it is opened)
//   (f) server memory (RSS) after a policy, a buildspec, an AppSpec and the sample notes (../shared/notes, when present)
//   (d) completion latency on actions after "ec2:               (p50/p99 of 200 requests, quiet only)
//   then the buildspec section (bench/buildspec.mjs): keystroke → diagnostics, ours vs yaml-language-server,
//   the notes section (bench/notes.mjs) and the template section (bench/template.mjs): keystroke →
//   diagnostics on a 2,000-line template, planted mistakes found by us and by cfn-lint, the simulate
//   section (bench/simulate.mjs), and the CLI at scale (bench/cli.mjs): a 10,000-file repository and one small file
import fs from 'node:fs';
import path from 'node:path';
import { LspClient, REPO_ROOT, SERVER_EXEC_ARGV, EDITOR_TRANSPORT, SERVER_PATH } from '../test/support/lspClient.mjs';
import { LOAD_PROCESSES, loadAverage, underLoad } from './load.mjs';
import { run as runBuildspecBench } from './buildspec.mjs';
import { run as runNotesBench } from './notes.mjs';
import { run as runTemplateBench } from './template.mjs';
import { run as runSimulateBench } from './simulate.mjs';
import { run as runCliBench } from './cli.mjs';

const WORKSPACE = { uri: 'file:///bench', name: 'bench' };

const now = () => process.hrtime.bigint();
const ms = (start, end = now()) => Number(end - start) / 1e6;
const median = (values) => percentile(values, 50);
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/**
 * Spawns the server the way the VS Code client launches it (its Node options, SERVER_EXEC_ARGV) through
 * the shared test client (test/support/lspClient.mjs), and completes initialize/initialized.
 */
const startServer = () =>
  LspClient.start({ execArgv: SERVER_EXEC_ARGV, transport: EDITOR_TRANSPORT, workspaceFolders: [WORKSPACE], settings: { awsStudyHints: {} } });
/** Orderly shutdown, the process killed if it does not end within 3 s; never throws. */
const stopServer = async (server) => server?.shutdown(3_000).catch(() => undefined);

// ---------------------------------------------------------------------------------------------
// Documents

const SMALL_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadObjects",
      "Effect": "allow",
      "Action": ["s3:GetObjects", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::example-bucket", "arn:aws:s3:::example-bucket/*"],
      "Condition": { "StringEqualz": { "aws:PrincipalTag/team": "blue" } }
    }
  ]
}
`;

const REALISTIC_ACTIONS = [
  ['s3', ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketLocation', 'GetObjectVersion', 'PutObjectAcl', 'GetBucketPolicy']],
  ['ec2', ['DescribeInstances', 'StartInstances', 'StopInstances', 'RunInstances', 'TerminateInstances', 'CreateTags', 'DescribeVolumes', 'AttachVolume']],
  ['dynamodb', ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem']],
  ['lambda', ['InvokeFunction', 'GetFunction', 'UpdateFunctionCode', 'CreateFunction', 'ListFunctions']],
  ['iam', ['PassRole', 'GetRole', 'ListRoles', 'CreateRole', 'AttachRolePolicy']],
  ['kms', ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey']],
  ['sqs', ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes']],
  ['sns', ['Publish', 'Subscribe', 'ListTopics']],
  ['logs', ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents', 'DescribeLogGroups']],
  ['cloudwatch', ['PutMetricData', 'GetMetricData', 'DescribeAlarms']],
  ['secretsmanager', ['GetSecretValue', 'DescribeSecret']],
  ['ssm', ['GetParameter', 'GetParameters', 'GetParametersByPath']],
];

const RESOURCES = {
  s3: ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/*'],
  dynamodb: ['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders'],
  lambda: ['arn:aws:lambda:eu-west-1:123456789012:function:orders-*'],
  iam: ['arn:aws:iam::123456789012:role/app-*'],
  kms: ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  sqs: ['arn:aws:sqs:eu-west-1:123456789012:orders'],
  sns: ['arn:aws:sns:eu-west-1:123456789012:alerts'],
  logs: ['arn:aws:logs:eu-west-1:123456789012:log-group:/app/*'],
  secretsmanager: ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/*'],
  ssm: ['arn:aws:ssm:eu-west-1:123456789012:parameter/app/*'],
};

/** ~60 statements of the kind people actually write, one service each. */
function realisticPolicy() {
  const statements = [];
  for (let i = 0; i < 60; i++) {
    const [service, names] = REALISTIC_ACTIONS[i % REALISTIC_ACTIONS.length];
    const count = 2 + (i % 4);
    const actions = Array.from({ length: count }, (_, k) => `${service}:${names[(i + k) % names.length]}`);
    const statement = {
      Sid: `Statement${i}`,
      Effect: i % 7 === 6 ? 'Deny' : 'Allow',
      Action: [...new Set(actions)],
      Resource: RESOURCES[service] ?? '*',
    };
    if (i % 5 === 0) statement.Condition = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } };
    statements.push(statement);
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

function generatedPolicy(count, salt) {
  const statements = [];
  for (let i = 0; i < count; i++) {
    const [service, names] = REALISTIC_ACTIONS[i % REALISTIC_ACTIONS.length];
    statements.push({
      Sid: `S${i}x${salt}`,
      Effect: 'Allow',
      Action: [`${service}:${names[i % names.length]}`, `${service}:${names[(i + 1) % names.length]}`],
      Resource: RESOURCES[service] ?? '*',
    });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Line/character of every occurrence of a JSON action string ("service:Name") in `text`, cursor inside it. */
function actionPositions(text) {
  const positions = [];
  const lines = text.split('\n');
  const pattern = /"([a-z0-9-]+:[A-Za-z0-9*]+)"/g;
  lines.forEach((line, lineNumber) => {
    if (/"(Sid|Resource|aws:)/.test(line)) return;
    for (const match of line.matchAll(pattern)) positions.push({ line: lineNumber, character: match.index + 3 });
  });
  return positions;
}

// ---------------------------------------------------------------------------------------------
// Measurements

async function firstDiagnostics(runs = 7) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const startedAt = now(); // just before the spawn
    const server = await startServer();
    try {
      const uri = `file:///bench/small-${run}.json`;
      await server.open(uri, 'json', SMALL_POLICY);
      const items = await server.pullDiagnostics(uri);
      times.push(ms(startedAt));
      if (items.length === 0) throw new Error('the small policy got no diagnostics');
    } finally {
      await stopServer(server);
    }
  }
  return times;
}

/**
 * (b) The first diagnostics of a 5,000-statement policy opened in a running server (warmed by a
 * small policy, as an editor session is), on fresh servers; (e) then one-character edits inside it.
 */
async function largePolicy(runs = 5, edits = 15) {
  const opens = [];
  const analysis = [];
  let editTimes = [];
  let problems = 0;
  const text = generatedPolicy(5000, 0);
  for (let run = 0; run < runs; run++) {
    const server = await startServer();
    try {
      await server.open('file:///bench/small.json', 'json', SMALL_POLICY);
      await server.pullDiagnostics('file:///bench/small.json');
      const uri = 'file:///bench/large.json';
      const start = now();
      await server.open(uri, 'json', text);
      problems = (await server.pullDiagnostics(uri)).length;
      opens.push(ms(start));
      analysis.push((await server.status(uri)).elapsedMs);
      if (run === 0) editTimes = await editsInside(server, uri, text, edits);
    } finally {
      await stopServer(server);
    }
  }
  return { opens, analysis, edits: editTimes, problems, bytes: text.length };
}

/** One-character edits in Sids spread over the policy, as typing sends them (incremental changes). */
async function editsInside(server, uri, text, count) {
  const lines = text.split('\n');
  const sidLines = lines.flatMap((line, index) => (/"Sid": "S\d+x0"/.test(line) ? [index] : []));
  const times = [];
  for (let i = 0; i < count; i++) {
    const line = sidLines[(i * 331) % sidLines.length];
    const character = lines[line].indexOf('"Sid": "S') + 9;
    const start = now();
    await server.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: 'z' }]);
    await server.pullDiagnostics(uri);
    times.push(ms(start));
  }
  return times;
}

/** Between opening the policy and the first hover. */
const HOVER_READING_PAUSE_MS = 500;
const HOVER_WARM_UP = 100;

async function hovers(server) {
  const uri = 'file:///bench/realistic.json';
  const text = realisticPolicy();
  await server.open(uri, 'json', text);
  const problems = (await server.pullDiagnostics(uri)).filter((d) => d.code === 'IAM041' || d.code === 'IAM042');
  if (problems.length > 0) console.warn(`note: ${problems.length} unknown actions in the realistic policy: ${problems.map((p) => p.message).join('; ')}`);
  // A person reads for a moment before pointing at something: the server warms hovers in that idle time.
  await new Promise((resolve) => setTimeout(resolve, HOVER_READING_PAUSE_MS));
  const positions = actionPositions(text);
  // Warm-up hovers, not counted: the first hundred run while V8 still compiles the hover code.
  for (let i = 0; i < HOVER_WARM_UP; i++) await server.hover(uri, positions[(i * 13) % positions.length]);
  // The benchmark's own garbage (the 5,000-statement policies above) is collected now, not in the middle of a hover.
  globalThis.gc?.();
  const times = [];
  let empty = 0;
  for (let i = 0; i < 1000; i++) {
    const position = positions[(i * 7) % positions.length];
    const start = now();
    const hover = await server.hover(uri, position);
    times.push(ms(start));
    if (!hover) empty++;
  }
  return { times, positions: positions.length, empty };
}

async function completions(server) {
  const uri = 'file:///bench/completion.json';
  // The first EC2 action of the realistic policy, cut back to its service prefix.
  const text = realisticPolicy().replace(/"ec2:[A-Za-z]+"/, '"ec2:"');
  await server.open(uri, 'json', text);
  await server.pullDiagnostics(uri);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"ec2:"'));
  const position = { line, character: lines[line].indexOf('"ec2:"') + '"ec2:'.length };
  const times = [];
  let items = 0;
  for (let i = 0; i < 200; i++) {
    const start = now();
    const result = await server.completion(uri, position);
    times.push(ms(start));
    items = result.length;
  }
  return { times, items };
}

/** (f) The server's resident memory after a policy, a buildspec, an AppSpec and (when present) the sample notes. */
async function memory() {
  const notes = path.resolve(REPO_ROOT, '..', 'shared', 'notes');
  const withNotes = fs.existsSync(notes);
  const server = await LspClient.start({
    execArgv: SERVER_EXEC_ARGV,
    transport: EDITOR_TRANSPORT,
    workspaceFolders: [WORKSPACE],
    settings: { awsStudyHints: withNotes ? { notes: { paths: [notes] } } : {} },
  });
  try {
    const files = [
      ['file:///bench/policy.json', 'json', realisticPolicy()],
      ['file:///bench/buildspec.yml', 'yaml', fs.readFileSync(path.join(REPO_ROOT, 'examples', 'buildspec', 'buildspec.yml'), 'utf8')],
      ['file:///bench/appspec.yml', 'yaml', fs.readFileSync(path.join(REPO_ROOT, 'examples', 'appspec', 'ec2', 'appspec.yml'), 'utf8')],
    ];
    for (const [uri, language, text] of files) {
      await server.open(uri, language, text);
      await server.pullDiagnostics(uri);
    }
    if (withNotes) {
      // Indexed when a search finds the user's own notes.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const found = await server.connection.sendRequest('awsStudyHints/searchNotes', { query: 'S3 storage classes' });
        if (found.results.some((result) => result.source === 'user')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const status = fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
    return { rss, withNotes };
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------

const fmt = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');
const rows = [];
const row = (measure, value, target, ok, detail = '') => rows.push({ measure, value, target, verdict: ok === undefined ? '' : ok ? 'ok' : 'MISSED', detail });

async function main() {
  if (!fs.existsSync(SERVER_PATH)) {
    console.error(`${path.relative(REPO_ROOT, SERVER_PATH)} not found: run \`npm run build\` (or \`npm run bench\`).`);
    return;
  }
  console.log(`AWS Study Hints language server benchmark — node ${process.version}, ${process.platform}/${process.arch}\n`);

  console.log(`load average before: ${loadAverage()}; "loaded" rows run beside ${LOAD_PROCESSES} busy processes\n`);
  for (const loaded of [false, true]) {
    const tag = loaded ? ' — loaded' : '';
    const measure = (fn) => (loaded ? underLoad(fn) : fn());
    try {
      const a = await measure(() => firstDiagnostics());
      const m = median(a);
      row(`(a) start → first diagnostics${tag}`, `${fmt(m)} ms median`, '≤ 200 ms', m <= 200, `runs: ${a.map(fmt).join(', ')}`);
    } catch (error) {
      row(`(a) start → first diagnostics${tag}`, 'failed', '≤ 200 ms', false, String(error?.message ?? error));
    }
    try {
      const b = await measure(() => largePolicy());
      const m = median(b.opens);
      row(
        `(b) first open, 5,000 statements${tag}`,
        `${fmt(m)} ms median`,
        '≤ 150 ms',
        m <= 150,
        `${(b.bytes / 1e6).toFixed(2)} MB, ${b.problems} diagnostics; round trips ${b.opens.map(fmt).join(', ')}; server analysis ${b.analysis.map(fmt).join(', ')} ms`,
      );
      const e = median(b.edits);
      row(`(e) edit inside it${tag}`, `${fmt(e)} ms median`, '≤ 50 ms', e <= 50, `p90 ${fmt(percentile(b.edits, 90))} ms over ${b.edits.length} edits`);
    } catch (error) {
      row(`(b) first open, 5,000 statements${tag}`, 'failed', '≤ 150 ms', false, String(error?.message ?? error));
    }
    let server;
    try {
      server = await startServer();
      const c = await measure(() => hovers(server));
      const p99 = percentile(c.times, 99);
      row(
        `(c) hover on actions (1,000)${tag}`,
        `p50 ${fmt(percentile(c.times, 50))} ms / p99 ${fmt(p99)} ms`,
        'p99 ≤ 3 ms',
        p99 <= 3,
        `${c.positions} action strings${c.empty ? `, ${c.empty} empty hovers` : ''}`,
      );
      if (!loaded) {
        const d = await completions(server);
        row(
          '(d) completion after "ec2: (200)',
          `p50 ${fmt(percentile(d.times, 50))} ms / p99 ${fmt(percentile(d.times, 99))} ms`,
          '—',
          undefined,
          `${d.items} items`,
        );
      }
    } catch (error) {
      row(`(c) hover on actions (1,000)${tag}`, 'failed', 'p99 ≤ 3 ms', false, String(error?.message ?? error));
    } finally {
      await stopServer(server);
    }
    if (!loaded) {
      try {
        const f = await memory();
        row(
          '(f) server RSS after policy, buildspec, AppSpec, notes',
          `${fmt(f.rss)} MB`,
          '≤ 110 MB',
          f.rss <= 110,
          f.withNotes ? 'sample notes indexed' : '../shared/notes not here: without the sample notes',
        );
      } catch (error) {
        row('(f) server RSS', 'failed', '≤ 110 MB', false, String(error?.message ?? error));
      }
    }
  }

  const headers = { measure: 'Measure', value: 'Measured', target: 'Target', verdict: '', detail: 'Detail' };
  const columns = Object.keys(headers);
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(headers[c].length, ...rows.map((r) => r[c].length))]));
  const line = (r) =>
    columns
      .map((c) => r[c].padEnd(width[c]))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  console.log(columns.map((c) => '-'.repeat(width[c])).join('  '));
  for (const r of rows) console.log(line(r));

  console.log('');
  // BENCH_ONLY=editor stops after the editor budgets above.
  if (process.env.BENCH_ONLY === 'editor') return;
  await runBuildspecBench();
  await runNotesBench();
  await runTemplateBench();
  await runSimulateBench();
  await runCliBench();
}

main()
  .catch((error) => console.error(`benchmark failed: ${error?.stack ?? error}`))
  .finally(() => process.exit(0));

// Benchmark of the built language server (dist/server.js) over stdio, as an editor drives it.
// `npm run bench` builds first. This is a report, not a test: it always exits 0.
//
//   (a) process start → first diagnostics for a small policy   (median of 5 fresh processes)
//   (b) diagnostics for a generated 5,000-statement policy      (median of 7 runs after 3 warm-up versions, a new version each)
//   (c) hover latency on action strings of a realistic policy   (p50/p99 of 1,000 hovers)
//   (d) completion latency on actions after "ec2:               (p50/p99 of 200 requests)
//   then the buildspec section (bench/buildspec.mjs): keystroke → diagnostics, ours vs yaml-language-server,
//   the notes section (bench/notes.mjs) and the template section (bench/template.mjs): keystroke →
//   diagnostics on a 2,000-line template, planted mistakes found by us and by cfn-lint
import fs from 'node:fs';
import path from 'node:path';
import { LspClient, REPO_ROOT, SERVER_EXEC_ARGV, SERVER_PATH } from '../test/support/lspClient.mjs';
import { run as runBuildspecBench } from './buildspec.mjs';
import { run as runNotesBench } from './notes.mjs';
import { run as runTemplateBench } from './template.mjs';
import { run as runSimulateBench } from './simulate.mjs';

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
const startServer = () => LspClient.start({ execArgv: SERVER_EXEC_ARGV, workspaceFolders: [WORKSPACE], settings: { awsStudyHints: {} } });
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

async function firstDiagnostics() {
  const times = [];
  for (let run = 0; run < 5; run++) {
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

async function largePolicy(server) {
  const uri = 'file:///bench/large.json';
  await server.open(uri, 'json', generatedPolicy(5000, 0));
  await server.pullDiagnostics(uri); // warm-up: catalog load
  // Two more versions warm the analysis code up: an editor re-analyses a large file on every
  // change, so the steady state is what a user waits for.
  for (const salt of [100, 101]) {
    await server.change(uri, generatedPolicy(5000, salt));
    await server.pullDiagnostics(uri);
  }
  const times = [];
  const analysis = [];
  let problems = 0;
  for (let run = 1; run <= 7; run++) {
    const text = generatedPolicy(5000, run);
    const start = now();
    await server.change(uri, text);
    problems = (await server.pullDiagnostics(uri)).length;
    times.push(ms(start));
    analysis.push((await server.status(uri)).elapsedMs);
  }
  return { times, analysis, problems, bytes: generatedPolicy(5000, 0).length };
}

async function hovers(server) {
  const uri = 'file:///bench/realistic.json';
  const text = realisticPolicy();
  await server.open(uri, 'json', text);
  const problems = (await server.pullDiagnostics(uri)).filter((d) => d.code === 'IAM041' || d.code === 'IAM042');
  if (problems.length > 0) console.warn(`note: ${problems.length} unknown actions in the realistic policy: ${problems.map((p) => p.message).join('; ')}`);
  const positions = actionPositions(text);
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

  try {
    const a = await firstDiagnostics();
    const m = median(a);
    row('(a) start → first diagnostics (small policy)', `${fmt(m)} ms median`, '≤ 300 ms', m <= 300, `runs: ${a.map(fmt).join(', ')}`);
  } catch (error) {
    row('(a) start → first diagnostics (small policy)', 'failed', '≤ 300 ms', false, String(error?.message ?? error));
  }

  let server;
  try {
    server = await startServer();
    try {
      const b = await largePolicy(server);
      const m = median(b.times);
      row(
        '(b) diagnostics, 5,000 statements',
        `${fmt(m)} ms median`,
        '≤ 150 ms',
        m <= 150,
        `${(b.bytes / 1e6).toFixed(2)} MB, ${b.problems} diagnostics; round trips ${b.times.map(fmt).join(', ')}; server analysis ${b.analysis.map(fmt).join(', ')} ms`,
      );
    } catch (error) {
      row('(b) diagnostics, 5,000 statements', 'failed', '≤ 150 ms', false, String(error?.message ?? error));
    }
    try {
      const c = await hovers(server);
      const p99 = percentile(c.times, 99);
      row(
        '(c) hover on actions (1,000)',
        `p50 ${fmt(percentile(c.times, 50))} ms / p99 ${fmt(p99)} ms`,
        'p99 ≤ 5 ms',
        p99 <= 5,
        `${c.positions} action strings${c.empty ? `, ${c.empty} empty hovers` : ''}`,
      );
    } catch (error) {
      row('(c) hover on actions (1,000)', 'failed', 'p99 ≤ 5 ms', false, String(error?.message ?? error));
    }
    try {
      const d = await completions(server);
      row(
        '(d) completion after "ec2: (200)',
        `p50 ${fmt(percentile(d.times, 50))} ms / p99 ${fmt(percentile(d.times, 99))} ms`,
        '—',
        undefined,
        `${d.items} items`,
      );
    } catch (error) {
      row('(d) completion after "ec2: (200)', 'failed', '—', undefined, String(error?.message ?? error));
    }
  } catch (error) {
    console.error(`could not start the server: ${error?.stack ?? error}`);
  } finally {
    await stopServer(server);
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
  await runBuildspecBench();
  await runNotesBench();
  await runTemplateBench();
  await runSimulateBench();
}

main()
  .catch((error) => console.error(`benchmark failed: ${error?.stack ?? error}`))
  .finally(() => process.exit(0));

// Template section of the benchmark: CloudFormation/SAM templates with embedded IAM policies.
// `bench/bench.mjs` runs it after its own sections; it also runs alone: `node bench/template.mjs`
// (after `npm run build`). A report, not a test: it always exits 0.
//
//   (g) keystroke → diagnostics on a generated ~2,000-line SAM template with 40 roles (80 embedded
//       policies): typing over, inserting and deleting letters of Sids; quiet, then under a CPU load
//   (h) planted mistakes (bench/templateCases.mjs): how many each tool finds at the right line,
//       ours (dist/cli.js) side by side with cfn-lint where `cfn-lint` is on PATH; and what each
//       reports on a clean template (every finding there is a false alarm)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT as root, SERVER_EXEC_ARGV, EDITOR_TRANSPORT, SERVER_PATH } from '../test/support/lspClient.mjs';
import { LOAD_PROCESSES, loadAverage, underLoad } from './load.mjs';
import { CLEAN_TEMPLATE, PLANTED_TEMPLATES, plantedLines } from './templateCases.mjs';

const POLICIES = 40;
const EDITS = 200;
const WARM_UP = 10;
const TARGET_MS = 20;
const CLI = path.join(root, 'dist', 'cli.js');

const now = () => process.hrtime.bigint();
const ms = (start, end = now()) => Number(end - start) / 1e6;
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const fmt = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');

/** A realistic SAM template: shared resources, then one role per function with a trust policy and a four-statement inline policy. */
export function largeTemplate(policies = POLICIES) {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Transform: AWS::Serverless-2016-10-31',
    'Description: Generated for the benchmark',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '  Table:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
    '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
  ];
  for (let i = 0; i < policies; i++) {
    lines.push(
      `  Role${i}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      `      RoleName: !Sub "\${AWS::StackName}-worker-${i}"`,
      `      Description: Runs worker ${i}`,
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              Service: lambda.amazonaws.com',
      '            Action: sts:AssumeRole',
      '      ManagedPolicyArns:',
      '        - !Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"',
      '      Policies:',
      `        - PolicyName: worker-${i}`,
      '          PolicyDocument:',
      '            Version: "2012-10-17"',
      '            Statement:',
      `              - Sid: ReadObjects${i}`,
      '                Effect: Allow',
      '                Action:',
      '                  - s3:GetObject',
      '                  - s3:ListBucket',
      '                Resource:',
      '                  - !GetAtt Bucket.Arn',
      '                  - !Sub "${Bucket.Arn}/*"',
      `              - Sid: UseQueue${i}`,
      '                Effect: Allow',
      '                Action:',
      '                  - sqs:SendMessage',
      '                  - sqs:ReceiveMessage',
      '                  - sqs:DeleteMessage',
      '                  - sqs:GetQueueAttributes',
      '                Resource: !GetAtt Queue.Arn',
      `              - Sid: UseTable${i}`,
      '                Effect: Allow',
      '                Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]',
      '                Resource:',
      '                  - !GetAtt Table.Arn',
      '                  - !Sub "${Table.Arn}/index/*"',
      '                Condition:',
      '                  StringEquals:',
      '                    aws:RequestedRegion: !Ref AWS::Region',
      `              - Sid: WriteLogs${i}`,
      '                Effect: Allow',
      '                Action:',
      '                  - logs:CreateLogStream',
      '                  - logs:PutLogEvents',
      `                Resource: !Sub "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/worker-${i}:*"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Letters of the Sids (after the first): typing there keeps the template valid. */
function editablePositions(lines) {
  const positions = [];
  lines.forEach((line, lineNumber) => {
    const match = /^(\s+- Sid: )([A-Za-z]+)/.exec(line);
    if (match) for (let c = match[1].length + 1; c < match[1].length + match[2].length; c++) positions.push({ line: lineNumber, character: c });
  });
  return positions;
}

/**
 * The i-th keystroke, spread over every Sid of the template: a letter typed over another, a
 * letter inserted, a letter deleted, in turn, so that text after the edit also moves.
 */
function keystroke(lines, i) {
  const positions = editablePositions(lines);
  const { line, character } = positions[(i * 37) % positions.length];
  const old = lines[line][character].toLowerCase();
  const next = String.fromCharCode(97 + ((old.charCodeAt(0) - 97 + 1 + (i % 5)) % 26));
  const sidLength = /- Sid: ([A-Za-z]+)/.exec(lines[line])[1].length;
  const how = i % 3 === 2 && sidLength <= 4 ? 1 : i % 3;
  const removed = how === 1 ? 0 : 1;
  const inserted = how === 2 ? '' : next;
  lines[line] = lines[line].slice(0, character) + inserted + lines[line].slice(character + removed);
  return { range: { start: { line, character }, end: { line, character: character + removed } }, text: inserted };
}

async function measureKeystrokes(text) {
  const server = await LspClient.start({
    execArgv: SERVER_EXEC_ARGV,
    transport: EDITOR_TRANSPORT,
    workspaceFolders: [{ uri: 'file:///bench', name: 'bench' }],
    settings: { awsStudyHints: {} },
  });
  try {
    const uri = 'file:///bench/template.yaml';
    await server.open(uri, 'yaml', text);
    const initial = await server.pullDiagnostics(uri);
    const status = await server.status(uri);
    const lines = text.split('\n');
    const times = [];
    for (let i = 0; i < WARM_UP + EDITS; i++) {
      const change = keystroke(lines, i);
      const start = now();
      await server.change(uri, [change]);
      await server.pullDiagnostics(uri);
      if (i >= WARM_UP) times.push(ms(start));
    }
    return { times, initial, status };
  } finally {
    await server.shutdown(3_000).catch(() => undefined);
  }
}

/** Our findings per file: the CLI's JSON report (one array, or one object per line). */
function oursOn(files) {
  const run = spawnSync(process.execPath, [CLI, 'check', ...files, '--format', 'json', '--no-color'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const text = run.stdout.trim();
  const reports = text.startsWith('[')
    ? JSON.parse(text)
    : text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
  const byFile = new Map();
  for (const report of reports)
    byFile.set(
      path.resolve(report.file),
      (report.diagnostics ?? []).map((d) => ({ line: d.line, code: d.code, message: d.message })),
    );
  return byFile;
}

function cfnLintAvailable() {
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() || probe.stderr.trim() : undefined;
}

function cfnLintOn(file) {
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    return JSON.parse(run.stdout || '[]').map((m) => ({ line: m.Location?.Start?.LineNumber, code: m.Rule?.Id, message: m.Message }));
  } catch {
    return [{ line: 0, code: 'cfn-lint', message: (run.stderr || run.stdout).slice(0, 200) }];
  }
}

export async function run({ log = console.log } = {}) {
  const text = largeTemplate();
  log(
    `\nTemplates: keystroke → diagnostics on a generated ${text.split('\n').length - 1}-line SAM template with ${POLICIES} roles (${POLICIES * 2} embedded policies)\n`,
  );
  if (!fs.existsSync(SERVER_PATH)) {
    log('dist/server.js not found: run `npm run build` (or `npm run bench`).');
    return;
  }
  try {
    const { times, initial, status } = await measureKeystrokes(text);
    const p99 = percentile(times, 99);
    const verdict = (value) => `target p99 ≤ ${TARGET_MS} ms   ${value <= TARGET_MS ? 'ok' : 'MISSED'}`;
    log(`(g) ours: didChange → pulled diagnostics   p50 ${fmt(percentile(times, 50))} ms / p99 ${fmt(p99)} ms   ${verdict(p99)}   (load ${loadAverage()})`);
    const loaded = await underLoad(() => measureKeystrokes(text));
    const loadedP99 = percentile(loaded.times, 99);
    log(`    under load (${LOAD_PROCESSES} busy processes): p50 ${fmt(percentile(loaded.times, 50))} ms / p99 ${fmt(loadedP99)} ms   ${verdict(loadedP99)}`);
    log(
      `    status: ${status.label ?? status.documentType}; ${initial.length} diagnostics on the generated template${
        initial.length
          ? `: ${initial
              .slice(0, 3)
              .map((d) => `${d.code} line ${d.range.start.line + 1}`)
              .join(', ')}`
          : ''
      }`,
    );
  } catch (error) {
    log(`(g) failed: ${error?.message ?? error}`);
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-templates-'));
  try {
    const clean = path.join(tmp, 'clean-template.yaml');
    fs.writeFileSync(clean, CLEAN_TEMPLATE);
    const planted = PLANTED_TEMPLATES.map(({ name, text: body }) => {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, body);
      return { file, name, lines: plantedLines(body) };
    });
    const total = planted.reduce((sum, t) => sum + t.lines.length, 0);
    const ours = oursOn([clean, ...planted.map((t) => t.file)]);
    const version = cfnLintAvailable();
    const score = (findingsOf) => {
      let found = 0;
      const missed = [];
      for (const t of planted) {
        const findings = findingsOf(t.file);
        for (const p of t.lines) {
          if (findings.some((f) => f.line === p.line)) found++;
          else missed.push(`${t.name}:${p.line} ${p.what}`);
        }
      }
      return { found, missed, falseAlarms: findingsOf(clean) };
    };
    const mine = score((file) => ours.get(path.resolve(file)) ?? []);
    log(`\n(h) planted mistakes in ${planted.length} templates (${total} mistakes), at the right line:`);
    log(
      `    ours:     ${mine.found} of ${total}; on the clean template ${mine.falseAlarms.length} findings${mine.falseAlarms.length ? `: ${mine.falseAlarms.map((f) => `${f.code} line ${f.line}`).join(', ')}` : ''}`,
    );
    if (mine.missed.length) log(`      missed: ${mine.missed.join('; ')}`);
    if (!version) {
      log('    cfn-lint: skipped (cfn-lint is not on PATH; `pip install cfn-lint` where PyPI is reachable)');
    } else {
      const cache = new Map();
      const theirs = score((file) => {
        if (!cache.has(file)) cache.set(file, cfnLintOn(file));
        return cache.get(file);
      });
      log(
        `    ${version}: ${theirs.found} of ${total}; on the clean template ${theirs.falseAlarms.length} findings${theirs.falseAlarms.length ? `: ${theirs.falseAlarms.map((f) => `${f.code} line ${f.line}`).join(', ')}` : ''}`,
      );
      if (theirs.missed.length) log(`      missed: ${theirs.missed.join('; ')}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();

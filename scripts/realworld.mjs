// Runs the CLI over ../shared/realworld (public policies, buildspecs and AppSpecs nobody here
// wrote) and writes a table of findings per code and severity, with a few example places for
// each, so that every error and warning can be reviewed. A script, not a test: the corpus is
// not part of the repository. `npm run realworld [-- --examples N] [--out FILE]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'realworld');
const cli = path.join(root, 'dist', 'cli.js');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const examplesPerCode = Number(arg('--examples', '3'));
const out = path.resolve(arg('--out', path.join(root, '.realworld', 'report.md')));

if (!fs.existsSync(corpus)) {
  console.log(`No corpus at ${corpus}: nothing to run.`);
  process.exit(0);
}
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

// Each part of the corpus with the policy kind its README gives it.
// The resource folder also holds VPC endpoint policies and resource control policies, named so.
const resourceFiles = (test) =>
  fs.existsSync(path.join(corpus, 'iam/resource'))
    ? fs
        .readdirSync(path.join(corpus, 'iam/resource'))
        .filter((name) => name.endsWith('.json') && test(name))
        .map((name) => path.join('iam/resource', name))
    : [];
const isEndpoint = (name) => /vpc[_-]endpoint|endpoint[_-]polic/i.test(name);
const isRcp = (name) => /resource_control_polic|_rcp[._]/i.test(name);
const parts = [
  { dir: 'iam/identity-managed', kind: 'identity' },
  { dir: 'iam/identity', kind: 'identity' },
  { files: resourceFiles((name) => !isEndpoint(name) && !isRcp(name)), kind: 'resource' },
  { files: resourceFiles(isEndpoint), kind: 'endpoint' },
  { files: resourceFiles(isRcp), kind: 'rcp' },
  { dir: 'iam/trust', kind: 'trust' },
  { dir: 'iam/scp', kind: 'scp' },
  { dir: 'pipelines' },
].filter((part) => (part.dir ? fs.existsSync(path.join(corpus, part.dir)) : part.files.length > 0));

const rows = new Map(); // "code severity" -> { code, severity, count, files:Set, examples:[] }
let files = 0;
let failures = 0;
const started = Date.now();
for (const part of parts) {
  const targets = part.dir ? [path.join(corpus, part.dir)] : part.files.map((file) => path.join(corpus, file));
  const args = [cli, 'check', ...targets, '--format', 'json', ...(part.kind ? ['--kind', part.kind] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`${part.dir ?? part.kind}: the CLI printed no JSON (exit ${run.status}): ${run.stderr.slice(0, 400)}`);
    failures++;
    continue;
  }
  for (const file of report) {
    files++;
    for (const d of file.diagnostics) {
      const key = `${d.code} ${d.severity}`;
      const row = rows.get(key) ?? { code: d.code, severity: d.severity, count: 0, files: new Set(), examples: [] };
      row.count++;
      row.files.add(file.file);
      if (row.examples.length < examplesPerCode && !row.examples.some((e) => e.file === file.file))
        row.examples.push({ file: path.relative(corpus, file.file), line: d.line, message: d.message });
      rows.set(key, row);
    }
  }
}

const order = { error: 0, warning: 1, information: 2, info: 2, hint: 3 };
const sorted = [...rows.values()].sort((a, b) => (order[a.severity] ?? 9) - (order[b.severity] ?? 9) || b.count - a.count);
const total = sorted.reduce((sum, row) => sum + row.count, 0);
const lines = [
  `# Real-world corpus: ${files} files, ${total} findings (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  '',
  '| code | severity | findings | files |',
  '|---|---|---:|---:|',
  ...sorted.map((row) => `| ${row.code} | ${row.severity} | ${row.count} | ${row.files.size} |`),
  '',
  '## Examples',
  '',
  ...sorted.flatMap((row) => [
    `### ${row.code} (${row.severity})`,
    ...row.examples.map((e) => `- ${e.file}:${e.line} — ${e.message.replace(/\s+/g, ' ').slice(0, 240)}`),
    '',
  ]),
];
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(lines.slice(0, sorted.length + 5).join('\n'));
console.log(`\nExamples per code in ${path.relative(process.cwd(), out)}`);
process.exit(failures > 0 ? 1 : 0);

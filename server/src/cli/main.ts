import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import { isPolicyKind } from '../service/iam/detect';
import { defaultJobs, runCheck } from './check';
import { collectFiles } from './files';
import type { OutputFormat } from './output';
import { parseShard } from './shard';
import { search, SEARCH_USAGE } from './search';
import { quiz, QUIZ_USAGE } from './quiz';
import { simulate, SIMULATE_USAGE } from './simulate';
import { explain, EXPLAIN_USAGE } from './explain';

/** `aws-study-hints`: the same analysis as the editor, for scripts and CI. */

declare const PACKAGE_VERSION: string;
const VERSION = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

const USAGE = `Usage: aws-study-hints check <files or folders...> [--notes <dir>...] [options]
       aws-study-hints search "<query>" [--notes <dir>...] [--context iam|buildspec|appspec] [--limit N] [--json]
       aws-study-hints quiz [--notes <dir>...] [--topic X] [--count N] [--seed S] [--json]
       aws-study-hints simulate --action A --resource R [--principal P] [--identity f.json ...] [...] [--json]
       aws-study-hints explain <policy.json> [--kind identity|resource|trust|scp|rcp|endpoint] [--json]

Checks IAM policies (JSON), CodeBuild buildspec files and CodeDeploy AppSpec files
with the AWS Study Hints rules. Folders are searched for *.json files that contain a
policy, buildspec*.yml and appspec.yml/.yaml/.json files; .vscode/settings.json above a
file supplies the awsStudyHints.* settings, as in the editor. With --notes, the study
notes in those folders (.md, .markdown, .txt) are checked against the curated facts and
against each other.

Options:
  --notes <dir>              also check the study notes in this folder (repeatable)
  --format text|json|sarif|jsonl
                             output format (default: text); jsonl is one JSON object per
                             file, written as each file is done
  -j, --jobs N               worker threads (default: the number of CPU cores)
  --shard i/n                check only the i-th of n deterministic parts of the files
                             (split by a hash of each path relative to the working
                             directory), e.g. one part per CI job
  --kind identity|resource|trust|scp|rcp|endpoint
                             analyse every JSON file as this kind of policy
  --no-color                 plain text output
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors reported (or a file could not be read), 2 bad usage.`;

export function main(argv: readonly string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return print(USAGE, 0);
  if (command === '-v' || command === '--version') return print(VERSION, 0);
  if (command === 'quiz') {
    if (rest.includes('--help') || rest.includes('-h')) return print(QUIZ_USAGE, 0);
    return quiz(rest, usageError);
  }
  if (command === 'search') {
    if (rest.includes('--help') || rest.includes('-h')) return print(SEARCH_USAGE, 0);
    return search(rest, usageError);
  }
  if (command === 'simulate') return rest.includes('--help') || rest.includes('-h') ? print(SIMULATE_USAGE, 0) : simulate(rest, usageError);
  if (command === 'explain') return rest.includes('--help') || rest.includes('-h') ? print(EXPLAIN_USAGE, 0) : explain(rest, usageError);
  if (command !== 'check') return usageError(command ? `Unknown command "${command}".` : 'No command given.');
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        kind: { type: 'string' },
        notes: { type: 'string', multiple: true },
        jobs: { type: 'string', short: 'j' },
        shard: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return print(USAGE, 0);
  const format = values.format ?? 'text';
  if (!['text', 'json', 'jsonl', 'sarif'].includes(format)) return usageError(`--format must be text, json, jsonl or sarif, not "${format}".`);
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) return usageError(`--jobs takes a whole number of threads, 1 or more, not "${values.jobs}".`);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (typeof shard === 'string') return usageError(shard);
  if (values.kind !== undefined && !isPolicyKind(values.kind))
    return usageError(`--kind must be identity, resource, trust, scp, rcp or endpoint, not "${values.kind}".`);
  const noteFolders = values.notes ?? [];
  if (positionals.length === 0 && noteFolders.length === 0) return usageError('Name at least one file or folder to check.');
  const missingNotes = noteFolders.filter((folder) => !isDirectory(folder));
  if (missingNotes.length > 0) return usageError(`No such notes folder: ${missingNotes.join(', ')}`);

  const { files, missing } = collectFiles(positionals);
  if (missing.length > 0) return usageError(`No such file or folder: ${missing.join(', ')}`);
  return runCheck({
    files,
    noteFolders,
    format: format as OutputFormat,
    kind: values.kind,
    color: format === 'text' && !values['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR,
    jobs,
    shard,
    version: VERSION,
  });
}

function isDirectory(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

function usageError(message: string): number {
  process.stderr.write(`aws-study-hints: ${message}\n\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  // Output piped into `head` and the like: the reader left, so stop quietly instead of throwing EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}

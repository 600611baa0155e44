import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPolicyKind } from '../service/iam/detect';
import { createLanguageService, type LanguageService } from '../service/languageService';
import { collectFiles, readInput, workspaceFor } from './files';
import { loadNoteFiles } from './notes';
import { formatJson, formatSarif, formatText } from './formats';
import { toReported, type FileReport } from './report';
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
  --format text|json|sarif   output format (default: text)
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
  if (!['text', 'json', 'sarif'].includes(format)) return usageError(`--format must be text, json or sarif, not "${format}".`);
  if (values.kind !== undefined && !isPolicyKind(values.kind))
    return usageError(`--kind must be identity, resource, trust, scp, rcp or endpoint, not "${values.kind}".`);
  const noteFolders = values.notes ?? [];
  if (positionals.length === 0 && noteFolders.length === 0) return usageError('Name at least one file or folder to check.');
  const missingNotes = noteFolders.filter((folder) => !isDirectory(folder));
  if (missingNotes.length > 0) return usageError(`No such notes folder: ${missingNotes.join(', ')}`);

  const { files, missing } = collectFiles(positionals);
  if (missing.length > 0) return usageError(`No such file or folder: ${missing.join(', ')}`);
  const notes = noteFolders.length > 0 ? loadNoteFiles(noteFolders) : undefined;
  const service = createLanguageService({ log: (message) => process.stderr.write(`${message}\n`), notes: notes?.notes });
  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const file of files) {
    const read = readInput(file.path);
    if ('skipped' in read) {
      // A file that cannot be checked must not pass silently in CI.
      process.stderr.write(`${file.path}: not checked (${read.skipped})\n`);
      unreadable++;
      continue;
    }
    const workspace = workspaceFor(file.path);
    const languageId = /\.ya?ml$/i.test(file.path) ? 'yaml' : 'json';
    const document = TextDocument.create(pathToFileURL(path.resolve(file.path)).href, languageId, 1, read.text);
    const context = { settings: workspace.settings, workspaceRoot: workspace.root, kind: values.kind };
    let checked: ReturnType<LanguageService['check']>;
    try {
      checked = service.check(document, context);
    } catch (error) {
      // One file the analysis cannot handle must not cost the other files their results.
      process.stderr.write(`${file.path}: not checked (internal error: ${error instanceof Error ? error.message : String(error)})\n`);
      unreadable++;
      continue;
    }
    if (!checked) {
      if (file.explicit) {
        const hint =
          languageId === 'yaml'
            ? 'buildspec*.yml and appspec.yml are recognised by name (or set awsStudyHints.buildspec.files / appspec.files)'
            : 'no "Statement"; use --kind to check it anyway';
        process.stderr.write(`${file.path}: not an IAM policy, buildspec or AppSpec (${hint})\n`);
      }
      continue;
    }
    reports.push({ file: file.path, kind: checked.kind, diagnostics: checked.diagnostics.map(toReported) });
  }
  if (notes) reports.push(...lintNotes(service, notes.files, noteFolders));
  const output =
    format === 'json'
      ? formatJson(reports)
      : format === 'sarif'
        ? formatSarif(reports, { version: VERSION, rules: service.rules })
        : formatText(reports, !values['no-color'] && process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(`${output}\n`);
  return unreadable > 0 || reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Each note file through the language service, as the editor lints an open note. */
function lintNotes(service: LanguageService, files: readonly { path: string; text: string }[], folders: readonly string[]): FileReport[] {
  const reports: FileReport[] = [];
  for (const file of files) {
    const workspace = workspaceFor(file.path);
    const settings = { ...workspace.settings, notes: { ...workspace.settings.notes, paths: folders.map((folder) => path.resolve(folder)) } };
    const document = TextDocument.create(pathToFileURL(file.path).href, 'markdown', 1, file.text);
    reports.push({ file: file.path, kind: 'notes', diagnostics: service.diagnostics(document, { settings, workspaceRoot: workspace.root }).map(toReported) });
  }
  return reports;
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
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}

import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type LanguageService } from '../service/languageService';
import { checkFile, type FileOutcome, type FileTask } from './checkFile';
import { type InputFile, workspaceFor } from './files';
import { loadNoteFiles } from './notes';
import { createOutput, type OutputFormat } from './output';
import { bundledWorker, checkInWorkers } from './pool';
import { createProgress } from './progress';
import { toReported } from './report';
import { inShard, type Shard } from './shard';

/**
 * `check` once its options are read: the files (this shard's) through the language service —
 * on worker threads when there are enough of them — then the notes, streamed to the output.
 */

export interface CheckOptions {
  readonly files: readonly InputFile[];
  readonly noteFolders: readonly string[];
  readonly format: OutputFormat;
  readonly kind?: string;
  readonly color: boolean;
  /** Threads; 1 checks on the main thread. */
  readonly jobs: number;
  readonly shard?: Shard;
  readonly version: string;
}

/** Below this many files, starting threads (each loads the service and the catalog) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export async function runCheck(options: CheckOptions): Promise<number> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const tasks: FileTask[] = options.files.filter((file) => inShard(file.path, options.shard)).map((file) => ({ ...file, kind: options.kind }));
  const notes = options.noteFolders.length > 0 ? loadNoteFiles(options.noteFolders) : undefined;
  const noteFiles = (notes?.files ?? []).filter((file) => inShard(file.path, options.shard));
  const service = createLanguageService({ log, notes: notes?.notes });
  const output = createOutput(options.format, (text) => process.stdout.write(text), {
    color: options.color,
    tool: { version: options.version, rules: service.rules },
  });
  const progress = createProgress(tasks.length + noteFiles.length);
  let unreadable = 0;
  let errors = false;
  let done = 0;
  const take = (outcome: FileOutcome) => {
    if (outcome.message) progress.message(outcome.message);
    if (outcome.unreadable) unreadable++;
    if (outcome.report) {
      output.file(outcome.report);
      errors ||= outcome.report.diagnostics.some((d) => d.severity === 'error');
    }
    progress.tick(++done);
  };

  const workerFile = bundledWorker(__dirname);
  if (workerFile && options.jobs > 1 && tasks.length >= MIN_FILES_FOR_WORKERS) {
    const crashMarker = process.env.AWS_STUDY_HINTS_TEST_CRASH_MARKER;
    for await (const outcome of checkInWorkers(tasks, { jobs: options.jobs, workerFile, log, crashMarker })) take(outcome);
  } else {
    for (const task of tasks) take(checkFile(service, task));
  }
  for (const file of noteFiles) take({ report: lintNote(service, file, options.noteFolders) });
  progress.end();
  output.end();
  return unreadable > 0 || errors ? 1 : 0;
}

/** A note file through the language service, as the editor lints an open note. */
function lintNote(service: LanguageService, file: { path: string; text: string }, folders: readonly string[]) {
  const workspace = workspaceFor(file.path);
  const settings = { ...workspace.settings, notes: { ...workspace.settings.notes, paths: folders.map((folder) => path.resolve(folder)) } };
  const document = TextDocument.create(pathToFileURL(file.path).href, 'markdown', 1, file.text);
  return { file: file.path, kind: 'notes', diagnostics: service.diagnostics(document, { settings, workspaceRoot: workspace.root }).map(toReported) };
}

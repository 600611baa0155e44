import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/languageService';
import { readInput, workspaceFor } from './files';
import { type FileReport, toReported } from './report';

/** One file of `check`, the same on the main thread and in a worker: read, analyse, report. */

export interface FileTask {
  readonly path: string;
  /** True when the user named the file, so a non-policy file is worth a note. */
  readonly explicit: boolean;
  /** The CLI's --kind. */
  readonly kind?: string;
}

export interface FileOutcome {
  /** Undefined when no kind claims the file or it could not be checked. */
  readonly report?: FileReport;
  /** A line for stderr (not checked, not recognised). */
  readonly message?: string;
  /** The file could not be checked: CI must not pass silently. */
  readonly unreadable?: boolean;
}

export function checkFile(service: LanguageService, task: FileTask): FileOutcome {
  const read = readInput(task.path);
  if ('skipped' in read) return { message: `${task.path}: not checked (${read.skipped})`, unreadable: true };
  try {
    const workspace = workspaceFor(task.path);
    const languageId = /\.ya?ml$/i.test(task.path) ? 'yaml' : 'json';
    const uri = pathToFileURL(path.resolve(task.path)).href;
    const document = TextDocument.create(uri, languageId, 1, read.text);
    const checked = service.check(document, { settings: workspace.settings, workspaceRoot: workspace.root, kind: task.kind });
    // The CLI sees each file once: keeping its analysis would only hold memory.
    service.forget(uri);
    if (!checked) {
      if (!task.explicit) return {};
      const hint =
        languageId === 'yaml'
          ? 'buildspec*.yml and appspec.yml are recognised by name (or set awsStudyHints.buildspec.files / appspec.files)'
          : 'no "Statement"; use --kind to check it anyway';
      return { message: `${task.path}: not an IAM policy, buildspec or AppSpec (${hint})` };
    }
    return { report: { file: task.path, kind: checked.kind, diagnostics: checked.diagnostics.map(toReported) } };
  } catch (error) {
    // One file the analysis cannot handle must not cost the other files their results.
    return { message: `${task.path}: not checked (internal error: ${error instanceof Error ? error.message : String(error)})`, unreadable: true };
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './decode';

/**
 * The files a whole-folder check looks at — the CLI on a folder and Check Workspace in the
 * editor walk the same way, so both report the same files.
 */

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out', 'build', '.vscode-test', 'coverage']);
// JSON for policies and templates, YAML for buildspecs, AppSpecs and templates.
const CHECKED_EXTENSIONS = new Set(['.json', '.jsonc', '.yml', '.yaml']);
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Calls `found` for every checkable file under `directory`, in a stable (sorted) order; dot-folders and build output are skipped. */
export function walkCheckableFiles(directory: string, found: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) walkCheckableFiles(full, found);
    } else if (entry.isFile() && CHECKED_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      found(full);
    }
  }
}

export type ReadResult = { text: string } | { skipped: string };

/** A file's text (any encoding decodeText knows), or why it was skipped (too large, unreadable). */
export function readCheckableFile(file: string): ReadResult {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return { text: decodeText(fs.readFileSync(file)) };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}

/** The language a checked file is read as: YAML by its extension, JSON otherwise. */
export function languageIdOf(file: string): 'yaml' | 'json' {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

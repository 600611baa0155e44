import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { decodeText } from '../common/decode';
import type { NotesService } from './service';
import { resolveNoteRoots } from './paths';

/**
 * Finds and indexes the user's notes: walks the configured folders without following symbolic
 * links (no loops), within limits on file count and size, yielding to the event loop between
 * files so that hovers and diagnostics stay responsive while a large folder is indexed.
 */

export const MAX_NOTE_FILES = 10_000;
export const MAX_NOTE_BYTES = 2 * 1024 * 1024;
const SKIPPED = new Set(['node_modules', '.git', '.obsidian', '.trash']);

export interface ScanResult {
  readonly files: number;
  readonly sections: number;
  readonly skipped: readonly string[];
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

export function listNoteFiles(
  settings: { paths: readonly string[]; extensions: readonly string[] },
  workspaceRoots: readonly string[],
): { files: string[]; truncated: boolean } {
  const { folders, globs } = resolveNoteRoots(settings.paths, workspaceRoots);
  const files = new Set<string>();
  let truncated = false;
  const extensions = new Set(settings.extensions);
  const visit = (dir: string, depth: number) => {
    if (truncated || depth > 32) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder
    }
    for (const entry of entries) {
      if (files.size >= MAX_NOTE_FILES) {
        truncated = true;
        return;
      }
      if (entry.isSymbolicLink()) continue; // never follow links: no loops, no surprises
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) visit(full, depth + 1);
      } else if (entry.isFile() && extensions.has(path.extname(entry.name).toLowerCase())) {
        files.add(full);
      }
    }
  };
  for (const folder of folders) visit(folder, 0);
  if (globs.length > 0) {
    // Globs are matched under the longest folder they name literally.
    for (const glob of globs) {
      const segments = glob.split('/');
      const firstWild = segments.findIndex((segment) => /[*?[\]{}]/.test(segment));
      const base = segments.slice(0, firstWild < 0 ? segments.length : firstWild).join('/') || '/';
      const matcher = picomatch(glob, { dot: true });
      const before = new Set(files);
      visit(base, 0);
      for (const file of files) if (!before.has(file) && !matcher(file.replace(/\\/g, '/'))) files.delete(file);
    }
  }
  return { files: [...files], truncated };
}

export function readNote(file: string): string | { skipped: string } {
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_NOTE_BYTES) return { skipped: `${file}: larger than 2 MB, not indexed` };
    const bytes = fs.readFileSync(file);
    if (bytes.includes(0)) return { skipped: `${file}: binary content, not indexed` };
    return decodeText(bytes);
  } catch (error) {
    return { skipped: `${file}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Indexes every note, yielding between files; `onProgress` receives the share done (0–100). */
export async function indexNotes(
  notes: NotesService,
  files: readonly string[],
  onProgress: (percent: number, file: string) => void,
  isCancelled: () => boolean,
): Promise<{ sections: number; skipped: string[] }> {
  const skipped: string[] = [];
  let sections = 0;
  for (let i = 0; i < files.length; i++) {
    if (isCancelled()) break;
    const file = files[i]!;
    const text = readNote(file);
    if (typeof text === 'string') sections += notes.setNote(file, text);
    else skipped.push(text.skipped);
    if (i % 25 === 0) {
      onProgress(Math.round((i / files.length) * 100), file);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { sections, skipped };
}

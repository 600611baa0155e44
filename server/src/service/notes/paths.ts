import * as path from 'node:path';
import { globMatchesPath } from '../common/globs';

/**
 * awsStudyHints.notes.paths: folders or globs, absolute or relative to the workspace. A file is
 * a note when it has a configured ending and lies in one of the folders (or matches a glob).
 */

const GLOB = /[*?[\]{}]/;

export function resolveNoteRoots(paths: readonly string[], workspaceRoots: readonly string[]): { folders: string[]; globs: string[] } {
  const folders: string[] = [];
  const globs: string[] = [];
  for (const entry of paths) {
    const expanded = entry.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (GLOB.test(expanded)) {
      if (path.isAbsolute(expanded)) globs.push(expanded.replace(/\\/g, '/'));
      else for (const root of workspaceRoots) globs.push(path.join(root, expanded).replace(/\\/g, '/'));
      continue;
    }
    if (path.isAbsolute(expanded)) folders.push(path.normalize(expanded));
    else for (const root of workspaceRoots) folders.push(path.join(root, expanded));
  }
  return { folders, globs };
}

export function isNotePath(file: string, workspaceRoot: string | undefined, settings: { paths: readonly string[]; extensions: readonly string[] }): boolean {
  if (settings.paths.length === 0) return false;
  if (!settings.extensions.includes(path.extname(file).toLowerCase())) return false;
  const { folders, globs } = resolveNoteRoots(settings.paths, workspaceRoot ? [workspaceRoot] : []);
  if (folders.some((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))) return true;
  return globs.some((glob) => globMatchesPath(glob, file));
}

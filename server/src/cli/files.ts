import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { readCheckableFile, walkCheckableFiles } from '../service/common/workspaceFiles';
import type { Settings } from '../protocol/settings';
import { normalizeSettings } from '../service/settings';

/** File discovery and settings for the CLI: the same settings file VS Code reads, so both agree. */

export { MAX_FILE_BYTES, type ReadResult } from '../service/common/workspaceFiles';

export interface InputFile {
  readonly path: string;
  /** True when the user named the file, so a non-policy file is worth a note. */
  readonly explicit: boolean;
}

export function collectFiles(inputs: readonly string[]): { files: InputFile[]; missing: string[] } {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    // A file named twice, or named and also found in a folder, is checked once.
    const key = path.resolve(file.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isDirectory()) walk(input, add);
    else add({ path: input, explicit: true });
  }
  return { files, missing };
}

function walk(directory: string, add: (file: InputFile) => void): void {
  walkCheckableFiles(directory, (file) => add({ path: file, explicit: false }));
}

/** A file's text, or why it was skipped. */
export const readInput = readCheckableFile;

export interface Workspace {
  readonly root: string;
  readonly settings: Settings;
}

const workspaceCache = new Map<string, Workspace>();

/**
 * The workspace a file belongs to: the nearest folder above it with `.vscode/settings.json`
 * (whose `awsStudyHints.*` keys apply), else the current directory with default settings.
 */
export function workspaceFor(file: string): Workspace {
  let dir = path.dirname(path.resolve(file));
  const visited: string[] = [];
  for (;;) {
    const cached = workspaceCache.get(dir);
    if (cached) return remember(visited, cached);
    visited.push(dir);
    const settingsFile = path.join(dir, '.vscode', 'settings.json');
    if (fs.existsSync(settingsFile)) return remember(visited, { root: dir, settings: readSettings(settingsFile) });
    const parent = path.dirname(dir);
    if (parent === dir) return remember(visited, { root: process.cwd(), settings: normalizeSettings({}) });
    dir = parent;
  }
}

function remember(dirs: string[], workspace: Workspace): Workspace {
  for (const dir of dirs) workspaceCache.set(dir, workspace);
  return workspace;
}

function readSettings(file: string): Settings {
  try {
    const flat = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> | undefined;
    if (!flat || typeof flat !== 'object') return normalizeSettings({});
    // VS Code settings files use dotted keys; nested objects are accepted too.
    const nested = (flat.awsStudyHints ?? {}) as Record<string, unknown>;
    return normalizeSettings({
      rules: flat['awsStudyHints.rules'] ?? nested.rules,
      iam: { policyKinds: flat['awsStudyHints.iam.policyKinds'] ?? (nested.iam as Record<string, unknown> | undefined)?.policyKinds },
      buildspec: { files: flat['awsStudyHints.buildspec.files'] ?? (nested.buildspec as Record<string, unknown> | undefined)?.files },
      appspec: {
        files: flat['awsStudyHints.appspec.files'] ?? (nested.appspec as Record<string, unknown> | undefined)?.files,
        platforms: flat['awsStudyHints.appspec.platforms'] ?? (nested.appspec as Record<string, unknown> | undefined)?.platforms,
      },
      templates: { files: flat['awsStudyHints.templates.files'] ?? (nested.templates as Record<string, unknown> | undefined)?.files },
      maxProblems: flat['awsStudyHints.maxProblems'] ?? nested.maxProblems,
    });
  } catch {
    return normalizeSettings({});
  }
}

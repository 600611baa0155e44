// The throw-away workspace `npm start` works in: a fresh copy of examples/ under the OS temp
// folder, so quick-fixes, "Set IAM Policy Kind" and any other edit change the copy, never the
// repository's tracked files, and every run starts from the same examples.
//
// Folders are named aws-study-hints-examples-<pid>-<random>. Before making a new one, the copies
// left by earlier runs are removed: only folders with exactly that name shape, and only when the
// process that made them (the pid in the name) is no longer running, so a second `npm start` in
// another terminal does not pull the workspace from under the first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SCRATCH_PREFIX = 'aws-study-hints-examples-';
const SCRATCH_NAME = /^aws-study-hints-examples-(\d+)-[A-Za-z0-9]{6}$/;

/** True while a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

/** The scratch folders of earlier runs under tmpRoot whose creating process has ended. */
export function staleScratchFolders({ tmpRoot = os.tmpdir(), isAlive = processAlive } = {}) {
  let entries;
  try {
    entries = fs.readdirSync(tmpRoot, { withFileTypes: true });
  } catch {
    return [];
  }
  const stale = [];
  for (const entry of entries) {
    const match = SCRATCH_NAME.exec(entry.name);
    if (!match || !entry.isDirectory()) continue;
    if (!isAlive(Number(match[1]))) stale.push(path.join(tmpRoot, entry.name));
  }
  return stale.sort();
}

/**
 * Copies `source` (every file, dot-folders such as .vscode/ included) into a new folder
 * tmpRoot/aws-study-hints-examples-<pid>-<random>, after removing the stale copies of earlier
 * runs. Returns the new folder and the folders removed. The source is only read.
 */
export function prepareScratchWorkspace({ source, tmpRoot = os.tmpdir(), pid = process.pid, isAlive = processAlive }) {
  if (!fs.statSync(source).isDirectory()) throw new Error(`${source} is not a folder`);
  const removed = [];
  for (const folder of staleScratchFolders({ tmpRoot, isAlive })) {
    try {
      fs.rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      /* someone else's, or busy: leave it */
    }
  }
  fs.mkdirSync(tmpRoot, { recursive: true });
  const folder = fs.mkdtempSync(path.join(tmpRoot, `${SCRATCH_PREFIX}${pid}-`));
  fs.cpSync(source, folder, { recursive: true });
  return { path: folder, removed };
}

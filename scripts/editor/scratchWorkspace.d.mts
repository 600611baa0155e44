/** Types of scratchWorkspace.mjs (see there). */

/** Name prefix of every scratch folder: aws-study-hints-examples-<pid>-<random>. */
export declare const SCRATCH_PREFIX: string;

/** True while a process with this id exists. */
export declare function processAlive(pid: number): boolean;

export interface ScratchOptions {
  /** Where scratch folders live. Default os.tmpdir(). */
  readonly tmpRoot?: string;
  /** Whether the process that made a folder still runs. Default processAlive. */
  readonly isAlive?: (pid: number) => boolean;
}

/** Scratch folders of earlier runs under tmpRoot whose creating process has ended, sorted. */
export declare function staleScratchFolders(options?: ScratchOptions): string[];

/**
 * Copies `source` into a new folder tmpRoot/aws-study-hints-examples-<pid>-<random>, after
 * removing the stale scratch folders of earlier runs.
 */
export declare function prepareScratchWorkspace(
  options: ScratchOptions & {
    /** The folder to copy (examples/). Only read. */
    readonly source: string;
    /** The pid written into the new folder's name. Default process.pid. */
    readonly pid?: number;
  },
): { path: string; removed: string[] };

/** Types of quietInstall.mjs (see there). */
import type { SpawnSyncOptions, SpawnSyncReturns } from 'node:child_process';

/** The last `count` lines of a file ('' when it cannot be read). */
export declare function tailOfFile(file: string, count?: number): string;

export interface QuietSteps {
  /** spawnSync with stdout and stderr appended to the log. */
  run(command: string, args?: readonly string[], options?: Omit<SpawnSyncOptions, 'stdio'>): SpawnSyncReturns<Buffer>;
  /** A line of the script's own in the log. */
  note(text: string): void;
}

export interface QuietOptions {
  /** The progress line's start, e.g. "Installing code-server 4.100.3". */
  readonly title: string;
  /** Where the commands' output goes; started afresh. */
  readonly logFile: string;
  /** Where the progress line (and, on failure, the log's tail) is written. Default process.stderr. */
  readonly out?: { write(text: string): unknown };
  /** Lines of the log shown on failure. Default 30. */
  readonly tailLines?: number;
  /** Clock, in ms. Default Date.now. */
  readonly now?: () => number;
}

/** Runs `body` with its commands' output in `logFile` and one progress line on `out`. */
export declare function installQuietly<T>(options: QuietOptions, body: (steps: QuietSteps) => T): T;

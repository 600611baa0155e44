import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Runs a document's warm-up jobs (LanguageService.warmUp) in idle time: a few milliseconds at a
 * time between other messages, dropped as soon as the document changes or another warm-up for
 * it starts, so that they never delay what the user is waiting for.
 */

/** How long one slice may run before giving the event loop back. */
const SLICE_MS = 2;

/**
 * How long the server must have had no request before a warm-up runs: answers must be on their
 * way first (vscode-jsonrpc writes them from a later turn of the event loop), and a burst of
 * requests (another document opened, status, code lenses) goes first.
 */
const QUIET_MS = 100;

export class WarmUps {
  private readonly running = new Map<string, { cancelled: boolean }>();
  private lastActivity = 0;

  constructor(private readonly current: (uri: string) => TextDocument | undefined) {}

  /** `plan` lists the jobs; it is called in idle time too, after the request that started the warm-up is answered. */
  start(document: TextDocument, plan: () => readonly (() => void)[]): void {
    this.touch();
    this.cancel(document.uri);
    let jobs: readonly (() => void)[] | undefined;
    const token = { cancelled: false };
    this.running.set(document.uri, token);
    let next = 0;
    // The version now: TextDocuments updates the same object in place when the document changes.
    const version = document.version;
    const slice = () => {
      if (token.cancelled || this.current(document.uri)?.version !== version) return this.finish(document.uri, token);
      const quietFor = performance.now() - this.lastActivity;
      if (quietFor < QUIET_MS) {
        setTimeout(slice, QUIET_MS - quietFor).unref?.();
        return;
      }
      const until = performance.now() + SLICE_MS;
      jobs ??= safely(plan);
      while (next < jobs.length && performance.now() < until) {
        try {
          jobs[next++]!();
        } catch {
          // A warm-up is only an optimisation: the request itself will report any failure.
        }
      }
      if (next < jobs.length) setImmediate(slice);
      else this.finish(document.uri, token);
    };
    const timer = setTimeout(slice, QUIET_MS);
    // A pending warm-up never keeps the process alive.
    timer.unref?.();
  }

  /** A request came in or was answered: warm-ups wait until the server has been quiet for a while. */
  touch(): void {
    this.lastActivity = performance.now();
  }

  cancel(uri: string): void {
    const token = this.running.get(uri);
    if (token) token.cancelled = true;
    this.running.delete(uri);
  }

  private finish(uri: string, token: { cancelled: boolean }): void {
    if (this.running.get(uri) === token) this.running.delete(uri);
  }
}

function safely(plan: () => readonly (() => void)[]): readonly (() => void)[] {
  try {
    return plan();
  } catch {
    return [];
  }
}

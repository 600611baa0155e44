/** Types of poll.mjs (see there). */

export interface PollOptions {
  /** Deadline, in ms from the first probe. Default 10,000. */
  readonly timeoutMs?: number;
  /** Pause between two probes, in ms. Default 5. */
  readonly intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than `undefined`, `null` or `false`, and resolves
 * with that value; rejects with `timed out after … ms waiting for ${what}` when the deadline passes.
 */
export declare function poll<T>(
  what: string,
  probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
  options?: PollOptions,
): Promise<T>;

// The one polling helper, shared by the tests (test/lsp, and test/editor/suite bundled into the
// extension host), the benchmarks (bench/) and the editor scripts (scripts/editor/). A plain ES
// module so that `node bench/*.mjs` and `node scripts/editor/*.mjs` import it without tsx; its
// types are in poll.d.mts. It polls a condition with a deadline: never sleep a fixed time instead.

/**
 * Calls `probe` (synchronous or asynchronous) until it returns something other than `undefined`,
 * `null` or `false`, and resolves with that value; rejects once `timeoutMs` have passed without
 * one. A probe that throws ends the polling with its error.
 *
 * @template T
 * @param {string} what what is waited for, for the timeout message
 * @param {() => T | undefined | null | false | PromiseLike<T | undefined | null | false>} probe
 * @param {{ timeoutMs?: number, intervalMs?: number }} [options] deadline (default 10 s) and pause between probes (default 5 ms)
 * @returns {Promise<T>}
 */
export async function poll(what, probe, { timeoutMs = 10_000, intervalMs = 5 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Bounded waiting for tests: poll a condition until it holds or a deadline
 * passes, then fail loudly. Never a fixed sleep before an assertion.
 *
 * @module
 */

/** How long {@link waitFor} polls and how often. */
export interface WaitOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Milliseconds between two checks (default 50). */
  everyMs?: number;
  /** What was last seen, for the message on timeout. */
  describe?: () => unknown;
}

/**
 * Calls `check` until it returns something other than `undefined` or
 * `false`, and resolves with that; throws an Error naming `what` (and what
 * `describe` gives, if any) once `timeoutMs` have passed. An error thrown by
 * `check` ends the wait at once.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, everyMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) {
      const last = options.describe ? `; last seen: ${JSON.stringify(options.describe())}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * {@link waitFor} for what another server does in its own time (replication,
 * a restart): `probe` throwing counts as "not yet", and the last error is in
 * the message on timeout. Every 250 ms, for at most `timeoutMs` (30 s).
 */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  let last: unknown;
  return await waitFor(what, async () => {
    try {
      return await probe();
    } catch (e) {
      last = e;
      return undefined;
    }
  }, { timeoutMs, everyMs: 250, describe: () => last === undefined ? undefined : String(last) });
}

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
}

/**
 * Calls `check` until it returns something other than `undefined` or
 * `false`, and resolves with that; throws an Error naming `what` (and the
 * last value `describe` gives, if any) once `timeoutMs` have passed.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitOptions & { describe?: () => unknown } = {},
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

/**
 * The retries of src/base/retry.ts, loaded on a request's first failure:
 * capped exponential backoff with equal jitter, longer after a throttling
 * answer or as long as `Retry-After` asks, within the retry deadline
 * counted from the first failure, and never past an abort.
 *
 * @module
 */

import { ServerError } from "./errors.ts";
import { ConnectionFailed, isRetryableStatus } from "./attempt.ts";

/** Retry settings. */
export interface RetryOptions {
  /** Further attempts after the first (default 10). */
  maxRetries: number;
  /** First backoff in milliseconds, doubled per attempt (default 200). */
  baseDelayMs: number;
  /** Longest backoff in milliseconds (default 2 000; five times more after throttling). */
  maxDelayMs?: number;
  /**
   * No retry starts later than this many milliseconds after the request's
   * first failure (default 20 000): the bound on waiting, whatever
   * `maxRetries` and `Retry-After` say.
   */
  deadlineMs?: number;
}

/**
 * What `withRetry` needs from the world beyond `fetch`; replaced in
 * tests so that waits are observed rather than timed.
 */
export interface RetryHooks {
  /** Waits `ms` or rejects with the abort reason (default: a timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The current time in milliseconds (default `Date.now`). */
  now?: () => number;
  /** A number in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Called just before each retry is sent. */
  onRetry?: () => void;
}

/** Throttling answers back off this many times longer (AWS: 500 ms against 100 ms). */
const THROTTLE_FACTOR = 5;
/** Answers that say the request was refused before anything was done. */
const REFUSED_STATUS = new Set([429, 503]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The wait a `Retry-After` header asks for: delta-seconds or an HTTP date. */
function retryAfterMs(res: Response, now: number): number | undefined {
  const v = res.headers.get("retry-after")?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Goes on from `first`, the outcome of the first attempt (a retryable
 * answer or a failed connection), as `withRetry` documents; `options` has
 * its defaults applied.
 */
export async function retryLoop(
  first: Response | ConnectionFailed,
  attempt: () => Promise<Response>,
  options: Required<RetryOptions>,
  idempotent: boolean,
  signal: AbortSignal | undefined,
  hooks: RetryHooks,
): Promise<Response> {
  const now = hooks.now ?? Date.now;
  let firstFailure: number | undefined;
  // The wait before retry `i`, or undefined when no retry may start.
  const delayFor = (i: number, throttled: boolean, hinted?: number): number | undefined => {
    if (i >= options.maxRetries) return undefined;
    const t = now();
    firstFailure ??= t;
    const cap = options.maxDelayMs * (throttled ? THROTTLE_FACTOR : 1);
    const d = Math.min(cap, options.baseDelayMs * (throttled ? THROTTLE_FACTOR : 1) * 2 ** i);
    const jittered = d / 2 + (hooks.random ?? Math.random)() * d / 2;
    const delay = Math.min(cap, Math.max(jittered, hinted ?? 0));
    return t + delay - firstFailure > options.deadlineMs ? undefined : delay;
  };
  let outcome = first;
  for (let i = 0;; i++) {
    if (i > 0) {
      try {
        outcome = await attempt();
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        if (!(e instanceof ConnectionFailed)) throw e;
        outcome = e;
      }
    }
    if (outcome instanceof ConnectionFailed) {
      const delay = idempotent ? delayFor(i, false) : undefined;
      if (delay === undefined) {
        // Said plainly: the caller must not take this failure for "nothing happened".
        const unsafe = idempotent ? "" : " (not sent again: the server may have acted on it)";
        throw new ServerError(outcome.message + unsafe, 0, { cause: outcome.cause });
      }
      await (hooks.sleep ?? sleep)(delay, signal);
      hooks.onRetry?.();
      continue;
    }
    const res = outcome;
    if (!isRetryableStatus(res.status)) return res;
    const refused = REFUSED_STATUS.has(res.status);
    if (!idempotent && !refused) return res;
    const delay = delayFor(i, refused, retryAfterMs(res, now()));
    if (delay === undefined) return res;
    await res.body?.cancel();
    await (hooks.sleep ?? sleep)(delay, signal);
    hooks.onRetry?.();
  }
}

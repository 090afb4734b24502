/**
 * Sending with retries: failed connections and the server's "try again"
 * answers are retried with capped exponential backoff, longer after a
 * throttling answer (429, 503 SlowDown) or as long as `Retry-After` asks,
 * within a total retry deadline, and never past an abort.
 *
 * Only a request that is safe to repeat is sent again after an unknown
 * outcome (a lost answer, a 500): GET, HEAD, PUT and DELETE are idempotent
 * in S3. Any request is sent again after 429 or 503, which say the server
 * refused it without acting on it.
 *
 * The defaults ride out several seconds of unavailability (a server
 * restart, a node lost behind a balancer): 10 retries from 200 ms, doubled
 * up to 2 s, half of each wait random ("equal jitter", so the waits never
 * collapse to nothing), at least 7.5 s of waiting in all and at most 20 s
 * after the first failure. minio-go waits similarly (10 retries from
 * 200 ms, capped at 1 s, full jitter); the AWS SDKs' standard mode makes
 * 3 attempts from 100 ms, 500 ms after throttling, capped at 20 s.
 *
 * @module
 */

import { ServerError } from "./errors.ts";

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

/** The defaults: see the module documentation for why. */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 10,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  deadlineMs: 20_000,
};

/** Throttling answers back off this many times longer (AWS: 500 ms against 100 ms). */
const THROTTLE_FACTOR = 5;
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Answers that say the request was refused before anything was done. */
const REFUSED_STATUS = new Set([429, 503]);

/** Whether a status says "try again later". */
export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUS.has(status);
}

/**
 * What {@link withRetry} needs from the world beyond `fetch`; replaced in
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

/** A fetch that produced no response: the connection failed or broke. */
class ConnectionFailed extends Error {}

/**
 * Calls `fetch`, marking a rejection as a failed connection so
 * {@link withRetry} knows it may try again. fetch rejects with a TypeError
 * when the connection fails; workerd with a plain Error ("Network connection
 * lost."), so the type is not what decides.
 */
export async function fetchOnce(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (e) {
    throw new ConnectionFailed(`request failed: ${(e as Error)?.message ?? e}`, { cause: e });
  }
}

/**
 * Calls `attempt` until it gives a response that is not retryable, the
 * retries or the deadline run out, or `signal` aborts. `attempt` builds a
 * fresh request each time (new date, new signature) and sends it with
 * {@link fetchOnce}; any other error it throws (from a credential provider,
 * say) ends the loop. With `idempotent` false, only a 429 or 503 answer is
 * retried: after a lost answer or a 5xx the request may have taken effect.
 */
export async function withRetry(
  attempt: () => Promise<Response>,
  options: RetryOptions,
  idempotent: boolean,
  signal?: AbortSignal,
  hooks: RetryHooks = {},
): Promise<Response> {
  const now = hooks.now ?? Date.now;
  const deadlineMs = options.deadlineMs ?? DEFAULT_RETRY.deadlineMs;
  let firstFailure: number | undefined;
  // The wait before retry `i`, or undefined when no retry may start.
  const delayFor = (i: number, throttled: boolean, hinted?: number): number | undefined => {
    if (i >= options.maxRetries) return undefined;
    const t = now();
    firstFailure ??= t;
    const cap = (options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs) *
      (throttled ? THROTTLE_FACTOR : 1);
    const d = Math.min(cap, options.baseDelayMs * (throttled ? THROTTLE_FACTOR : 1) * 2 ** i);
    const jittered = d / 2 + (hooks.random ?? Math.random)() * d / 2;
    const delay = Math.min(cap, Math.max(jittered, hinted ?? 0));
    return t + delay - firstFailure > deadlineMs ? undefined : delay;
  };
  for (let i = 0;; i++) {
    let res: Response;
    try {
      res = await attempt();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (!(e instanceof ConnectionFailed)) throw e;
      const delay = idempotent ? delayFor(i, false) : undefined;
      if (delay === undefined) {
        // Said plainly: the caller must not take this failure for "nothing happened".
        const unsafe = idempotent ? "" : " (not sent again: the server may have acted on it)";
        throw new ServerError(e.message + unsafe, 0, { cause: e.cause });
      }
      await (hooks.sleep ?? sleep)(delay, signal);
      hooks.onRetry?.();
      continue;
    }
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

/** The wait a `Retry-After` header asks for: delta-seconds or an HTTP date. */
function retryAfterMs(res: Response, now: number): number | undefined {
  const v = res.headers.get("retry-after")?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

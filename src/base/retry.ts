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

import { ConnectionFailed, isRetryableStatus } from "./attempt.ts";
import type { RetryHooks, RetryOptions } from "./retry_loop.ts";

export { fetchOnce, isRetryableStatus } from "./attempt.ts";
export type { RetryHooks, RetryOptions } from "./retry_loop.ts";

/** The defaults: see the module documentation for why. */
export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxRetries: 10,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  deadlineMs: 20_000,
};

/**
 * Calls `attempt` until it gives a response that is not retryable, the
 * retries or the deadline run out, or `signal` aborts. `attempt` builds a
 * fresh request each time (new date, new signature) and sends it with
 * {@link fetchOnce}; any other error it throws (from a credential provider,
 * say) ends the loop. With `idempotent` false, only a 429 or 503 answer is
 * retried: after a lost answer or a 5xx the request may have taken effect.
 * The retries (src/base/retry_loop.ts) are loaded on the first failure:
 * most requests succeed at once.
 */
export async function withRetry(
  attempt: () => Promise<Response>,
  options: RetryOptions,
  idempotent: boolean,
  signal?: AbortSignal,
  hooks: RetryHooks = {},
): Promise<Response> {
  let first: Response | ConnectionFailed;
  try {
    first = await attempt();
    if (!isRetryableStatus(first.status)) return first;
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    if (!(e instanceof ConnectionFailed)) throw e;
    first = e;
  }
  const { retryLoop } = await import("./retry_loop.ts");
  return retryLoop(
    first,
    attempt,
    {
      maxRetries: options.maxRetries,
      baseDelayMs: options.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
      deadlineMs: options.deadlineMs ?? DEFAULT_RETRY.deadlineMs,
    },
    idempotent,
    signal,
    hooks,
  );
}

/**
 * Sending with retries: failed connections and the server's "try again"
 * answers are retried with exponential backoff and full jitter, only while
 * the body can be sent again, and never past an abort.
 *
 * @module
 */

import { ServerError } from "../errors.ts";

/** Retry settings. */
export interface RetryOptions {
  /** Further attempts after the first (default 3). */
  maxRetries: number;
  /** First backoff in milliseconds, doubled per attempt (default 100). */
  baseDelayMs: number;
}

/** Defaults close to minio-py's urllib3 retry policy. */
export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 100 };

const MAX_DELAY_MS = 3000;
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

/** Whether a status says "try again later". */
export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUS.has(status);
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

/**
 * Calls `attempt` until it gives a response that is not retryable, the
 * retries run out, or `signal` aborts. `attempt` builds a fresh request each
 * time (new date, new signature). With `replayable` false there is one try.
 */
export async function withRetry(
  attempt: () => Promise<Response>,
  options: RetryOptions,
  replayable: boolean,
  signal?: AbortSignal,
): Promise<Response> {
  const tries = replayable ? options.maxRetries + 1 : 1;
  for (let i = 0;; i++) {
    let res: Response;
    try {
      res = await attempt();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (i + 1 >= tries || !(e instanceof TypeError)) {
        if (e instanceof TypeError) {
          throw new ServerError(`request failed: ${e.message}`, 0, { cause: e });
        }
        throw e;
      }
      await sleep(backoff(i, options), signal);
      continue;
    }
    if (i + 1 >= tries || !isRetryableStatus(res.status)) return res;
    await res.body?.cancel();
    await sleep(retryAfter(res) ?? backoff(i, options), signal);
  }
}

function backoff(attempt: number, options: RetryOptions): number {
  return Math.random() * Math.min(MAX_DELAY_MS, options.baseDelayMs * 2 ** attempt);
}

function retryAfter(res: Response): number | undefined {
  const v = res.headers.get("retry-after");
  if (!v || !/^\d+$/.test(v)) return undefined;
  return Math.min(MAX_DELAY_MS, Number(v) * 1000);
}

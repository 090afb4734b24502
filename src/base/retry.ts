/**
 * Sending with retries: failed connections and the server's "try again"
 * answers are retried with exponential backoff and full jitter, only while
 * the body can be sent again, and never past an abort.
 *
 * @module
 */

import { ServerError } from "./errors.ts";

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
 * retries run out, or `signal` aborts. `attempt` builds a fresh request each
 * time (new date, new signature) and sends it with {@link fetchOnce}; any
 * other error it throws (from a credential provider, say) ends the loop. With
 * `replayable` false there is one try.
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
      if (!(e instanceof ConnectionFailed)) throw e;
      if (i + 1 >= tries) throw new ServerError(e.message, 0, { cause: e.cause });
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

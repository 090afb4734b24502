/**
 * What one attempt of a request came to, as src/base/retry.ts decides on
 * it: a fetch that produced no response (a failed connection), or an
 * answer that says "try again later".
 *
 * @module
 */

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Whether a status says "try again later". */
export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUS.has(status);
}

/** A fetch that produced no response: the connection failed or broke. */
export class ConnectionFailed extends Error {}

/**
 * Calls `fetch`, marking a rejection as a failed connection so
 * `withRetry` knows it may try again. fetch rejects with a TypeError
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

/**
 * The error of a request timeout, apart from the other errors so that a
 * bundle loads it only where a timeout fires.
 *
 * @module
 */

import { ServerError } from "./errors.ts";

/**
 * A request timed out: no response headers within `headersTimeoutMs`, or a
 * response body that sent nothing for `bodyTimeoutMs` while it was read.
 * Not the caller's `AbortSignal` (an abort surfaces as the signal's reason).
 * A headers timeout is retried like a failed connection where the request is
 * safe to repeat, and this error is thrown once the retries run out; after
 * one, a request that is not safe to repeat (a POST) may have taken effect.
 *
 * @example
 * ```ts
 * import { Minio, TimeoutError } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "k", secretKey: "s" });
 * try {
 *   await client.putObject("photos", "tiny.txt", "hi", undefined, { headersTimeoutMs: 5_000 });
 * } catch (e) {
 *   if (e instanceof TimeoutError) console.log(e.timeout, e.timeoutMs); // "headers" 5000
 * }
 * ```
 */
export class TimeoutError extends ServerError {
  /** `"TimeoutError"`, as `error.name` shows it. */
  override name = "TimeoutError";
  /** Which timeout fired: waiting for the response headers, or for body bytes. */
  readonly timeout: "headers" | "body";
  /** The limit that passed, in milliseconds. */
  readonly timeoutMs: number;
  /** Builds the error for the timeout that fired. */
  constructor(timeout: "headers" | "body", timeoutMs: number) {
    super(
      timeout === "headers"
        ? `no response headers within ${timeoutMs} ms (headersTimeoutMs)`
        : `the response body sent nothing for ${timeoutMs} ms (bodyTimeoutMs)`,
      0,
    );
    this.timeout = timeout;
    this.timeoutMs = timeoutMs;
  }
}

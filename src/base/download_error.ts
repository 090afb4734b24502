/**
 * The error of a download that broke and was not resumed, apart from the
 * other errors so that a bundle loads it only when a download breaks.
 *
 * @module
 */

import { ServerError } from "./errors.ts";

/**
 * A download whose body broke part-way (the connection dropped, or the
 * server stopped sending) and could not be resumed: resuming was off, ran
 * out of tries, or the object changed since the download began (its ETag
 * no longer matched, so no byte of another version was spliced in). `cause`
 * keeps the last failure. A stall that the body timeout ended stays a
 * `TimeoutError` when the download could not resume at all (no ETag,
 * resuming off).
 *
 * @example
 * ```ts
 * import { DownloadInterruptedError, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "k", secretKey: "s" });
 * try {
 *   const res = await client.getObject("photos", "big.bin", { maxResumes: 0 });
 *   await res.bytes();
 * } catch (e) {
 *   if (e instanceof DownloadInterruptedError) console.log(e.object, e.bytesRead, e.resumes);
 * }
 * ```
 */
export class DownloadInterruptedError extends ServerError {
  /** `"DownloadInterruptedError"`, as `error.name` shows it. */
  override name = "DownloadInterruptedError";
  /** Bucket of the object. */
  readonly bucket: string;
  /** Name of the object. */
  readonly object: string;
  /** Body bytes delivered before the download ended (those are intact). */
  readonly bytesRead: number;
  /** How many times the download was resumed before it gave up. */
  readonly resumes: number;
  /** Builds the error; the status is 0, as no complete response arrived. */
  constructor(
    message: string,
    fields: { bucket: string; object: string; bytesRead: number; resumes: number },
    options?: { cause?: unknown },
  ) {
    super(message, 0, options);
    this.bucket = fields.bucket;
    this.object = fields.object;
    this.bytesRead = fields.bytesRead;
    this.resumes = fields.resumes;
  }
}

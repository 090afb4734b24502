/**
 * Errors raised by the client. Bad input fails with {@link InvalidArgumentError}
 * before any network call; the server's answers become {@link S3Error},
 * {@link ServerError} or {@link InvalidResponseError}. No error ever carries a
 * secret key, session token or SSE-C key.
 *
 * @module
 */

/**
 * Bad input found before any request was sent.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "k", secretKey: "s" });
 * try {
 *   await client.makeBucket("Bad_Bucket");
 * } catch (e) {
 *   console.log(e instanceof InvalidArgumentError); // true
 * }
 * ```
 */
export class InvalidArgumentError extends Error {
  /** `"InvalidArgumentError"`, as `error.name` shows it. */
  override name = "InvalidArgumentError";
}

/**
 * Fields of an S3 error response body.
 *
 * @example
 * ```ts
 * import { S3Error, type S3ErrorFields } from "@minio-edge/minio";
 * const fields: S3ErrorFields = {
 *   code: "NoSuchKey", message: "The specified key does not exist.",
 *   bucket: "photos", object: "cat.png", status: 404,
 * };
 * console.log(new S3Error(fields).message); // "NoSuchKey: The specified key does not exist."
 * ```
 */
export interface S3ErrorFields {
  /** S3 error code, such as `NoSuchKey`. */
  code: string;
  /** Human-readable message from the server. */
  message: string;
  /** The resource the error is about. */
  resource?: string;
  /** The server's request id (`x-amz-request-id`). */
  requestId?: string;
  /** The server's host id (`x-amz-id-2`). */
  hostId?: string;
  /** Bucket the request was for. */
  bucket?: string;
  /** Object the request was for. */
  object?: string;
  /** HTTP status of the response. */
  status: number;
}

/**
 * An error answer from S3: the parsed `<Error>` body, or one derived from the
 * status where the body is empty (HEAD requests).
 *
 * @example
 * ```ts
 * import { Minio, S3Error } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "k", secretKey: "s" });
 * try {
 *   await client.statObject("bucket", "missing");
 * } catch (e) {
 *   if (e instanceof S3Error && e.code === "NoSuchKey") console.log("not there");
 * }
 * ```
 */
export class S3Error extends Error implements S3ErrorFields {
  /** `"S3Error"`, as `error.name` shows it. */
  override name = "S3Error";
  /** S3 error code, such as `NoSuchKey`. */
  readonly code: string;
  /** The resource the error is about. */
  readonly resource?: string;
  /** The server's request id. */
  readonly requestId?: string;
  /** The server's host id. */
  readonly hostId?: string;
  /** Bucket the request was for. */
  readonly bucket?: string;
  /** Object the request was for. */
  readonly object?: string;
  /** HTTP status of the response. */
  readonly status: number;

  /** Builds the error from the fields of an S3 error body. */
  constructor(fields: S3ErrorFields) {
    super(`${fields.code}: ${fields.message}`);
    this.code = fields.code;
    this.resource = fields.resource;
    this.requestId = fields.requestId;
    this.hostId = fields.hostId;
    this.bucket = fields.bucket;
    this.object = fields.object;
    this.status = fields.status;
  }
}

/**
 * The server failed (5xx) without an S3 error body we could read, or the
 * connection failed after all retries.
 *
 * @example
 * ```ts
 * import { ServerError } from "@minio-edge/minio";
 * const e = new ServerError("server failed with HTTP 503", 503);
 * console.log(e.status); // 503
 * ```
 */
export class ServerError extends Error {
  /** `"ServerError"`, as `error.name` shows it. */
  override name = "ServerError";
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Builds the error; `cause` keeps the underlying failure. */
  constructor(message: string, status: number, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

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

/**
 * The server answered with something the client cannot interpret (an
 * unexpected status with a non-XML body, or malformed XML).
 *
 * @example
 * ```ts
 * import { InvalidResponseError } from "@minio-edge/minio";
 * const e = new InvalidResponseError("unexpected body", 400, "text/html");
 * console.log(e.contentType); // "text/html"
 * ```
 */
export class InvalidResponseError extends Error {
  /** `"InvalidResponseError"`, as `error.name` shows it. */
  override name = "InvalidResponseError";
  /** HTTP status of the response. */
  readonly status: number;
  /** Content type the server sent. */
  readonly contentType?: string;
  /** Builds the error from what was received. */
  constructor(message: string, status: number, contentType?: string) {
    super(message);
    this.status = status;
    this.contentType = contentType;
  }
}

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

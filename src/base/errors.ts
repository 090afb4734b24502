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

/**
 * Turning an unsuccessful response into a typed error.
 *
 * @module
 */

import { InvalidResponseError, S3Error, ServerError } from "../base/errors.ts";
import { childText, parseXml, type XmlElement } from "../xml/parse.ts";

/** What the request was about, to fill in what an error body leaves out. */
export interface ErrorContext {
  /** HTTP method of the request. */
  method: string;
  /** Bucket of the request, if any. */
  bucket?: string;
  /** Object of the request, if any. */
  object?: string;
}

// Codes for answers without a body (HEAD), as minio-py derives them.
function codeForStatus(status: number, ctx: ErrorContext): [string, string] {
  switch (status) {
    case 301:
    case 307:
      return ["PermanentRedirect", "Moved permanently"];
    case 400:
      return ["BadRequest", "Bad request"];
    case 403:
      return ["AccessDenied", "Access denied"];
    case 404:
      return ctx.object
        ? ["NoSuchKey", "Object does not exist"]
        : ctx.bucket
        ? ["NoSuchBucket", "Bucket does not exist"]
        : ["ResourceNotFound", "Request resource not found"];
    case 405:
    case 501:
      return ["MethodNotAllowed", "The specified method is not allowed against this resource"];
    case 409:
      return ctx.bucket && !ctx.object
        ? ["NoSuchBucket", "Bucket does not exist"]
        : ["ResourceConflict", "Request resource conflicts"];
    case 412:
      return ["PreconditionFailed", "At least one of the preconditions you specified did not hold"];
    case 416:
      return ["InvalidRange", "The requested range is not satisfiable"];
    default:
      return ["UnknownError", `HTTP ${status}`];
  }
}

/** Bytes of an error body read at most: S3 error documents are a few hundred. */
export const MAX_ERROR_BODY = 1024 * 1024;

/**
 * The body as text, at most `limit` bytes of it; the rest is cancelled
 * unread, so a hostile or broken server cannot make an error cost memory.
 */
async function readBounded(res: Response, limit: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value.length > limit - length ? value.subarray(0, limit - length) : value);
    length += value.length;
  }
  if (length >= limit) await reader.cancel().catch(() => {});
  const bytes = new Uint8Array(Math.min(length, limit));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Reads the body of a failed response and returns the error to throw:
 * {@link S3Error} for an S3 error body or a bodiless status,
 * {@link ServerError} for a 5xx without one, {@link InvalidResponseError}
 * for anything else.
 */
export async function errorFromResponse(res: Response, ctx: ErrorContext): Promise<Error> {
  const requestId = res.headers.get("x-amz-request-id") ?? undefined;
  const hostId = res.headers.get("x-amz-id-2") ?? undefined;
  const contentType = res.headers.get("content-type") ?? "";
  const body = ctx.method === "HEAD" ? "" : await readBounded(res, MAX_ERROR_BODY);
  if (body === "") {
    const [code, message] = codeForStatus(res.status, ctx);
    return new S3Error({
      code,
      message,
      requestId,
      hostId,
      bucket: ctx.bucket,
      object: ctx.object,
      status: res.status,
    });
  }
  if (contentType.includes("xml") || body.trimStart().startsWith("<")) {
    try {
      const root = parseXml(body, "Error");
      return new S3Error({
        code: childText(root, "Code") ?? "UnknownError",
        message: childText(root, "Message") ?? "",
        resource: childText(root, "Resource"),
        requestId: childText(root, "RequestId") ?? requestId,
        hostId: childText(root, "HostId") ?? hostId,
        bucket: childText(root, "BucketName") ?? ctx.bucket,
        object: childText(root, "Key") ?? ctx.object,
        status: res.status,
      });
    } catch {
      // Not an S3 error document; fall through to the generic errors.
    }
  }
  if (res.status >= 500) {
    return new ServerError(`server failed with HTTP ${res.status}`, res.status);
  }
  return new InvalidResponseError(
    `unexpected HTTP ${res.status} response (${contentType || "no content type"})`,
    res.status,
    contentType,
  );
}

/**
 * Parses the XML of a successful (2xx) answer that S3 may still fill with an
 * `<Error>`: CompleteMultipartUpload, CopyObject, UploadPartCopy and
 * DeleteObjects report some failures that way. Such a body becomes an
 * {@link S3Error}.
 */
export function parseOkBody(
  xml: string,
  status: number,
  ctx: { bucket?: string; object?: string },
): XmlElement {
  const root = parseXml(xml);
  if (root.name !== "Error") return root;
  throw new S3Error({
    code: childText(root, "Code") ?? "InternalError",
    message: childText(root, "Message") ?? "",
    requestId: childText(root, "RequestId"),
    bucket: ctx.bucket,
    object: ctx.object,
    status,
  });
}

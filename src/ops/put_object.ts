/**
 * Uploading an object in one PUT.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../core.ts";
import { InvalidArgumentError } from "../errors.ts";
import { type BufferableBody, isBufferable, toBytes } from "../internal/body.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../internal/validate.ts";
import { metadataHeaders, unquoteETag } from "./object_headers.ts";

/** The largest object one PUT may carry: 5 GiB. */
export const MAX_SINGLE_PUT_SIZE = 5 * 1024 ** 3;

/** Options of {@link putObject}. */
export interface PutObjectOptions extends RequestOptions {
  /** Content type (default `application/octet-stream`). */
  contentType?: string;
  /** User metadata; plain keys become `x-amz-meta-*`. */
  metadata?: Record<string, string>;
}

/** What a write returns. */
export interface ObjectWriteResult {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** ETag of the new object, without quotes. */
  etag: string;
  /** Version id, on versioned buckets. */
  versionId?: string;
  /** All response headers. */
  headers: Headers;
}

/** Uploads `body` as the object `name`. */
export async function putObject(
  core: MinioCore,
  bucket: string,
  name: string,
  body: BufferableBody,
  size?: number,
  options: PutObjectOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  if (!isBufferable(body)) {
    throw new InvalidArgumentError(
      "body must be a Uint8Array, ArrayBuffer, Blob or string",
    );
  }
  checkOptionalString(options.contentType, "contentType");
  const headers = metadataHeaders(options.metadata);
  headers["content-type"] = options.contentType ?? headers["content-type"] ??
    "application/octet-stream";
  const bytes = await toBytes(body);
  if (size !== undefined && size !== bytes.length) {
    throw new InvalidArgumentError(`size ${size} does not match the body's ${bytes.length} bytes`);
  }
  if (bytes.length > MAX_SINGLE_PUT_SIZE) {
    throw new InvalidArgumentError("a single PUT carries at most 5 GiB");
  }
  const res = await core.request({
    method: "PUT",
    bucket,
    object: name,
    headers,
    body: bytes,
    options,
  });
  await res.body?.cancel();
  return {
    bucket,
    name,
    etag: unquoteETag(res.headers.get("etag")),
    versionId: res.headers.get("x-amz-version-id") ?? undefined,
    headers: res.headers,
  };
}

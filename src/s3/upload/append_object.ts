/**
 * AppendObject, as minio-go and minio-py define it: PUTs that carry
 * `x-amz-write-offset-bytes` (the object's current size) and add to the end
 * of an existing object. Amazon S3 Express One Zone and MinIO AIStor answer
 * them; the community MinIO server refuses them with an S3 error.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import type { Progress } from "./multipart_upload.ts";
import { MAX_PART_SIZE, MIN_PART_SIZE } from "./part_limits.ts";
import { checkPartSize } from "./put_object.ts";
import { partSource, type UploadBody } from "./part_source.ts";
import { statObject } from "../object/get_object.ts";
import { unquoteETag } from "../common/object_headers.ts";

/**
 * Options of {@link appendObject}.
 *
 * @example
 * ```ts
 * import { type AppendObjectOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: AppendObjectOptions = {
 *   chunkSize: 8 * 1024 * 1024,
 *   onProgress: ({ loaded, total }) => console.log(loaded, total),
 * };
 * await client.appendObject("logs", "today.log", new Blob(["line 1\n", "line 2\n"]), options);
 * ```
 */
export interface AppendObjectOptions extends RequestOptions {
  /** Bytes per append request, 5 MiB to 5 GiB (default: the whole body, streams 5 MiB). */
  chunkSize?: number;
  /** Called as bytes are sent. */
  onProgress?: (progress: Progress) => void;
}

/**
 * What {@link appendObject} returns.
 *
 * @example
 * ```ts
 * import { type AppendObjectResult, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const result: AppendObjectResult = await client.appendObject("logs", "today.log", "more\n");
 * console.log(result.size, result.etag);
 * ```
 */
export interface AppendObjectResult {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** ETag after the last append, without quotes. */
  etag: string;
  /** Object size after the last append. */
  size: number;
  /** Response headers of the last append. */
  headers: Headers;
}

/**
 * Appends `body` to the existing object `name`: reads its size, then sends
 * the body in chunks, each at the offset the previous one ended. A server
 * that answers an append without `x-amz-object-size` did not append (it may
 * have overwritten the object); that is an {@link InvalidResponseError}.
 *
 * @example
 * ```ts
 * const r = await client.appendObject("logs", "today.log", "one more line\n");
 * console.log(r.size);
 * ```
 */
export async function appendObject(
  core: MinioCore,
  bucket: string,
  name: string,
  body: UploadBody,
  options: AppendObjectOptions = {},
): Promise<AppendObjectResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  const { chunkSize, onProgress } = options;
  checkPartSize(chunkSize, "chunkSize");
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new InvalidArgumentError("onProgress must be a function");
  }
  const source = partSource(body);
  if (source.size === 0) throw new InvalidArgumentError("body must not be empty");
  const size = chunkSize ?? Math.min(Math.max(source.size ?? 0, MIN_PART_SIZE), MAX_PART_SIZE);

  let offset = (await statObject(core, bucket, name, { signal: options.signal })).size;
  let sentBefore = 0;
  let result: AppendObjectResult | undefined;
  try {
    for await (const part of source.parts(size)) {
      if (part.bytes.length === 0) break;
      const res = await core.request({
        method: "PUT",
        bucket,
        object: name,
        headers: { "x-amz-write-offset-bytes": String(offset) },
        body: part.bytes,
        options,
        onBodyProgress: onProgress &&
          ((sent) => onProgress({ loaded: sentBefore + sent, total: source.size })),
      });
      await res.body?.cancel();
      const objectSize = res.headers.get("x-amz-object-size");
      if (objectSize === null || Number(objectSize) !== offset + part.bytes.length) {
        throw new InvalidResponseError(
          "the server did not append (no matching x-amz-object-size); the object may have been overwritten",
          res.status,
          res.headers.get("content-type") ?? undefined,
        );
      }
      offset = Number(objectSize);
      sentBefore += part.bytes.length;
      result = {
        bucket,
        name,
        etag: unquoteETag(res.headers.get("etag")),
        size: offset,
        headers: res.headers,
      };
    }
  } catch (e) {
    await source.cancel(e);
    throw e;
  }
  if (!result) throw new InvalidArgumentError("body must not be empty");
  return result;
}

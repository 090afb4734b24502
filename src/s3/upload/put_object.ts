/**
 * Uploading an object: one PUT when the body fits in a part, otherwise the
 * streaming multipart uploader. Bodies of unknown length (streams, async
 * iterables) are read part by part, never whole.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import {
  checkChecksumAlgorithm,
  type ChecksumAlgorithm,
  checksumHeader,
} from "../../crypto/checksum.ts";
import {
  checkBucketName,
  checkInteger,
  checkObjectName,
  checkOptionalInteger,
} from "../../base/validate.ts";
import type { ObjectWriteResult } from "./multipart.ts";
import type { Progress } from "./multipart_upload.ts";
import { MAX_PART_SIZE, MIN_PART_SIZE } from "./part_limits.ts";
import { bodyBytes } from "./body_bytes.ts";
import type { PartSource, UploadBody } from "./part_source.ts";
import { unquoteETag } from "../common/object_headers.ts";
import { writeHeaders, type WriteOptions } from "./write_headers.ts";

/**
 * Options of {@link putObject}.
 *
 * @example
 * ```ts
 * import { Minio, type PutObjectOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: PutObjectOptions = {
 *   contentType: "video/mp4", metadata: { owner: "ann" }, tags: { project: "cats" },
 *   partSize: 16 * 1024 * 1024, concurrency: 8, checksum: "SHA256",
 * };
 * const file = new Blob([new Uint8Array(64 * 1024 * 1024)]);
 * await client.putObject("videos", "cat.mp4", file, undefined, options);
 * ```
 */
export interface PutObjectOptions extends RequestOptions, WriteOptions {
  /**
   * Part size for multipart uploads, 5 MiB to 5 GiB, at most 10,000 parts.
   * Default: on Deno, Bun and Node 16 MiB, or the multiple of 16 MiB that
   * keeps the object within 10,000 parts (as mc); on Workers and browsers
   * the same from 5 MiB, so 4 parts in flight buffer 25 MiB.
   */
  partSize?: number;
  /** Parts uploaded at once (default 4). */
  concurrency?: number;
  /** Called as bytes are sent. */
  onProgress?: (progress: Progress) => void;
  /** An additional checksum the server verifies, for the object and each part. */
  checksum?: ChecksumAlgorithm;
}

/**
 * A part size the caller gives (`partSize`, `chunkSize`), when given: 5 MiB
 * to 5 GiB. Here, not in part_size.ts: the part-size rules load on use, and
 * the options are checked before.
 */
export function checkPartSize(value: unknown, what: string): asserts value is number | undefined {
  checkOptionalInteger(value, what, MIN_PART_SIZE, MAX_PART_SIZE, "bytes");
}

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

/**
 * Uploads an object from bytes, an ArrayBuffer, a Blob, a string, a
 * `ReadableStream` or an async iterable of `Uint8Array`. `size` is needed
 * for none of them; when given it must match. Bodies larger than one part
 * go up as a parallel multipart upload with bounded memory; `onProgress`
 * reports bytes as they are sent; `signal` cancels and aborts the upload
 * on the server. `size` is the fourth argument as in minio-js and minio-py;
 * minio-js's `metaData` object in fifth place (`{ "Content-Type": ... }`) is
 * refused, naming `contentType` and `metadata`, the keys that take it here.
 *
 * @example
 * ```ts
 * await client.putObject("photos", "notes.txt", "text", undefined, {
 *   contentType: "text/plain", metadata: { author: "me" },
 * });
 * const file = new Blob([new Uint8Array(64 * 1024 * 1024)]);
 * await client.putObject("photos", "big.bin", file.stream(), undefined, {
 *   onProgress: ({ loaded }) => console.log(loaded),
 * });
 * ```
 */
export async function putObject(
  core: MinioCore,
  bucket: string,
  name: string,
  body: UploadBody,
  size?: number,
  options: PutObjectOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  const bytes = bodyBytes(body);
  // Loaded on use: a body that already is bytes (what a browser usually
  // uploads) needs no part reader for Blobs, streams and iterables.
  const source = bytes ??
    (await import("./part_source.ts")).partSource(body, size);
  const known = source instanceof Uint8Array ? source.length : source.size;
  if (size !== undefined && known !== undefined && size !== known) {
    throw new InvalidArgumentError(`size ${size} does not match the body's ${known} bytes`);
  }
  return uploadSource(core, bucket, name, source, size, options);
}

/**
 * Uploads `source`, bytes in memory or a {@link PartSource}: one PUT if it
 * fits in one part, else multipart.
 */
export async function uploadSource(
  core: MinioCore,
  bucket: string,
  name: string,
  source: Uint8Array | PartSource,
  size: number | undefined,
  options: PutObjectOptions,
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  const headers = await writeHeaders(core, options);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  checkInteger(concurrency, "concurrency", 1, MAX_CONCURRENCY);
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new InvalidArgumentError("onProgress must be a function");
  }
  checkChecksumAlgorithm(options.checksum);
  checkPartSize(options.partSize, "partSize");
  checkOptionalInteger(size, "size");
  const checksum = options.checksum;
  const total = source instanceof Uint8Array ? source.length : source.size ?? size;
  // Bytes no longer than the smallest part are one PUT whatever the part
  // size. Loaded on use, for anything else: the part-size rules, the part
  // reader and the multipart uploader (a browser posting small files never
  // downloads them).
  if (
    source instanceof Uint8Array && source.length <= MIN_PART_SIZE && options.partSize === undefined
  ) {
    options.signal?.throwIfAborted();
    return putOnePart(core, bucket, name, headers, source, options);
  }
  const { uploadParts } = await import("./upload_parts.ts");
  return uploadParts(
    core,
    source,
    options.partSize,
    (bytes) => putOnePart(core, bucket, name, headers, bytes, options),
    {
      bucket,
      name,
      createHeaders: checksum ? { ...headers, "x-amz-checksum-algorithm": checksum } : headers,
      checksum,
      sse: options.sse,
      concurrency,
      total,
      onProgress: options.onProgress,
      signal: options.signal,
    },
  );
}

/** The upload as one PUT of `bytes`, with the checksum and progress asked for. */
async function putOnePart(
  core: MinioCore,
  bucket: string,
  name: string,
  headers: Record<string, string>,
  bytes: Uint8Array,
  options: PutObjectOptions,
): Promise<ObjectWriteResult> {
  const { checksum, onProgress } = options;
  if (checksum) {
    // Loaded on use: a bundle that never checksums carries no CRC tables.
    const { checksumBase64 } = await import("../../crypto/checksum_compute.ts");
    headers[checksumHeader(checksum)] = await checksumBase64(checksum, bytes);
  }
  const res = await core.request({
    method: "PUT",
    bucket,
    object: name,
    headers,
    body: bytes,
    awsChunked: true,
    options,
    onBodyProgress: onProgress && ((loaded) => onProgress({ loaded, total: bytes.length })),
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

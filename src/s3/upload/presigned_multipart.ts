/**
 * Presigned multipart uploads, the server side of browser uploads of large
 * files: the server (holding the credentials) starts a multipart upload and
 * presigns one PUT URL per part; a browser uploads the parts straight to
 * S3 with `uploadWithPresignedUrls` and hands back their ETags; the server
 * completes or aborts. For resuming, the server lists the parts S3 already
 * holds and, when the first URLs have expired, presigns fresh ones.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import {
  checkBucketName,
  checkInteger,
  checkObjectName,
  checkOptionalDate,
  checkOptionalInteger,
} from "../../base/validate.ts";
import { isCustomerKey } from "../../config/sse_check.ts";
import { MAX_PRESIGN_EXPIRY } from "../../signer/sigv4.ts";
import { choosePartSize, MAX_PART_COUNT } from "./part_size.ts";
import { checkPartSize } from "./put_object.ts";
import {
  abortMultipartUpload as abortRequest,
  listParts,
  type ObjectWriteResult,
  type UploadedPart,
} from "./multipart.ts";
import { finishUpload, startUpload } from "./multipart_safe.ts";
import { unquoteETag } from "../common/object_headers.ts";
import { getPresignedUrl } from "../presign/presign.ts";
import { writeHeaders, type WriteOptions } from "./write_headers.ts";

/**
 * One part of a presigned upload: which bytes of the file go to which URL.
 *
 * @example
 * ```ts
 * import { Minio, type PresignedPart } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const file = new Blob([new Uint8Array(12 * 1024 * 1024)]);
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", file.size);
 * const part: PresignedPart = plan.parts[0];
 * const body = file.slice(part.offset, part.offset + part.size);
 * const res = await fetch(part.url, { method: "PUT", body });
 * console.log(part.partNumber, res.headers.get("etag"));
 * ```
 */
export interface PresignedPart {
  /** 1 to 10,000. */
  partNumber: number;
  /** The presigned UploadPart URL: `PUT` the part's bytes to it. */
  url: string;
  /** Where the part starts in the file. */
  offset: number;
  /** Its length in bytes (all parts but the last are `partSize` long). */
  size: number;
}

/**
 * A multipart upload with presigned part URLs. Plain JSON (no `Date`, no
 * class), so a server can send it to a browser as it is.
 *
 * @example
 * ```ts
 * import { Minio, type PresignedMultipartUpload } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const plan: PresignedMultipartUpload =
 *   await client.createPresignedMultipartUpload("videos", "cat.mp4", 200 * 1024 ** 2);
 * console.log(plan.uploadId, plan.partSize, plan.parts.length, plan.expiresAt);
 * const json = JSON.stringify(plan); // plain JSON: send it to the browser as it is
 * ```
 */
export interface PresignedMultipartUpload {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** The upload's id, for listing, completing or aborting it. */
  uploadId: string;
  /** The file's size in bytes. */
  size: number;
  /** Size of every part but the last. */
  partSize: number;
  /** When the URLs stop working, as an ISO 8601 string. */
  expiresAt: string;
  /** The parts, in part-number order (only the requested ones, see `partNumbers`). */
  parts: PresignedPart[];
}

/**
 * Options of {@link presignedUploadParts}.
 *
 * @example
 * ```ts
 * import { Minio, type PresignedUploadPartsOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 200 * 1024 ** 2);
 * // Later, parts 3 and 4 are still to be sent and their URLs expired:
 * const options: PresignedUploadPartsOptions = { partSize: plan.partSize, partNumbers: [3, 4] };
 * const res = await client.presignedUploadParts("videos", "cat.mp4", plan.uploadId, plan.size, options);
 * console.log(res.parts.map((p) => p.partNumber)); // [3, 4]
 * ```
 */
export interface PresignedUploadPartsOptions {
  /**
   * Part size, 5 MiB to 5 GiB (default: as putObject picks it in a browser,
   * which sends the parts: 5 MiB, or the multiple of 5 MiB that keeps
   * `size` within 10,000 parts, wherever the plan is made).
   */
  partSize?: number;
  /** Seconds the URLs stay valid, 1 to 604800 (7 days, also the default). */
  expires?: number;
  /** The signing time (default: now). */
  requestDate?: Date;
  /** Presign only these parts (default: all), e.g. those a resumed upload still needs. */
  partNumbers?: readonly number[];
  /** Cancels the bucket-region lookup. */
  signal?: AbortSignal;
}

/**
 * Options of {@link createPresignedMultipartUpload}.
 *
 * @example
 * ```ts
 * import { type CreatePresignedMultipartUploadOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: CreatePresignedMultipartUploadOptions = {
 *   contentType: "video/mp4", metadata: { owner: "ann" }, partSize: 16 * 1024 ** 2, expires: 6 * 3600,
 * };
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 1024 ** 3, options);
 * console.log(plan.parts.length); // 64
 * ```
 */
export interface CreatePresignedMultipartUploadOptions
  extends PresignedUploadPartsOptions, WriteOptions {}

/**
 * A part's number and ETag, as the browser reports them for completion.
 *
 * @example
 * ```ts
 * import { type CompletedPart, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 10 * 1024 ** 2);
 * // The browser sent both parts (uploadWithPresignedUrls) and reports their ETags:
 * const parts: CompletedPart[] = [
 *   { partNumber: 1, etag: "5f363e0e58a95f06" }, { partNumber: 2, etag: "b9d6e1ca5e1b0f3f" },
 * ];
 * await client.completeMultipartUpload("videos", "cat.mp4", plan.uploadId, parts);
 * ```
 */
export type CompletedPart = Pick<UploadedPart, "partNumber" | "etag">;

function checkUploadId(uploadId: unknown): asserts uploadId is string {
  if (typeof uploadId !== "string" || uploadId === "") {
    throw new InvalidArgumentError("uploadId must be a non-empty string");
  }
}

// Checked before CreateMultipartUpload, so bad options leave no upload behind.
function checkPresignOptions(options: PresignedUploadPartsOptions): void {
  checkOptionalInteger(options.expires, "expires", 1, MAX_PRESIGN_EXPIRY, "seconds");
  checkOptionalDate(options.requestDate, "requestDate");
  checkPartSize(options.partSize, "partSize");
}

// An empty file is one empty part: S3 completes no upload without parts.
function partCount(size: number, partSize: number): number {
  return Math.max(1, Math.ceil(size / partSize));
}

function partNumbersOf(options: PresignedUploadPartsOptions, count: number): number[] {
  if (options.partNumbers === undefined) return Array.from({ length: count }, (_, i) => i + 1);
  if (!Array.isArray(options.partNumbers)) {
    throw new InvalidArgumentError("partNumbers must be an array of part numbers");
  }
  for (const n of options.partNumbers) {
    checkInteger(n, `part number ${n}`, 1, count);
  }
  return [...new Set(options.partNumbers)].sort((a, b) => a - b);
}

/** Signs the URLs of the parts `numbers` (checked) of an upload. */
async function presignParts(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  size: number,
  partSize: number,
  numbers: readonly number[],
  options: PresignedUploadPartsOptions,
): Promise<PresignedMultipartUpload> {
  const expires = options.expires ?? MAX_PRESIGN_EXPIRY;
  // One signing time for all parts, so they expire together.
  const requestDate = options.requestDate ?? new Date();
  const parts: PresignedPart[] = [];
  for (const partNumber of numbers) {
    const url = await getPresignedUrl(core, "PUT", bucket, name, {
      expires,
      requestDate,
      signal: options.signal,
      extraQueryParams: { partNumber: String(partNumber), uploadId },
    });
    const offset = (partNumber - 1) * partSize;
    parts.push({ partNumber, url, offset, size: Math.min(partSize, size - offset) });
  }
  const expiresAt = new Date(requestDate.getTime() + expires * 1000).toISOString();
  return { bucket, name, uploadId, size, partSize, expiresAt, parts };
}

/**
 * Presigns UploadPart URLs for an upload that exists: the plan a browser
 * needs, again, when the first URLs have expired. `size` and `partSize` must
 * be those the upload was planned with.
 *
 * @example
 * ```ts
 * const fresh = await client.presignedUploadParts("videos", "cat.mp4", plan.uploadId, plan.size, {
 *   partSize: plan.partSize,
 *   expires: 3600,
 * });
 * ```
 */
export async function presignedUploadParts(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  size: number,
  options: PresignedUploadPartsOptions = {},
): Promise<PresignedMultipartUpload> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkUploadId(uploadId);
  checkInteger(size, "size");
  checkPresignOptions(options);
  const partSize = choosePartSize(size, options.partSize, true);
  const numbers = partNumbersOf(options, partCount(size, partSize));
  return await presignParts(core, bucket, name, uploadId, size, partSize, numbers, options);
}

/**
 * Starts a multipart upload of `size` bytes and presigns a PUT URL for each
 * part. The write options (content type, metadata, tags, SSE-S3 / SSE-KMS,
 * retention, ...) go with CreateMultipartUpload, so the browser sends
 * nothing but the bytes. SSE-C is refused: every part would have to carry
 * the key, so the key would have to go to the browser.
 *
 * @example
 * ```ts
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 200 * 1024 ** 2, {
 *   contentType: "video/mp4",
 *   expires: 3600,
 * });
 * console.log(plan.uploadId, plan.partSize, plan.parts.length); // ... 5242880 40
 * ```
 */
export async function createPresignedMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  size: number,
  options: CreatePresignedMultipartUploadOptions = {},
): Promise<PresignedMultipartUpload> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkInteger(size, "size");
  checkPresignOptions(options);
  if (options.partNumbers !== undefined) {
    throw new InvalidArgumentError(
      "partNumbers is for presignedUploadParts; a new upload needs all",
    );
  }
  const partSize = choosePartSize(size, options.partSize, true);
  const count = partCount(size, partSize);
  const headers = await writeHeaders(core, options);
  if (isCustomerKey(options.sse)) {
    throw new InvalidArgumentError(
      "SSE-C cannot be used with presigned part URLs: each part upload would need the key",
    );
  }
  const uploadId = await startUpload(core, bucket, name, headers, {
    signal: options.signal,
  });
  try {
    const all = Array.from({ length: count }, (_, i) => i + 1);
    return await presignParts(core, bucket, name, uploadId, size, partSize, all, options);
  } catch (e) {
    // Nobody could finish an upload whose URLs they never got.
    await abortRequest(core, bucket, name, uploadId).catch(() => {});
    throw e;
  }
}

/**
 * The parts S3 holds for an upload, in part-number order, all pages read.
 * An array rather than an async iterable: an upload has at most 10,000
 * parts, and the list is typically sent on to a browser as JSON.
 *
 * @example
 * ```ts
 * const done = await client.listUploadedParts("videos", "cat.mp4", plan.uploadId);
 * console.log(done.map((p) => p.partNumber));
 * ```
 */
export async function listUploadedParts(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  options: RequestOptions = {},
): Promise<UploadedPart[]> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkUploadId(uploadId);
  const parts: UploadedPart[] = [];
  for await (const p of listParts(core, bucket, name, uploadId, options)) parts.push(p);
  return parts;
}

/** Checks parts a browser reported and puts them in part-number order. */
function checkCompletedParts(parts: unknown): UploadedPart[] {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new InvalidArgumentError("parts must be a non-empty array of { partNumber, etag }");
  }
  if (parts.length > MAX_PART_COUNT) {
    throw new InvalidArgumentError(`an upload has at most ${MAX_PART_COUNT} parts`);
  }
  const seen = new Set<number>();
  const checked = parts.map((p: CompletedPart) => {
    if (p === null || typeof p !== "object") {
      throw new InvalidArgumentError("each part must be an object { partNumber, etag }");
    }
    const { partNumber, etag } = p;
    checkInteger(partNumber, `part number ${partNumber}`, 1, MAX_PART_COUNT);
    if (seen.has(partNumber)) throw new InvalidArgumentError(`part ${partNumber} is listed twice`);
    seen.add(partNumber);
    // Browsers read the ETag header with its quotes.
    const bare = typeof etag === "string" ? unquoteETag(etag) : "";
    if (!bare) throw new InvalidArgumentError(`part ${partNumber} has no etag`);
    return { partNumber, etag: bare };
  });
  return checked.sort((a, b) => a.partNumber - b.partNumber);
}

/**
 * Completes an upload from the parts' numbers and ETags, in any order,
 * quoted or not, as a browser reports them (checked here, unlike the
 * internal request of the same name in multipart.ts). A lost answer is
 * retried; when the retry finds the upload gone, the object is checked and
 * returned if its ETag is the one these parts make.
 *
 * @example
 * ```ts
 * const { etag } = await client.completeMultipartUpload("videos", "cat.mp4", plan.uploadId, parts);
 * ```
 */
export async function completeMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  parts: readonly CompletedPart[],
  options: RequestOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkUploadId(uploadId);
  const checked = checkCompletedParts(parts);
  return await finishUpload(core, bucket, name, uploadId, checked, {}, options);
}

/**
 * Aborts a multipart upload; the server discards the parts sent so far.
 *
 * @example
 * ```ts
 * await client.abortMultipartUpload("videos", "cat.mp4", plan.uploadId);
 * ```
 */
export async function abortMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkUploadId(uploadId);
  await abortRequest(core, bucket, name, uploadId, options);
}

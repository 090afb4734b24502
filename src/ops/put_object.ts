/**
 * Uploading an object: one PUT when the body fits in a part, otherwise the
 * streaming multipart uploader. Bodies of unknown length (streams, async
 * iterables) are read part by part, never whole.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../core.ts";
import { InvalidArgumentError } from "../errors.ts";
import {
  checkChecksumAlgorithm,
  type ChecksumAlgorithm,
  checksumHeader,
} from "../internal/checksum.ts";
import { checkBucketName, checkObjectName } from "../internal/validate.ts";
import { isCustomerKey } from "../sse_check.ts";
import type { Progress } from "../upload/multipart_upload.ts";
import { choosePartSize } from "../upload/part_size.ts";
import { type Part, type PartSource, partSource, type UploadBody } from "../upload/part_source.ts";
import { unquoteETag } from "./object_headers.ts";
import { writeHeaders, type WriteOptions } from "./write_headers.ts";

/** Options of {@link putObject}. */
export interface PutObjectOptions extends RequestOptions, WriteOptions {
  /** Part size for multipart uploads, 5 MiB to 5 GiB (default: as minio-py picks). */
  partSize?: number;
  /** Parts uploaded at once (default 4). */
  concurrency?: number;
  /** Called as bytes are sent. */
  onProgress?: (progress: Progress) => void;
  /** An additional checksum the server verifies, for the object and each part. */
  checksum?: ChecksumAlgorithm;
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

const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

/** Uploads `body` as the object `name`. */
// deno-lint-ignore require-await -- async so that bad input rejects, never throws.
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
  const source = partSource(body, size);
  if (size !== undefined && source.size !== undefined && size !== source.size) {
    throw new InvalidArgumentError(`size ${size} does not match the body's ${source.size} bytes`);
  }
  return uploadSource(core, bucket, name, source, size, options);
}

/** Uploads the parts of `source`: one PUT if there is one part, else multipart. */
export async function uploadSource(
  core: MinioCore,
  bucket: string,
  name: string,
  source: PartSource,
  size: number | undefined,
  options: PutObjectOptions,
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  const headers = writeHeaders(core, options);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new InvalidArgumentError(`concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new InvalidArgumentError("onProgress must be a function");
  }
  checkChecksumAlgorithm(options.checksum);
  const checksum = options.checksum;
  const total = source.size ?? size;
  const partSize = choosePartSize(total, options.partSize);
  options.signal?.throwIfAborted();

  const parts = source.parts(partSize);
  let first: IteratorResult<Part, void>;
  try {
    first = await parts.next();
  } catch (e) {
    await source.cancel(e);
    throw e;
  }
  const firstPart = first.value as Part;
  if (firstPart.last) {
    if (checksum) {
      // Loaded on use: a bundle that never checksums carries no CRC tables.
      const { checksumBase64 } = await import("../internal/checksum_compute.ts");
      headers[checksumHeader(checksum)] = await checksumBase64(checksum, firstPart.bytes);
    }
    const res = await core.request({
      method: "PUT",
      bucket,
      object: name,
      headers,
      body: firstPart.bytes,
      options,
      onBodyProgress: options.onProgress &&
        ((loaded) => options.onProgress!({ loaded, total: firstPart.bytes.length })),
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
  // Loaded on use: an app whose uploads fit in one part (a browser posting
  // small files) never downloads the multipart uploader.
  const { multipartUpload } = await import("../upload/multipart_upload.ts");
  return multipartUpload(core, {
    bucket,
    name,
    createHeaders: checksum ? { ...headers, "x-amz-checksum-algorithm": checksum } : headers,
    checksum,
    partHeaders: isCustomerKey(options.sse) ? options.sse.headers() : {},
    parts: (async function* () {
      yield firstPart;
      yield* parts;
    })(),
    concurrency,
    total,
    onProgress: options.onProgress,
    signal: options.signal,
    cancelBody: (reason) => source.cancel(reason),
  });
}

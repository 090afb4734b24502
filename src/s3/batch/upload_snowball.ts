/**
 * Snowball uploads, a MinIO extension: many small objects packed into one
 * tar archive (optionally gzip-compressed) and sent in one PUT that the
 * server extracts (`X-Amz-Meta-Snowball-Auto-Extract`).
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { randomHex } from "../../crypto/hex.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import { tarEnd, tarEntryBlocks } from "./tar.ts";
import { metadataHeaders } from "../upload/metadata_headers.ts";
import { wholeBodyBytes } from "../upload/body_bytes.ts";
import { writeHeaders, type WriteOptions } from "../upload/write_headers.ts";

/**
 * One object of a snowball upload.
 *
 * @example
 * ```ts
 * import { Minio, type SnowballObject } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const objects: SnowballObject[] = [
 *   { name: "notes/a.txt", body: "A", metadata: { author: "ann" } },
 *   { name: "notes/b.bin", body: new Uint8Array([1, 2, 3]), mtime: new Date("2024-01-01") },
 * ];
 * await client.uploadSnowball("docs", objects);
 * ```
 */
export interface SnowballObject {
  /** Object name; a leading `/` is dropped. */
  name: string;
  /** Content. */
  body: Uint8Array | ArrayBuffer | Blob | string;
  /** Modification time the server gives the object (default: now). */
  mtime?: Date;
  /** User metadata of this object (plain keys become `x-amz-meta-*`). */
  metadata?: Record<string, string>;
}

/**
 * Options of {@link uploadSnowball}.
 *
 * @example
 * ```ts
 * import { Minio, type UploadSnowballOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: UploadSnowballOptions = { prefix: "imported/2024", compression: true };
 * const objects = [{ name: "a.txt", body: "A" }, { name: "b.txt", body: "B" }];
 * await client.uploadSnowball("docs", objects, options); // docs/imported/2024/a.txt, ...
 * ```
 */
export interface UploadSnowballOptions
  extends RequestOptions, Pick<WriteOptions, "sse" | "retention" | "legalHold" | "storageClass"> {
  /** Put every object under this prefix (`X-Amz-Meta-Minio-Snowball-Prefix`). */
  prefix?: string;
  /** Gzip the archive with `CompressionStream` (default false). */
  compression?: boolean;
  /** Do not create objects for directory entries (none are written by this client). */
  ignoreDirs?: boolean;
  /** Let the server skip objects it fails to write instead of failing the upload. */
  ignoreErrors?: boolean;
}

/**
 * What {@link uploadSnowball} returns.
 *
 * @example
 * ```ts
 * import { Minio, type SnowballResult } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const objects = [{ name: "a.txt", body: "A" }, { name: "b.txt", body: "B" }];
 * const result: SnowballResult = await client.uploadSnowball("docs", objects, { compression: true });
 * console.log(result.objectCount, result.archiveSize, result.archiveName); // 2 ...
 * ```
 */
export interface SnowballResult {
  /** Bucket name. */
  bucket: string;
  /** Name of the archive that was PUT (the server extracts it, it does not keep it). */
  archiveName: string;
  /** Bytes sent: the archive, compressed when asked. */
  archiveSize: number;
  /** Objects in the archive. */
  objectCount: number;
  /** All response headers. */
  headers: Headers;
}

/** Largest single PUT, hence largest archive: 5 GiB. */
const MAX_ARCHIVE_SIZE = 5 * 1024 ** 3;
const PRINTABLE = /^[\x20-\x7e]*$/;

// MinIO reads an entry's metadata from pax records named after the headers.
function paxMetadata(metadata: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadataHeaders(metadata))) out[`minio.metadata.${k}`] = v;
  return out;
}

async function* archiveChunks(
  objects: Iterable<SnowballObject> | AsyncIterable<SnowballObject>,
  counter: { count: number },
): AsyncGenerator<Uint8Array> {
  for await (const o of objects) {
    if (o === null || typeof o !== "object") {
      throw new InvalidArgumentError("each snowball object must be { name, body }");
    }
    checkObjectName(o.name);
    const name = o.name.replace(/^\/+/, "");
    checkObjectName(name);
    if (o.mtime !== undefined && !(o.mtime instanceof Date)) {
      throw new InvalidArgumentError(`mtime of ${JSON.stringify(name)} must be a Date`);
    }
    const data = await wholeBodyBytes(o.body, `body of ${JSON.stringify(name)}`);
    yield* tarEntryBlocks({ name, data, mtime: o.mtime, pax: paxMetadata(o.metadata) });
    counter.count++;
  }
  yield tarEnd();
}

async function gzip(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const it = chunks[Symbol.asyncIterator]();
  const source = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel(reason) {
      await it.return?.(reason);
    },
  });
  const out: Uint8Array[] = [];
  const compressed = source.pipeThrough(
    new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
  const reader = compressed.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  if (length > MAX_ARCHIVE_SIZE) {
    throw new InvalidArgumentError("a snowball archive must be at most 5 GiB (one PUT)");
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/**
 * Packs `objects` into a tar archive in memory and uploads it in one PUT for
 * the server to extract. The archive must fit in memory and in one PUT
 * (5 GiB); it suits many small objects.
 *
 * @example
 * ```ts
 * await client.uploadSnowball("photos", [
 *   { name: "notes/a.txt", body: "A" },
 *   { name: "notes/b.txt", body: new Uint8Array([1, 2]), mtime: new Date("2024-01-01") },
 * ], { compression: true, prefix: "imported" });
 * ```
 */
export async function uploadSnowball(
  core: MinioCore,
  bucket: string,
  objects: Iterable<SnowballObject> | AsyncIterable<SnowballObject>,
  options: UploadSnowballOptions = {},
): Promise<SnowballResult> {
  checkBucketName(bucket);
  const iterable = objects as unknown as Record<symbol, unknown>;
  if (
    objects === null || typeof objects !== "object" ||
    (typeof iterable[Symbol.iterator] !== "function" &&
      typeof iterable[Symbol.asyncIterator] !== "function")
  ) {
    throw new InvalidArgumentError("objects must be an iterable or async iterable");
  }
  if (options.prefix !== undefined) {
    if (typeof options.prefix !== "string" || !PRINTABLE.test(options.prefix)) {
      throw new InvalidArgumentError("prefix must be a printable US-ASCII string");
    }
  }
  if (options.compression && typeof CompressionStream === "undefined") {
    throw new InvalidArgumentError("compression needs CompressionStream, which is missing here");
  }
  const headers = await writeHeaders(core, {
    sse: options.sse,
    retention: options.retention,
    legalHold: options.legalHold,
    storageClass: options.storageClass,
    contentType: options.compression ? "application/gzip" : "application/x-tar",
  });
  headers["x-amz-meta-snowball-auto-extract"] = "true";
  if (options.prefix) headers["x-amz-meta-minio-snowball-prefix"] = options.prefix;
  if (options.ignoreDirs) headers["x-amz-meta-minio-snowball-ignore-dirs"] = "true";
  if (options.ignoreErrors) headers["x-amz-meta-minio-snowball-ignore-errors"] = "true";

  const counter = { count: 0 };
  const chunks = archiveChunks(objects, counter);
  const parts: Uint8Array[] = [];
  if (options.compression) parts.push(...await gzip(chunks));
  else for await (const c of chunks) parts.push(c);
  const body = concat(parts);
  options.signal?.throwIfAborted();

  const archiveName = `snowball-upload-${randomHex(8)}.tar`;
  const res = await core.request({
    method: "PUT",
    bucket,
    object: archiveName,
    headers,
    body,
    options,
  });
  await res.body?.cancel();
  return {
    bucket,
    archiveName,
    archiveSize: body.length,
    objectCount: counter.count,
    headers: res.headers,
  };
}

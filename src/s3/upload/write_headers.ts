/**
 * Headers of a request that creates an object (PUT, CreateMultipartUpload,
 * copy, presigned multipart, snowball): content type, metadata, tags,
 * retention, legal hold, encryption, storage class. Validated before any
 * request. The checks of metadata (metadata_headers.ts) and of encryption,
 * tags and retention (write_headers_extra.ts) load on use: an app whose
 * uploads set none of them does not download the metadata rules, tag rules
 * and SSE checks. Neither of those modules imports this one.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import type { Retention } from "../../config/retention.ts";
import type { Tags } from "../../config/tags.ts";
import type { Sse } from "../../config/sse.ts";
import { checkOptionalString } from "../../base/validate.ts";

/**
 * Options of every write that creates an object.
 *
 * @example
 * ```ts
 * import { CopySource, Minio, SseS3, type WriteOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const write: WriteOptions = {
 *   contentType: "application/pdf", metadata: { owner: "ann", "cache-control": "max-age=60" },
 *   tags: { team: "finance" }, sse: new SseS3(), storageClass: "STANDARD",
 * };
 * await client.putObject("docs", "q1.pdf", new Blob(["%PDF-1.7"]), undefined, write);
 * await client.copyObject("archive", "q1.pdf", new CopySource("docs", "q1.pdf"), write);
 * ```
 */
export interface WriteOptions {
  /** Content type (default `application/octet-stream`). */
  contentType?: string;
  /** User metadata; plain keys become `x-amz-meta-*`; standard headers pass. */
  metadata?: Record<string, string>;
  /** Server-side encryption (SSE-C and SSE-KMS need TLS). */
  sse?: Sse;
  /** Object tags. */
  tags?: Tags | Record<string, string>;
  /** Object-lock retention of the new version. */
  retention?: Retention;
  /** Put the new version under legal hold. */
  legalHold?: boolean;
  /** Storage class, such as `STANDARD` or `REDUCED_REDUNDANCY`. */
  storageClass?: string;
}

/** Checks write options and returns their headers (lower-case names). */
export async function writeHeaders(
  core: MinioCore,
  options: WriteOptions,
): Promise<Record<string, string>> {
  const headers = options.metadata === undefined
    ? {}
    : (await import("./metadata_headers.ts")).metadataHeaders(options.metadata);
  checkOptionalString(options.contentType, "contentType");
  checkOptionalString(options.storageClass, "storageClass");
  headers["content-type"] = options.contentType ?? headers["content-type"] ??
    "application/octet-stream";
  if (options.legalHold) headers["x-amz-object-lock-legal-hold"] = "ON";
  if (options.storageClass) headers["x-amz-storage-class"] = options.storageClass;
  if (options.sse === undefined && options.tags === undefined && options.retention === undefined) {
    return headers;
  }
  const { extraWriteHeaders } = await import("./write_headers_extra.ts");
  return Object.assign(headers, extraWriteHeaders(core, options));
}

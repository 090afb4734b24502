/**
 * Headers of a request that creates an object (PUT, CreateMultipartUpload,
 * copy): content type, metadata, tags, retention, legal hold, encryption,
 * storage class. Validated before any request.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import type { Retention } from "../../config/retention.ts";
import type { Tags } from "../../config/tags.ts";
import type { Sse } from "../../config/sse.ts";
import { metadataHeaders } from "./metadata_headers.ts";
import { commonWriteHeaders } from "./upload_headers.ts";
import { extraWriteHeaders } from "./write_headers_extra.ts";

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

/**
 * Checks write options and returns their headers (lower-case names).
 * Uploads use `uploadHeaders` (upload_headers.ts), which loads the rarer
 * options' checks on use.
 */
export function writeHeaders(core: MinioCore, options: WriteOptions): Record<string, string> {
  const headers = commonWriteHeaders(options, metadataHeaders(options.metadata));
  return Object.assign(headers, extraWriteHeaders(core, options));
}

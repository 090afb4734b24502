/**
 * The headers an upload sends, built as `writeHeaders` (write_headers.ts) builds them but
 * with the checks of `sse`, `tags` and `retention` loaded on use: an app
 * whose uploads set none of them does not download the tag rules and SSE
 * checks.
 *
 * @module
 */

import type { MinioCore } from "../core.ts";
import { checkOptionalString } from "../internal/validate.ts";
import { metadataHeaders } from "./object_headers.ts";
import type { WriteOptions } from "./write_headers.ts";

/** Checks every write option but `sse`, `tags` and `retention`; returns their headers. */
export function commonWriteHeaders(options: WriteOptions): Record<string, string> {
  checkOptionalString(options.contentType, "contentType");
  checkOptionalString(options.storageClass, "storageClass");
  const headers = metadataHeaders(options.metadata);
  headers["content-type"] = options.contentType ?? headers["content-type"] ??
    "application/octet-stream";
  if (options.legalHold) headers["x-amz-object-lock-legal-hold"] = "ON";
  if (options.storageClass) headers["x-amz-storage-class"] = options.storageClass;
  return headers;
}

/** Checks write options and returns their headers (lower-case names). */
export async function uploadHeaders(
  core: MinioCore,
  options: WriteOptions,
): Promise<Record<string, string>> {
  const headers = commonWriteHeaders(options);
  if (options.sse === undefined && options.tags === undefined && options.retention === undefined) {
    return headers;
  }
  const { extraWriteHeaders } = await import("./write_headers_extra.ts");
  return Object.assign(headers, extraWriteHeaders(core, options));
}

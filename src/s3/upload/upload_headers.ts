/**
 * The headers an upload sends, built as `writeHeaders` (write_headers.ts)
 * builds them but with the checks of `metadata`, `sse`, `tags` and
 * `retention` loaded on use: an app whose uploads set none of them does not
 * download the metadata rules, tag rules and SSE checks.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { checkOptionalString } from "../../core/validate.ts";
import type { WriteOptions } from "./write_headers.ts";

/**
 * Checks content type, legal hold and storage class, and adds their headers
 * to `headers` (those of the metadata); returns it.
 */
export function commonWriteHeaders(
  options: WriteOptions,
  headers: Record<string, string>,
): Record<string, string> {
  checkOptionalString(options.contentType, "contentType");
  checkOptionalString(options.storageClass, "storageClass");
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
  const metadata = options.metadata === undefined
    ? {}
    : (await import("./metadata_headers.ts")).metadataHeaders(options.metadata);
  const headers = commonWriteHeaders(options, metadata);
  if (options.sse === undefined && options.tags === undefined && options.retention === undefined) {
    return headers;
  }
  const { extraWriteHeaders } = await import("./write_headers_extra.ts");
  return Object.assign(headers, extraWriteHeaders(core, options));
}

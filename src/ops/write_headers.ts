/**
 * Headers of a request that creates an object (PUT, CreateMultipartUpload,
 * copy): content type, metadata, tags, retention, legal hold, encryption,
 * storage class. Validated before any request.
 *
 * @module
 */

import type { MinioCore } from "../core.ts";
import { COMPLIANCE, GOVERNANCE } from "../config/common.ts";
import type { Retention } from "../config/retention.ts";
import { tagQueryString } from "../config/tag_rules.ts";
import type { Tags } from "../config/tags.ts";
import { InvalidArgumentError } from "../errors.ts";
import { checkOptionalString } from "../internal/validate.ts";
import type { Sse } from "../sse.ts";
import { checkSse } from "../sse_check.ts";
import { metadataHeaders } from "./object_headers.ts";

/** Options of every write that creates an object. */
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
export function writeHeaders(core: MinioCore, options: WriteOptions): Record<string, string> {
  checkOptionalString(options.contentType, "contentType");
  checkOptionalString(options.storageClass, "storageClass");
  checkSse(options.sse, core.secure);
  const headers = metadataHeaders(options.metadata);
  headers["content-type"] = options.contentType ?? headers["content-type"] ??
    "application/octet-stream";
  if (options.sse) Object.assign(headers, options.sse.headers());
  if (options.tags !== undefined) {
    const tagging = tagQueryString(options.tags);
    if (tagging) headers["x-amz-tagging"] = tagging;
  }
  if (options.retention !== undefined) {
    // Checked by shape, not class, so uploads do not pull in the XML side of Retention.
    const r = options.retention as Partial<Retention> | null;
    if (
      !r || (r.mode !== GOVERNANCE && r.mode !== COMPLIANCE) ||
      !(r.retainUntilDate instanceof Date) ||
      Number.isNaN(r.retainUntilDate.getTime())
    ) {
      throw new InvalidArgumentError("retention must be a Retention");
    }
    headers["x-amz-object-lock-mode"] = options.retention.mode;
    headers["x-amz-object-lock-retain-until-date"] = options.retention.retainUntilDate
      .toISOString();
  }
  if (options.legalHold) headers["x-amz-object-lock-legal-hold"] = "ON";
  if (options.storageClass) headers["x-amz-storage-class"] = options.storageClass;
  return headers;
}

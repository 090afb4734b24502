/**
 * The write headers of encryption, tags and retention, apart from the
 * common ones so that an upload without them does not load their checks
 * (the tag rules, the SSE checks) into its bundle.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { COMPLIANCE, GOVERNANCE } from "../../config/common.ts";
import type { Retention } from "../../config/retention.ts";
import { tagQueryString } from "../../config/tag_rules.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkSse } from "../../config/sse_check.ts";
import type { WriteOptions } from "./write_headers.ts";

/** Checks `sse`, `tags` and `retention` and returns their headers (lower-case names). */
export function extraWriteHeaders(
  core: MinioCore,
  options: Pick<WriteOptions, "sse" | "tags" | "retention">,
): Record<string, string> {
  checkSse(options.sse, core.secure);
  const headers: Record<string, string> = { ...options.sse?.headers() };
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
  return headers;
}

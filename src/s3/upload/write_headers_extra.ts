/**
 * The write headers of encryption, tags and retention, loaded by
 * `writeHeaders` (write_headers.ts) only when a write sets one of them, so
 * that a bundle whose uploads set none does not carry their checks (the tag
 * rules, the SSE checks). It does not import write_headers.ts.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { COMPLIANCE, GOVERNANCE } from "../../config/common.ts";
import type { Retention } from "../../config/retention.ts";
import type { Sse } from "../../config/sse.ts";
import type { Tags } from "../../config/tags.ts";
import { tagQueryString } from "../../config/tag_rules.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkSse } from "../../config/sse_check.ts";

/** Checks `sse`, `tags` and `retention` and returns their headers (lower-case names). */
export function extraWriteHeaders(
  core: MinioCore,
  options: { sse?: Sse; tags?: Tags | Record<string, string>; retention?: Retention },
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

/**
 * The headers of a write's user metadata, checked. Apart from the rest of
 * the write headers so that uploads without metadata load it only on use.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { META_PREFIX } from "../common/object_headers.ts";

const STANDARD = new Set([
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "content-type",
  "expires",
]);
const PRINTABLE = /^[\x20-\x7e\t]*$/;

/**
 * Headers for user metadata: standard headers (Content-Type, Cache-Control,
 * ...) and `x-amz-*` pass as they are, every other key gets `x-amz-meta-`.
 */
export function metadataHeaders(
  metadata: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (metadata === undefined) return out;
  if (metadata === null || typeof metadata !== "object") {
    throw new InvalidArgumentError("metadata must be an object of string values");
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== "string") {
      throw new InvalidArgumentError(`metadata value of ${JSON.stringify(key)} must be a string`);
    }
    const lower = key.toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower)) {
      throw new InvalidArgumentError(
        `metadata key ${JSON.stringify(key)} is not a valid header name`,
      );
    }
    if (!PRINTABLE.test(value)) {
      throw new InvalidArgumentError(
        `metadata value of ${JSON.stringify(key)} must be printable US-ASCII (encode other text)`,
      );
    }
    const name = STANDARD.has(lower) || lower.startsWith("x-amz-") ? lower : META_PREFIX + lower;
    out[name] = value;
  }
  return out;
}

/**
 * S3's rules for tags, shared by the `Tags` class and the `x-amz-tagging`
 * header of uploads (which should not need the class, its XML included).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const MAX_OBJECT_TAGS = 10;
const MAX_BUCKET_TAGS = 50;
// A lone UTF-16 surrogate has no UTF-8 form: encodeURIComponent throws a
// URIError on it and TextEncoder turns it into U+FFFD, another tag.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Refuses more tags than an object (10) or a bucket (50) may have. */
export function checkTagCount(count: number, forObject: boolean): void {
  const limit = forObject ? MAX_OBJECT_TAGS : MAX_BUCKET_TAGS;
  if (count > limit) {
    throw new InvalidArgumentError(
      `only ${limit} ${forObject ? "object" : "bucket"} tags are allowed`,
    );
  }
}

/**
 * Refuses a key or value S3 would refuse: empty or long keys, long values,
 * `&`, and text with a lone surrogate, which cannot be sent as it is.
 */
export function checkTag(key: unknown, value: unknown): void {
  if (typeof key !== "string" || !key || key.length > MAX_KEY_LENGTH || key.includes("&")) {
    throw new InvalidArgumentError(`invalid tag key ${JSON.stringify(key)}`);
  }
  if (typeof value !== "string" || value.length > MAX_VALUE_LENGTH || value.includes("&")) {
    throw new InvalidArgumentError(`invalid tag value ${JSON.stringify(value)} for ${key}`);
  }
  for (const [what, text] of [["key", key], ["value", value]]) {
    if (LONE_SURROGATE.test(text)) {
      throw new InvalidArgumentError(
        `tag ${what} ${
          JSON.stringify(text)
        } holds a lone UTF-16 surrogate, which has no UTF-8 form`,
      );
    }
  }
}

/** Object tags (a `Tags` or any Map, or a plain object) as `k1=v1&k2=v2`, checked. */
export function tagQueryString(tags: Map<string, string> | Record<string, string>): string {
  if (tags === null || typeof tags !== "object") {
    throw new InvalidArgumentError("tags must be a Tags or an object of string values");
  }
  const entries = tags instanceof Map ? [...tags] : Object.entries(tags);
  checkTagCount(entries.length, true);
  return entries.map(([k, v]) => {
    checkTag(k, v);
    return encodeURIComponent(k) + "=" + encodeURIComponent(v);
  }).join("&");
}

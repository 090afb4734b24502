/**
 * Checks of user input made before any request, each failing with an
 * {@link InvalidArgumentError} that names the bad argument.
 *
 * @module
 */

import { InvalidArgumentError } from "./errors.ts";

const STRICT_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const LENIENT_BUCKET = /^[A-Za-z0-9][A-Za-z0-9._:-]{1,61}[A-Za-z0-9]$/;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/**
 * A bucket name by the S3 rules: 3 to 63 characters, lower-case letters,
 * digits, dots and hyphens, starting and ending with a letter or digit, no
 * `..`, `.-` or `-.`, not an IP address. With `strict` false (for buckets
 * that already exist), upper-case letters, `_` and `:` are let through as
 * older S3 regions allowed them.
 */
export function checkBucketName(name: unknown, strict = false): asserts name is string {
  if (typeof name !== "string") {
    throw new InvalidArgumentError("bucket name must be a string");
  }
  const shown = JSON.stringify(name);
  if (name.length < 3 || name.length > 63) {
    throw new InvalidArgumentError(`bucket name ${shown} must be 3 to 63 characters long`);
  }
  if (IPV4.test(name)) {
    throw new InvalidArgumentError(`bucket name ${shown} must not be an IP address`);
  }
  if (name.includes("..") || name.includes(".-") || name.includes("-.")) {
    throw new InvalidArgumentError(
      `bucket name ${shown} must not contain "..", ".-" or "-."`,
    );
  }
  if (!(strict ? STRICT_BUCKET : LENIENT_BUCKET).test(name)) {
    throw new InvalidArgumentError(
      `bucket name ${shown} may contain only ${
        strict ? "lower-case letters" : "letters"
      }, digits, dots and hyphens, and must start and end with a letter or digit`,
    );
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An object name: a non-empty string of at most 1024 UTF-8 bytes, without a
 * lone UTF-16 surrogate (it has no UTF-8 form), NUL (MinIO refuses it) or a
 * `.` or `..` path segment. fetch resolves dot segments in every URL, also
 * when percent-encoded (WHATWG URL), so `a/../b` would reach S3 as `b`
 * under a signature for `a/../b`; MinIO refuses such names anyway.
 */
export function checkObjectName(name: unknown): asserts name is string {
  if (typeof name !== "string" || name === "") {
    throw new InvalidArgumentError("object name must be a non-empty string");
  }
  const shown = JSON.stringify(name.length > 100 ? name.slice(0, 100) + "..." : name);
  if (LONE_SURROGATE.test(name)) {
    throw new InvalidArgumentError(
      `object name ${shown} holds a lone UTF-16 surrogate, which has no UTF-8 form`,
    );
  }
  if (new TextEncoder().encode(name).length > 1024) {
    throw new InvalidArgumentError("object name must be at most 1024 bytes in UTF-8");
  }
  if (name.includes("\0")) {
    throw new InvalidArgumentError(`object name ${shown} must not contain NUL (U+0000)`);
  }
  for (const segment of name.split("/")) {
    if (segment === "." || segment === "..") {
      throw new InvalidArgumentError(
        `object name ${shown} must not have a "${segment}" segment: ` +
          "fetch resolves it in the URL, so the request would name another object",
      );
    }
  }
}

/**
 * A safe integer from `min` to `max` (default: no bound), both included.
 * The message names the range: "a non-negative integer" (min 0), "a
 * positive integer" (min 1), "an integer of at least min", or, with a
 * `max`, "an integer from min to max"; `unit` follows it ("seconds").
 */
export function checkInteger(
  value: unknown,
  what: string,
  min = 0,
  max = Infinity,
  unit = "",
): asserts value is number {
  if (Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max) return;
  const range = max < Infinity
    ? `an integer from ${min} to ${max}`
    : min === 0
    ? "a non-negative integer"
    : min === 1
    ? "a positive integer"
    : `an integer of at least ${min}`;
  throw new InvalidArgumentError(`${what} must be ${range}${unit && " " + unit}`);
}

/** {@link checkInteger}, when given. */
export function checkOptionalInteger(
  value: unknown,
  what: string,
  min?: number,
  max?: number,
  unit?: string,
): asserts value is number | undefined {
  if (value !== undefined) checkInteger(value, what, min, max, unit);
}

/** A string option, when given. */
export function checkOptionalString(value: unknown, what: string): void {
  if (value !== undefined && typeof value !== "string") {
    throw new InvalidArgumentError(`${what} must be a string`);
  }
}

/** A Date option, when given, that is a valid date. */
export function checkOptionalDate(value: unknown, what: string): void {
  if (value !== undefined && !(value instanceof Date && !Number.isNaN(value.getTime()))) {
    throw new InvalidArgumentError(`${what} must be a valid Date`);
  }
}

/**
 * Checks and readers shared by the configuration classes: each check fails
 * with an {@link InvalidArgumentError} naming the field, so a bad
 * configuration is refused before it reaches the network.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { child, childText, type XmlElement } from "../xml/parse.ts";
import { DISABLED, ENABLED } from "./common.ts";

/**
 * The status of a rule or a feature in the configuration documents.
 *
 * @example
 * ```ts
 * import { DeleteMarkerReplication, ENABLED, type RuleStatus } from "@minio-edge/minio";
 * const status: RuleStatus = ENABLED;
 * const markers = new DeleteMarkerReplication(status);
 * ```
 */
export type RuleStatus = typeof ENABLED | typeof DISABLED;

/** `Enabled` or `Disabled`, else an error naming `what`. */
export function checkStatus(status: unknown, what: string): asserts status is RuleStatus {
  if (status !== ENABLED && status !== DISABLED) {
    throw new InvalidArgumentError(`${what} must be ${ENABLED} or ${DISABLED}`);
  }
}

/** A string, when given; non-empty unless `allowEmpty`. */
export function checkString(value: unknown, what: string, allowEmpty = false): void {
  if (value !== undefined && (typeof value !== "string" || (!allowEmpty && value === ""))) {
    throw new InvalidArgumentError(`${what} must be a ${allowEmpty ? "" : "non-empty "}string`);
  }
}

/** An instance of `type`, when given. */
export function checkInstance(
  value: unknown,
  // deno-lint-ignore no-explicit-any
  type: abstract new (...args: any[]) => unknown,
  what: string,
): void {
  if (value !== undefined && !(value instanceof type)) {
    const article = /^[AEIOU]/.test(type.name) ? "an" : "a";
    throw new InvalidArgumentError(`${what} must be ${article} ${type.name}`);
  }
}

/**
 * A rule ID as minio-py takes it: surrounding whitespace dropped, then 1 to
 * 255 characters.
 */
export function checkRuleId(id: unknown): string | undefined {
  if (id === undefined) return undefined;
  if (typeof id !== "string" || !id.trim()) {
    throw new InvalidArgumentError("rule ID must be a non-empty string");
  }
  if (id.trim().length > 255) {
    throw new InvalidArgumentError("rule ID must be at most 255 characters");
  }
  return id.trim();
}

/**
 * The number in child `name`, or `undefined` when absent; text that is not a
 * number comes back as NaN so the constructor's check names the field.
 */
export function childInt(el: XmlElement, name: string): number | undefined {
  const text = childText(el, name)?.trim();
  return text === undefined || text === "" ? undefined : Number(text);
}

/** The first child `name` read by `from`, or `undefined` when absent. */
export function childFrom<T>(
  el: XmlElement,
  name: string,
  from: (e: XmlElement) => T,
): T | undefined {
  const c = child(el, name);
  return c && from(c);
}

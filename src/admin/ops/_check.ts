/**
 * Input checks shared by the admin operations: each runs before any request
 * is built, so bad input fails with {@link InvalidArgumentError} and no
 * network traffic.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";

/** Throws unless `value` is a non-empty string. */
export function checkName(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
}

/** Throws unless `values` is an array of non-empty strings (at least one when `nonEmpty`). */
export function checkNames(
  values: unknown,
  what: string,
  nonEmpty = false,
): asserts values is readonly string[] {
  if (!Array.isArray(values) || values.some((v) => typeof v !== "string" || v === "")) {
    throw new InvalidArgumentError(`${what} must be an array of non-empty strings`);
  }
  if (nonEmpty && values.length === 0) {
    throw new InvalidArgumentError(`${what} must name at least one`);
  }
}

/** The `[kind, name]` of a `{ user }` or `{ group }` target; throws unless exactly one is set. */
export function targetOf(target: unknown): ["user" | "group", string] {
  const t = (target ?? {}) as { user?: unknown; group?: unknown };
  if ((t.user === undefined) === (t.group === undefined)) {
    throw new InvalidArgumentError("exactly one of user or group must be given");
  }
  const kind = t.user !== undefined ? "user" : "group";
  checkName(t[kind], kind);
  return [kind, t[kind] as string];
}

/** A JSON policy given as an object or as JSON text, parsed and checked to be an object. */
export function policyObject(policy: unknown, what = "policy"): Record<string, unknown> {
  let value = policy;
  if (typeof policy === "string") {
    try {
      value = JSON.parse(policy);
    } catch {
      throw new InvalidArgumentError(`${what} is not valid JSON`);
    }
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** A date as the ISO 8601 text the server's JSON decoder takes. */
export function isoDate(value: unknown, what: string): string {
  const d = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError(`${what} must be a Date or an ISO 8601 date string`);
  }
  return d.toISOString();
}

/**
 * Option checks the STS-based providers share.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkInteger } from "../base/validate.ts";

/** A non-empty string, or an {@link InvalidArgumentError} naming `what`. */
export function checkString(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
  return value;
}

/** A session policy: JSON text as given, a document serialized. */
export function policyText(policy: unknown): string {
  if (typeof policy === "string" && policy !== "") return policy;
  if (policy !== null && typeof policy === "object" && !Array.isArray(policy)) {
    return JSON.stringify(policy);
  }
  throw new InvalidArgumentError("policy must be JSON text or a policy document object");
}

/** What most STS providers accept: a lifetime and a session policy. */
export interface StsCommonOptions {
  durationSeconds?: number;
  policy?: string | Record<string, unknown>;
  refreshMarginSeconds?: number;
  fetch?: typeof fetch;
}

/** `DurationSeconds` (900 s to 7 days) and `Policy` form fields, checked. */
export function commonParams(options: StsCommonOptions): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.durationSeconds !== undefined) {
    checkInteger(options.durationSeconds, "durationSeconds", 900, 604_800);
    params.DurationSeconds = String(options.durationSeconds);
  }
  if (options.policy !== undefined) params.Policy = policyText(options.policy);
  return params;
}

/** The fetch to use: the caller's, else the global one called late (never detached). */
export function fetchOption(f: unknown): typeof fetch {
  if (f === undefined) return (input, init) => globalThis.fetch(input, init);
  if (typeof f !== "function") throw new InvalidArgumentError("fetch must be a function");
  return f as typeof fetch;
}

/** The options object itself, or an {@link InvalidArgumentError}. */
export function checkOptions<T>(options: T | undefined, what: string): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${what} must be an object`);
  }
  return options;
}

/** Optional string options copied into form fields, each checked. */
export function stringFields(
  o: Record<string, unknown>,
  fields: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [option, field] of Object.entries(fields)) {
    if (o[option] !== undefined) out[field] = checkString(o[option], option);
  }
  return out;
}

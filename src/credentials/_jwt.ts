/**
 * What WebIdentityProvider and ClientGrantsProvider share: a token from the
 * caller's function, exchanged at the STS for temporary credentials, with a
 * lifetime from the options or the token's own.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { Credentials } from "./credentials.ts";
import { checkOptions, commonParams, fetchOption } from "./_options.ts";
import { RefreshingCredentials, refreshMarginMs } from "./refreshing.ts";
import { assumeRole, checkStsEndpoint } from "./sts.ts";

/**
 * A token as a {@link JwtSource} gives it: the JWT itself, and optionally
 * how many seconds it stays valid (the `expires_in` of an OAuth token answer).
 *
 * @example
 * ```ts
 * import type { Jwt } from "@minio-edge/minio";
 * const jwt: Jwt = { token: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", expiresIn: 3600 };
 * ```
 */
export interface Jwt {
  /** The JWT (never printed or put in an error). */
  token: string;
  /** Seconds the token stays valid; the credentials' lifetime when no `durationSeconds` is set. */
  expiresIn?: number;
}

/**
 * Where a fresh JWT comes from: called on each refresh, with a signal that
 * aborts when no caller waits any more. Returns the JWT or a {@link Jwt}.
 *
 * @example
 * ```ts
 * import type { JwtSource } from "@minio-edge/minio";
 * const source: JwtSource = async (signal) => {
 *   const res = await fetch("https://idp.example.com/token", { method: "POST", signal });
 *   const { access_token, expires_in } = await res.json();
 *   return { token: access_token, expiresIn: expires_in };
 * };
 * ```
 */
export type JwtSource = (signal: AbortSignal) => string | Jwt | Promise<string | Jwt>;

const MIN_SECONDS = 900;
const MAX_SECONDS = 604_800;

/** The token and its lifetime, checked, from whatever the source gave. */
function readJwt(value: unknown): Jwt {
  const jwt = typeof value === "string" ? { token: value } : value as Jwt;
  if (jwt === null || typeof jwt !== "object" || typeof jwt.token !== "string" || !jwt.token) {
    throw new InvalidArgumentError("the JWT source must give a non-empty string or { token }");
  }
  if (jwt.expiresIn !== undefined && !Number.isFinite(jwt.expiresIn)) {
    throw new InvalidArgumentError("the JWT source's expiresIn must be a number of seconds");
  }
  return jwt;
}

/** minio-py's rule: the token's lifetime, kept within 15 minutes and 7 days; none if unknown. */
function durationFrom(expiresIn: number | undefined): string | undefined {
  if (!expiresIn || expiresIn <= 0) return undefined;
  return String(Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.floor(expiresIn))));
}

/** Options both JWT providers take. */
export interface JwtProviderOptions {
  durationSeconds?: number;
  policy?: string | Record<string, unknown>;
  refreshMarginSeconds?: number;
  fetch?: typeof fetch;
}

/**
 * The refreshing exchange of `source`'s JWT at `stsEndpoint` with `action`,
 * the token sent as `tokenField` beside `extra` fields.
 */
export function jwtExchange(
  stsEndpoint: string,
  source: JwtSource,
  options: JwtProviderOptions | undefined,
  action: string,
  tokenField: string,
  extra: (o: Record<string, unknown>) => Record<string, string>,
): RefreshingCredentials {
  const endpoint = checkStsEndpoint(stsEndpoint);
  if (typeof source !== "function") {
    throw new InvalidArgumentError("the JWT source must be a function");
  }
  const o = checkOptions(options, "options");
  const fixed = { ...commonParams(o), ...extra(o as Record<string, unknown>) };
  const f = fetchOption(o.fetch);
  return new RefreshingCredentials(async (signal): Promise<Credentials> => {
    const jwt = readJwt(await source(signal));
    const params: Record<string, string> = { ...fixed, [tokenField]: jwt.token };
    const duration = durationFrom(jwt.expiresIn);
    if (!params.DurationSeconds && duration) params.DurationSeconds = duration;
    return assumeRole(endpoint, action, params, f, signal);
  }, refreshMarginMs(o.refreshMarginSeconds));
}

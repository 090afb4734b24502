/**
 * Checks of the query parameters a presigned URL carries beyond its own:
 * `extraQueryParams` and response header overrides. Loaded on use: most
 * presigned URLs carry none.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { RESPONSE_HEADERS } from "../common/response_headers.ts";

// The signature's own parameters; a caller's value would be overwritten or clash.
const SIGNING_PARAMS: ReadonlySet<string> = new Set([
  "x-amz-algorithm",
  "x-amz-credential",
  "x-amz-date",
  "x-amz-expires",
  "x-amz-signedheaders",
  "x-amz-security-token",
  "x-amz-signature",
]);

function checkParams(params: unknown, what: string, allowed?: ReadonlySet<string>): void {
  if (params === undefined) return;
  if (params === null || typeof params !== "object") {
    throw new InvalidArgumentError(`${what} must be an object of strings`);
  }
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`${what}[${JSON.stringify(k)}] must be a string`);
    }
    if (allowed && !allowed.has(k)) {
      throw new InvalidArgumentError(
        `${what} key ${JSON.stringify(k)} must be one of ${[...allowed].join(", ")}`,
      );
    }
    if (SIGNING_PARAMS.has(k.toLowerCase())) {
      throw new InvalidArgumentError(`${what} must not set the signature parameter ${k}`);
    }
  }
}

/** Refuses extra query parameters or response header overrides a presigned URL cannot carry. */
export function checkPresignParams(extraQueryParams: unknown, responseHeaders: unknown): void {
  checkParams(extraQueryParams, "extraQueryParams");
  checkParams(responseHeaders, "responseHeaders", RESPONSE_HEADERS);
}

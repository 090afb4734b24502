/**
 * The response headers a download (or a presigned download) may override
 * through query parameters: `response-content-type` and the like. Loaded on
 * use: most downloads override none.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import type { QueryParam } from "../../signer/encode.ts";

/** The query parameters that override a response header. */
export const RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  "response-content-type",
  "response-content-disposition",
  "response-cache-control",
  "response-content-encoding",
  "response-content-language",
  "response-expires",
]);

/** Query parameters overriding response headers; unknown names are refused. */
export function responseHeaderQuery(overrides: Record<string, string>): QueryParam[] {
  if (overrides === null || typeof overrides !== "object") {
    throw new InvalidArgumentError("responseHeaders must be an object");
  }
  return Object.entries(overrides).map(([k, v]) => {
    if (!RESPONSE_HEADERS.has(k)) {
      throw new InvalidArgumentError(
        `responseHeaders: ${JSON.stringify(k)} is not one of ${[...RESPONSE_HEADERS].join(", ")}`,
      );
    }
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`responseHeaders.${k} must be a string`);
    }
    return [k, v] as const;
  });
}

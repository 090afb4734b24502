/**
 * The check of a request's headers before anything is sent: each name an
 * HTTP token and each value printable US-ASCII, as SigV4 signs them and
 * `Headers` takes them. Without it a CR/LF or a non-ASCII character fails
 * inside fetch (a TypeError, taken for a failed connection and retried) or
 * at the server (SignatureDoesNotMatch). Metadata values are held to the
 * same rule (src/s3/upload/metadata_headers.ts): encode other text.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkCustomerKeyHeaders } from "../config/sse_check.ts";

const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const PRINTABLE = /^[\x20-\x7e\t]*$/;

/**
 * Throws {@link InvalidArgumentError} naming the first header (names in
 * lower case) that cannot be sent as given, or an SSE-C header on a
 * plain-HTTP client.
 */
export function checkRequestHeaders(headers: Record<string, string>, secure: boolean): void {
  for (const name in headers) {
    const value = headers[name];
    if (!TOKEN.test(name)) {
      throw new InvalidArgumentError(`header name ${JSON.stringify(name)} is not an HTTP token`);
    }
    if (typeof value !== "string") {
      throw new InvalidArgumentError(`header ${name} must be a string`);
    }
    if (!PRINTABLE.test(value)) {
      throw new InvalidArgumentError(
        `header ${name} must be printable US-ASCII, without CR or LF (encode other text)`,
      );
    }
  }
  checkCustomerKeyHeaders(Object.keys(headers), secure);
}

/**
 * The cheap test every request's headers pass before anything is sent:
 * whether src/core/request_headers.ts, which names what is wrong, has
 * anything to find. One pass over names and values; the detailed check is
 * loaded only when this says yes.
 *
 * @module
 */

// `name LF value`: a name is an HTTP token (lower case), a value printable
// US-ASCII or a tab; neither can hold the LF, so the split is unambiguous.
const LINE = /^[!#$%&'*+.^_`|~0-9a-z-]+\n[\x20-\x7e\t]*$/;
// An SSE-C header (of the object or a copy source), refused without TLS.
const CUSTOMER_HEADER = /^x-amz-(?:copy-source-)?server-side-encryption-customer-/i;

/**
 * Whether `headers` (names in lower case) hold a name or value that cannot
 * be sent as given, or an SSE-C header on a plain-HTTP client.
 */
export function suspectHeaders(headers: Record<string, string>, secure: boolean): boolean {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== "string" || !LINE.test(name + "\n" + value)) return true;
    if (!secure && CUSTOMER_HEADER.test(name)) return true;
  }
  return false;
}

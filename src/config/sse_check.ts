/**
 * Checks of server-side encryption options, apart from the SSE classes so
 * that an operation accepting an `Sse` does not load them (and the MD5 that
 * SSE-C needs) into a bundle that never encrypts. A setting is recognised by
 * the headers it sends, not by its class.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { Sse, SseCustomerKey } from "./sse.ts";

const CUSTOMER_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
// The key, its MD5 and algorithm, of the object or of a copy source.
const CUSTOMER_HEADER = /^x-amz-(?:copy-source-)?server-side-encryption-customer-/i;
const TLS_REQUIRED = "requires a TLS connection (useSSL: true)";

function isSse(value: unknown): value is Sse {
  return value !== null && typeof value === "object" &&
    typeof (value as Sse).headers === "function" &&
    typeof (value as Sse).tlsRequired === "function";
}

/** Whether `sse` is a customer key (SSE-C). */
export function isCustomerKey(sse: Sse | undefined): sse is SseCustomerKey {
  return sse !== undefined && CUSTOMER_ALGORITHM in sse.headers();
}

/** Refuses a non-SSE value, and an SSE setting that needs TLS on a plain-HTTP client. */
export function checkSse(
  sse: unknown,
  secure: boolean,
  what = "sse",
): asserts sse is Sse | undefined {
  if (sse === undefined) return;
  if (!isSse(sse)) {
    throw new InvalidArgumentError(`${what} must be an SseCustomerKey, SseKMS or SseS3`);
  }
  if (sse.tlsRequired() && !secure) {
    throw new InvalidArgumentError(
      `${what}: ${isCustomerKey(sse) ? "SSE-C" : "SSE-KMS"} ${TLS_REQUIRED}`,
    );
  }
}

/**
 * The request headers of an optional SSE-C key (`{}` without one), after
 * checking it is a customer key and the client uses TLS.
 */
export function customerKeyHeaders(
  ssec: unknown,
  secure: boolean,
  what = "ssec",
): Record<string, string> {
  if (ssec === undefined) return {};
  if (!isSse(ssec) || !isCustomerKey(ssec)) {
    throw new InvalidArgumentError(`${what} must be an SseCustomerKey`);
  }
  checkSse(ssec, secure, what);
  return ssec.headers();
}

/**
 * Refuses an SSE-C header on a plain-HTTP client, however it was given (an
 * `ssec` option, metadata, extra headers): the customer key would travel in
 * clear text. `names` are the request's header names.
 */
export function checkCustomerKeyHeaders(names: Iterable<string>, secure: boolean): void {
  if (secure) return;
  for (const name of names) {
    if (CUSTOMER_HEADER.test(name)) {
      throw new InvalidArgumentError(`header ${name}: SSE-C ${TLS_REQUIRED}`);
    }
  }
}

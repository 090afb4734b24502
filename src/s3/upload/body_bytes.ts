/**
 * The upload bodies that already are bytes in memory (a string, a
 * `Uint8Array`, an `ArrayBuffer` or another view of one), as one
 * `Uint8Array` without copying (a string is encoded as UTF-8).
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";

/** The body's bytes, or `undefined` for a Blob, stream, iterable or other value. */
export function bodyBytes(body: unknown): Uint8Array | undefined {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  return undefined;
}

/**
 * The bytes of a body that is in memory or a Blob (read whole), for the
 * operations that send one body whole (fan-out, snowball entries); anything
 * else is refused with an error naming `what`.
 */
export async function wholeBodyBytes(body: unknown, what: string): Promise<Uint8Array> {
  const bytes = bodyBytes(body);
  if (bytes) return bytes;
  if (typeof Blob !== "undefined" && body instanceof Blob) {
    return new Uint8Array(await body.arrayBuffer());
  }
  throw new InvalidArgumentError(`${what} must be a Uint8Array, ArrayBuffer, Blob or string`);
}

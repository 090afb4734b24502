/**
 * The upload bodies that already are bytes in memory (a string, a
 * `Uint8Array`, an `ArrayBuffer` or another view of one), as one
 * `Uint8Array` without copying (a string is encoded as UTF-8).
 *
 * @module
 */

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

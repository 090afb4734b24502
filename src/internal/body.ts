/**
 * Request bodies that can be held in memory: what a single PUT sends.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";

/** Body types a single request accepts. */
export type BufferableBody = Uint8Array | ArrayBuffer | ArrayBufferView | Blob | string;

/** Whether `value` is one of the {@link BufferableBody} types. */
export function isBufferable(value: unknown): value is BufferableBody {
  return typeof value === "string" || value instanceof Uint8Array ||
    value instanceof ArrayBuffer || ArrayBuffer.isView(value) ||
    (typeof Blob !== "undefined" && value instanceof Blob);
}

/** Length in bytes, where it is known without reading. */
export function knownLength(value: BufferableBody): number {
  if (typeof value === "string") return new TextEncoder().encode(value).length;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  return value.size;
}

/** The body's bytes; a Blob is read. Throws on any other type. */
export async function toBytes(value: unknown): Promise<Uint8Array> {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) {
    return new Uint8Array(await value.arrayBuffer());
  }
  throw new InvalidArgumentError(
    `body must be a Uint8Array, ArrayBuffer, Blob or string, not ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/**
 * Splitting any upload body into parts while holding at most one part that
 * is not yet handed out: byte arrays are cut without copying, Blobs are read
 * a slice at a time, streams and async iterables are gathered chunk by chunk.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { bodyBytes } from "./body_bytes.ts";

/**
 * Every body an upload accepts.
 *
 * @example
 * ```ts
 * import { Minio, type UploadBody } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * async function* chunks() {
 *   yield new TextEncoder().encode("line 1\n");
 * }
 * const stream = new Blob(["streamed"]).stream();
 * const bodies: UploadBody[] = ["text", new Uint8Array([1, 2]), new Blob(["blob"]), stream, chunks()];
 * for (const [i, body] of bodies.entries()) await client.putObject("scratch", `body-${i}`, body);
 * ```
 */
export type UploadBody =
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | Blob
  | string
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** One part: its bytes, and whether nothing follows it. */
export interface Part {
  /** The part's bytes. */
  bytes: Uint8Array;
  /** True for the final part. */
  last: boolean;
  /** Hands the part's buffer back for reuse once it is sent (or failed). */
  release?: () => void;
}

/** A body ready to be cut into parts. */
export interface PartSource {
  /** Length in bytes, when known before reading. */
  readonly size?: number;
  /** Yields consecutive parts of `partSize` bytes (the last may be shorter). */
  parts(partSize: number): AsyncGenerator<Part, void, undefined>;
  /** Releases the underlying stream when the upload stops early. */
  cancel(reason?: unknown): Promise<void>;
}

function isAsyncIterable(v: unknown): v is AsyncIterable<Uint8Array> {
  return v !== null && typeof v === "object" &&
    typeof (v as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === "function";
}

/** A source over bytes in memory, cut into parts without copying. */
export function bytesSource(bytes: Uint8Array): PartSource {
  return {
    size: bytes.length,
    async *parts(partSize) {
      if (bytes.length === 0) {
        yield { bytes, last: true };
        return;
      }
      for (let off = 0; off < bytes.length; off += partSize) {
        const end = Math.min(off + partSize, bytes.length);
        yield { bytes: bytes.subarray(off, end), last: end === bytes.length };
      }
    },
    cancel: () => Promise.resolve(),
  };
}

function blobSource(blob: Blob): PartSource {
  return {
    size: blob.size,
    async *parts(partSize) {
      if (blob.size === 0) {
        yield { bytes: new Uint8Array(0), last: true };
        return;
      }
      for (let off = 0; off < blob.size; off += partSize) {
        const end = Math.min(off + partSize, blob.size);
        const bytes = new Uint8Array(await blob.slice(off, end).arrayBuffer());
        yield { bytes, last: end === blob.size };
      }
    },
    cancel: () => Promise.resolve(),
  };
}

function streamChunks(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>) {
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    return {
      next: () => reader.read(),
      cancel: (reason?: unknown) => reader.cancel(reason).catch(() => {}),
    };
  }
  const it = body[Symbol.asyncIterator]();
  return {
    next: () => it.next() as Promise<IteratorResult<Uint8Array, undefined>>,
    cancel: async () => {
      await it.return?.().catch(() => {});
    },
  };
}

/**
 * Part buffers handed back after use, so a long upload reuses
 * concurrency + 1 buffers instead of allocating one per part (which lets the
 * heap balloon before the collector catches up).
 */
function bufferPool(partSize: number) {
  const free: Uint8Array[] = [];
  return {
    take: () => free.pop() ?? new Uint8Array(partSize),
    release: (buf: Uint8Array) => () => void free.push(buf),
  };
}

/**
 * A source that reads straight into part buffers with `read(into)`, which
 * fills what it can and returns the byte count, 0 at the end (files).
 */
export function readerSource(
  read: (into: Uint8Array) => Promise<number>,
  size: number,
  cancel: () => Promise<void>,
): PartSource {
  return {
    size,
    async *parts(partSize) {
      const pool = bufferPool(partSize);
      let total = 0;
      for (;;) {
        const buf = size - total >= partSize ? pool.take() : new Uint8Array(size - total);
        let filled = 0;
        while (filled < buf.length) {
          const n = await read(buf.subarray(filled));
          if (n === 0) break;
          filled += n;
        }
        total += filled;
        if (filled < buf.length) {
          throw new InvalidArgumentError(`file ended after ${total} bytes; expected ${size}`);
        }
        const last = total === size;
        yield { bytes: buf, last, release: pool.release(buf) };
        if (last) return;
      }
    },
    cancel,
  };
}

function streamSource(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  size: number | undefined,
): PartSource {
  const chunks = streamChunks(body);
  return {
    size,
    async *parts(partSize) {
      const pool = bufferPool(partSize);
      let carry: Uint8Array | undefined;
      let total = 0;
      let ended = false;
      const nextChunk = async (): Promise<Uint8Array | undefined> => {
        if (carry) {
          const c = carry;
          carry = undefined;
          return c;
        }
        if (ended) return undefined;
        for (;;) {
          const { done, value } = await chunks.next();
          if (done) {
            ended = true;
            return undefined;
          }
          if (!(value instanceof Uint8Array)) {
            throw new InvalidArgumentError("stream chunks must be Uint8Array");
          }
          if (value.length) return value;
        }
      };
      for (;;) {
        const buf = pool.take();
        let filled = 0;
        while (filled < partSize) {
          const chunk = await nextChunk();
          if (!chunk) break;
          const take = Math.min(chunk.length, partSize - filled);
          buf.set(chunk.subarray(0, take), filled);
          filled += take;
          if (take < chunk.length) carry = chunk.subarray(take);
        }
        total += filled;
        // Peek one chunk to learn whether this part is the last.
        const more = filled === partSize ? await nextChunk() : undefined;
        if (more) carry = more;
        const last = !more;
        if (size !== undefined && (total > size || (more && total === size))) {
          throw new InvalidArgumentError(`stream is longer than size ${size}`);
        }
        if (last && size !== undefined && total !== size) {
          throw new InvalidArgumentError(`stream ended after ${total} bytes; size says ${size}`);
        }
        yield { bytes: buf.subarray(0, filled), last, release: pool.release(buf) };
        if (last) return;
      }
    },
    cancel: (reason) => chunks.cancel(reason),
  };
}

/** Wraps an upload body; throws {@link InvalidArgumentError} for other types. */
export function partSource(body: unknown, size?: number): PartSource {
  const bytes = bodyBytes(body);
  if (bytes) return bytesSource(bytes);
  if (typeof Blob !== "undefined" && body instanceof Blob) return blobSource(body);
  if (body instanceof ReadableStream || isAsyncIterable(body)) return streamSource(body, size);
  throw new InvalidArgumentError(
    "body must be a Uint8Array, ArrayBuffer, Blob, string, ReadableStream or AsyncIterable",
  );
}

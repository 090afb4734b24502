/**
 * Decoding the AWS event-stream framing (`application/vnd.amazon.eventstream`)
 * that SelectObjectContent answers with. Each message is
 *
 * ```
 * total length u32 | headers length u32 | prelude CRC32 u32
 * headers (name len u8, name, type u8, value)* | payload | message CRC32 u32
 * ```
 *
 * big-endian, both CRCs IEEE CRC-32. Bytes arrive in network chunks that
 * need not line up with messages, so the decoder buffers across chunks.
 *
 * @module
 */

import { bytesToHex } from "../../crypto/hex.ts";
import { InvalidResponseError } from "../../base/errors.ts";
import { crc32 } from "../../crypto/crc32.ts";

/** A header value, by its wire type. */
export type EventHeaderValue = boolean | number | bigint | string | Uint8Array | Date;

/** One decoded message. */
export interface EventStreamMessage {
  /** Headers by name, such as `:message-type` and `:event-type`. */
  headers: Record<string, EventHeaderValue>;
  /** The payload (a view into the received bytes). */
  payload: Uint8Array;
}

const PRELUDE = 12;
const OVERHEAD = PRELUDE + 4;
// The event-stream limits: 16 MiB per message, 128 KiB of headers. A length
// beyond them means the stream is not what we think it is.
const MAX_MESSAGE = 16 * 1024 * 1024;
const MAX_HEADERS = 128 * 1024;

function malformed(why: string): InvalidResponseError {
  return new InvalidResponseError(`malformed event stream: ${why}`, 200);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw malformed("header text is not UTF-8");
  }
}

function uuid(b: Uint8Array): string {
  const h = bytesToHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Decodes the headers section of one message. */
export function decodeHeaders(bytes: Uint8Array): Record<string, EventHeaderValue> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headers: Record<string, EventHeaderValue> = {};
  let p = 0;
  const take = (n: number): number => {
    if (p + n > bytes.length) throw malformed("header runs past the headers section");
    const at = p;
    p += n;
    return at;
  };
  while (p < bytes.length) {
    const nameLength = view.getUint8(take(1));
    const nameAt = take(nameLength);
    const name = text(bytes.subarray(nameAt, nameAt + nameLength));
    const type = view.getUint8(take(1));
    let value: EventHeaderValue;
    switch (type) {
      case 0:
      case 1:
        value = type === 0;
        break;
      case 2:
        value = view.getInt8(take(1));
        break;
      case 3:
        value = view.getInt16(take(2));
        break;
      case 4:
        value = view.getInt32(take(4));
        break;
      case 5:
        value = view.getBigInt64(take(8));
        break;
      case 6:
      case 7: {
        const length = view.getUint16(take(2));
        const at = take(length);
        const raw = bytes.subarray(at, at + length);
        value = type === 6 ? raw : text(raw);
        break;
      }
      case 8:
        value = new Date(Number(view.getBigInt64(take(8))));
        break;
      case 9: {
        const at = take(16);
        value = uuid(bytes.subarray(at, at + 16));
        break;
      }
      default:
        throw malformed(`header ${JSON.stringify(name)} has unknown value type ${type}`);
    }
    headers[name] = value;
  }
  return headers;
}

/**
 * An incremental decoder: {@link push} network chunks in order and take the
 * messages they complete; {@link finish} at the end of the stream checks
 * that no message was cut off. Throws {@link InvalidResponseError} on a CRC
 * mismatch or an impossible length.
 */
export class EventStreamDecoder {
  #chunks: Uint8Array[] = [];
  #buffered = 0;

  /**
   * Adds the next chunk and yields the messages it completes. Messages are
   * decoded as they are taken, so those before a corrupt one still arrive.
   */
  *push(chunk: Uint8Array): Generator<EventStreamMessage, void, undefined> {
    if (chunk.length) {
      this.#chunks.push(chunk);
      this.#buffered += chunk.length;
    }
    while (this.#buffered >= PRELUDE) {
      const prelude = this.#peek(PRELUDE);
      const view = new DataView(prelude.buffer, prelude.byteOffset, PRELUDE);
      const total = view.getUint32(0);
      const headersLength = view.getUint32(4);
      const expected = view.getUint32(8);
      const actual = crc32(prelude.subarray(0, 8));
      if (actual !== expected) {
        throw malformed(`prelude CRC mismatch (computed ${actual}, sent ${expected})`);
      }
      if (total < OVERHEAD || total > MAX_MESSAGE) throw malformed(`message length ${total}`);
      if (headersLength > total - OVERHEAD || headersLength > MAX_HEADERS) {
        throw malformed(`headers length ${headersLength} in a message of ${total} bytes`);
      }
      if (this.#buffered < total) break;
      const message = this.#message(this.#peek(total), headersLength);
      this.#drop(total);
      yield message;
    }
  }

  /** Throws when the stream ended inside a message. */
  finish(): void {
    if (this.#buffered) {
      throw malformed(`stream ended ${this.#buffered} bytes into an unfinished message`);
    }
  }

  #message(bytes: Uint8Array, headersLength: number): EventStreamMessage {
    const end = bytes.length - 4;
    const expected = new DataView(bytes.buffer, bytes.byteOffset + end, 4).getUint32(0);
    const actual = crc32(bytes.subarray(0, end));
    if (actual !== expected) {
      throw malformed(`message CRC mismatch (computed ${actual}, sent ${expected})`);
    }
    return {
      headers: decodeHeaders(bytes.subarray(PRELUDE, PRELUDE + headersLength)),
      payload: bytes.subarray(PRELUDE + headersLength, end),
    };
  }

  // The first n buffered bytes as one array. Chunks are merged only when a
  // message spans them, so each byte is copied at most once or twice.
  #peek(n: number): Uint8Array {
    const first = this.#chunks[0];
    if (first.length >= n) return first.subarray(0, n);
    let size = 0;
    let count = 0;
    while (size < n) size += this.#chunks[count++].length;
    const merged = new Uint8Array(size);
    let at = 0;
    for (const c of this.#chunks.splice(0, count, merged)) {
      merged.set(c, at);
      at += c.length;
    }
    return merged.subarray(0, n);
  }

  #drop(n: number): void {
    this.#buffered -= n;
    while (n > 0) {
      const first = this.#chunks[0];
      if (first.length > n) {
        this.#chunks[0] = first.subarray(n);
        return;
      }
      this.#chunks.shift();
      n -= first.length;
    }
  }
}

/**
 * Decodes a byte stream into messages as they complete. Stopping early
 * (`break`, an error, or `signal` aborting) cancels the stream, which
 * releases the connection. Throws {@link InvalidResponseError} when the
 * stream ends inside a message.
 */
export async function* decodeEventStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<EventStreamMessage, void, undefined> {
  const reader = body.getReader();
  const decoder = new EventStreamDecoder();
  // Not every runtime errors a fetch body when its signal aborts; cancelling
  // the reader ends a pending read everywhere, and the check below turns
  // that into the abort reason rather than an early end of stream.
  const onAbort = () => reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) {
        finished = true;
        decoder.finish();
        return;
      }
      yield* decoder.push(value);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (!finished) await reader.cancel().catch(() => {});
  }
}

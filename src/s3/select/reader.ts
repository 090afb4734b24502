/**
 * The answer of SelectObjectContent: the event stream read as record bytes,
 * with the Progress and Stats events kept aside.
 *
 * @module
 */

import { InvalidResponseError, S3Error } from "../../base/errors.ts";
import { decodeEventStream, type EventStreamMessage } from "./event_stream.ts";

/**
 * Byte counts of a Progress or Stats event. A count the server does not keep
 * is -1: MinIO sends -1 for bytes scanned and processed of Parquet input.
 *
 * @example
 * ```ts
 * import type { SelectObjectContentOptions, SelectStats } from "@minio-edge/minio";
 * const options: SelectObjectContentOptions = {
 *   onProgress: (p: SelectStats) => console.log(`${p.bytesProcessed} bytes processed`),
 * };
 * ```
 */
export interface SelectStats {
  /** Bytes read from the object (compressed size for compressed input). */
  bytesScanned: number;
  /** Bytes processed after decompression. */
  bytesProcessed: number;
  /** Bytes of records returned. */
  bytesReturned: number;
}

const FIELDS = [
  ["bytesScanned", "BytesScanned"],
  ["bytesProcessed", "BytesProcessed"],
  ["bytesReturned", "BytesReturned"],
] as const;

/**
 * Reads the three counts of a Progress or Stats payload. By regular
 * expression rather than an XML parser: MinIO closes its `<Progress>`
 * document with `</Stats>`, which a strict parser rejects.
 */
export function parseStats(payload: Uint8Array | string): SelectStats {
  const xml = typeof payload === "string" ? payload : new TextDecoder().decode(payload);
  const stats = {} as SelectStats;
  for (const [key, tag] of FIELDS) {
    // MinIO sends -1 where it cannot count (no progress reader).
    const m = new RegExp(`<${tag}>\\s*(-?\\d+)\\s*</${tag}>`).exec(xml);
    if (!m) {
      throw new InvalidResponseError(`select stats without ${tag}: ${xml.slice(0, 200)}`, 200);
    }
    stats[key] = Number(m[1]);
  }
  return stats;
}

/** What a {@link SelectObjectReader} needs besides the response body. */
export interface SelectContext {
  /** Bucket, for errors. */
  bucket: string;
  /** Object, for errors. */
  object: string;
  /** Called with each Progress event. */
  onProgress?: (progress: SelectStats) => void;
  /** Stops reading. */
  signal?: AbortSignal;
}

/**
 * The records of a select query, read once: iterate it for the record bytes
 * as they arrive (`for await (const chunk of reader)`), or take them whole
 * with {@link bytes} or {@link text}. {@link stats} is there once the
 * records are read. A chunk is a payload as the server sent it, not
 * necessarily whole records. An error event becomes an {@link S3Error};
 * a stream that stops before its End event, an {@link InvalidResponseError}.
 *
 * @example
 * ```ts
 * import {
 *   JSONInputSerialization, JSONOutputSerialization, Minio, SelectRequest,
 * } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, accessKey: "k", secretKey: "s" });
 * const reader = await client.selectObjectContent("data", "events.jsonl", new SelectRequest(
 *   "SELECT * FROM S3Object s WHERE s.level = 'error'",
 *   new JSONInputSerialization({ jsonType: "LINES" }),
 *   new JSONOutputSerialization(),
 * ));
 * console.log(await reader.text(), reader.stats()?.bytesReturned);
 * ```
 */
export class SelectObjectReader implements AsyncIterable<Uint8Array> {
  /** Response headers. */
  readonly headers: Headers;
  readonly #body: ReadableStream<Uint8Array>;
  readonly #context: SelectContext;
  #used = false;
  #stats?: SelectStats;
  #progress?: SelectStats;

  /** Wraps the body of a successful SelectObjectContent response. */
  constructor(body: ReadableStream<Uint8Array>, headers: Headers, context: SelectContext) {
    this.#body = body;
    this.headers = headers;
    this.#context = context;
  }

  /** The Stats event (sent just before End), once it has arrived. */
  stats(): SelectStats | undefined {
    return this.#stats;
  }

  /** The latest Progress event, with `requestProgress` on. */
  progress(): SelectStats | undefined {
    return this.#progress;
  }

  /** The record payloads as they arrive. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.#used) throw new TypeError("select records can be read only once");
    this.#used = true;
    return this.#records();
  }

  /** All records as bytes. */
  async bytes(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const p of this) {
      parts.push(p);
      size += p.length;
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** All records decoded as UTF-8. */
  async text(): Promise<string> {
    const decoder = new TextDecoder();
    let s = "";
    // stream: true keeps a character split across two payloads whole.
    for await (const p of this) s += decoder.decode(p, { stream: true });
    return s + decoder.decode();
  }

  /**
   * Closes the connection without reading the records. Once iteration has
   * begun, stop it with `break` or the `signal` option instead.
   */
  async cancel(): Promise<void> {
    if (this.#used) return;
    this.#used = true;
    await this.#body.cancel().catch(() => {});
  }

  async *#records(): AsyncGenerator<Uint8Array, void, undefined> {
    const { signal } = this.#context;
    for await (const m of decodeEventStream(this.#body, signal)) {
      const type = m.headers[":message-type"];
      if (type === "error") throw this.#error(m);
      if (type !== "event") {
        throw new InvalidResponseError(`unexpected event-stream message type ${String(type)}`, 200);
      }
      switch (m.headers[":event-type"]) {
        case "Records":
          if (m.payload.length) yield m.payload;
          break;
        case "Progress":
          this.#progress = parseStats(m.payload);
          this.#context.onProgress?.(this.#progress);
          break;
        case "Stats":
          this.#stats = parseStats(m.payload);
          break;
        case "End":
          return; // leaving the loop cancels the rest of the body
        default:
          // Cont keeps an idle connection alive; the framing is extensible,
          // so other events are skipped too.
          break;
      }
    }
    throw new InvalidResponseError("select response ended before its End event", 200);
  }

  #error(m: EventStreamMessage): S3Error {
    const text = (name: string) => {
      const v = m.headers[name];
      return typeof v === "string" ? v : undefined;
    };
    return new S3Error({
      code: text(":error-code") ?? "UnknownError",
      message: text(":error-message") ?? "",
      requestId: this.headers.get("x-amz-request-id") ?? undefined,
      hostId: this.headers.get("x-amz-id-2") ?? undefined,
      bucket: this.#context.bucket,
      object: this.#context.object,
      status: 200,
    });
  }
}

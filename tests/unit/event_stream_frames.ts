// Builders of AWS event-stream frames for the select tests.
import { crc32 } from "../../src/crypto/crc32.ts";
import { decodeEventStream, type EventStreamMessage } from "../../src/s3/select/event_stream.ts";

export const enc = new TextEncoder();
export const dec = new TextDecoder();

// ---- frames ----

// MinIO's keep-alive message, byte for byte from its source
// (internal/s3select/message.go continuationMessage): CRCs computed by Go.
// deno-fmt-ignore
export const MINIO_CONT = Uint8Array.from([
  0, 0, 0, 57, 0, 0, 0, 41, 139, 161, 157, 242,
  ...[13, ...enc.encode(":message-type"), 7, 0, 5, ...enc.encode("event")],
  ...[11, ...enc.encode(":event-type"), 7, 0, 4, ...enc.encode("Cont")],
  156, 134, 74, 13,
]);

export function stringHeader(name: string, value: string): Uint8Array {
  const n = enc.encode(name);
  const v = enc.encode(value);
  return Uint8Array.from([n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v]);
}

export function frame(
  headers: Record<string, string> | Uint8Array,
  payload: Uint8Array | string = "",
) {
  const h = headers instanceof Uint8Array
    ? headers
    : Uint8Array.from(Object.entries(headers).flatMap(([k, v]) => [...stringHeader(k, v)]));
  const p = typeof payload === "string" ? enc.encode(payload) : payload;
  const total = 16 + h.length + p.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, h.length);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  out.set(h, 12);
  out.set(p, 12 + h.length);
  view.setUint32(total - 4, crc32(out.subarray(0, total - 4)));
  return out;
}

export const event = (type: string, payload: Uint8Array | string = "") =>
  frame({ ":message-type": "event", ":event-type": type }, payload);
export const records = (text: string) => event("Records", text);
export const END = event("End");
export const statsXml = (s: number, p: number, r: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><Stats><BytesScanned>${s}</BytesScanned>` +
  `<BytesProcessed>${p}</BytesProcessed><BytesReturned>${r}</BytesReturned></Stats>`;
// As MinIO writes a Progress payload: opened <Progress>, closed </Stats>.
export const MINIO_PROGRESS = `<?xml version="1.0" encoding="UTF-8"?><Progress><BytesScanned>512` +
  `</BytesScanned><BytesProcessed>1024</BytesProcessed><BytesReturned>64</BytesReturned></Stats>`;

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A stream of the given chunks; `open` leaves it open after them. */
export function streamOf(chunks: Uint8Array[], open = false) {
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      if (!open) c.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

export function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

export async function collect(body: ReadableStream<Uint8Array>): Promise<EventStreamMessage[]> {
  const out: EventStreamMessage[] = [];
  for await (const m of decodeEventStream(body)) out.push(m);
  return out;
}

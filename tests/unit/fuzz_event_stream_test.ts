// Properties of the event-stream decoder of SelectObjectContent: messages
// written by a reference encoder (every header type) come back whole however
// the bytes are cut into chunks, and mutated streams give messages or an
// InvalidResponseError, never another error, in bounded time; the same
// through the select reader and the client.
import fc from "fast-check";
import { deepEqual, equal, test } from "../harness.ts";
import {
  InvalidResponseError,
  JSONInputSerialization,
  JSONOutputSerialization,
  S3Error,
  SelectObjectReader,
  SelectRequest,
} from "../../mod.ts";
import { crc32 } from "../../src/crypto/crc32.ts";
import {
  type EventHeaderValue,
  EventStreamDecoder,
  type EventStreamMessage,
} from "../../src/s3/select/event_stream.ts";
import {
  concat,
  enc,
  END,
  event,
  frame,
  MINIO_CONT,
  MINIO_PROGRESS,
  records,
  statsXml,
} from "./event_stream_frames.ts";
import { clientWithFetch, runs, settlesTyped, typedOnly } from "./fuzz_support.ts";

// ---- a reference encoder, written from the format's description ----

type Header = { name: string; type: number; raw: Uint8Array; value: EventHeaderValue };

function u(n: number, bytes: number): number[] {
  const out: number[] = [];
  for (let i = bytes - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return out;
}

function i64(v: bigint): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, v);
  return [...b];
}

const header: fc.Arbitrary<Header> = fc.tuple(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.oneof(
    fc.boolean().map((b): [number, number[], EventHeaderValue] => [b ? 0 : 1, [], b]),
    fc.integer({ min: -128, max: 127 }).map((n): [number, number[], EventHeaderValue] => [
      2,
      [n & 0xff],
      n,
    ]),
    fc.integer({ min: -32768, max: 32767 }).map((n): [number, number[], EventHeaderValue] => [
      3,
      u(n & 0xffff, 2),
      n,
    ]),
    fc.integer().map((n): [number, number[], EventHeaderValue] => [4, u(n >>> 0, 4), n]),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((
      n,
    ): [number, number[], EventHeaderValue] => [5, i64(n), n]),
    fc.uint8Array({ maxLength: 40 }).map((b): [number, number[], EventHeaderValue] => [
      6,
      [...u(b.length, 2), ...b],
      b,
    ]),
    fc.string({ unit: "grapheme", maxLength: 40 }).map(
      (s): [number, number[], EventHeaderValue] => {
        const b = enc.encode(s);
        return [7, [...u(b.length, 2), ...b], s];
      },
    ),
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms): [number, number[], EventHeaderValue] => [
      8,
      i64(BigInt(ms)),
      new Date(ms),
    ]),
    fc.uint8Array({ minLength: 16, maxLength: 16 }).map(
      (b): [number, number[], EventHeaderValue] => {
        const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
        const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${
          h.slice(20)
        }`;
        return [9, [...b], uuid];
      },
    ),
  ),
).filter(([name]) => enc.encode(name).length < 256).map(([name, [type, raw, value]]) => ({
  name,
  type,
  raw: Uint8Array.from(raw),
  value,
}));

function encodeMessage(headers: Header[], payload: Uint8Array): Uint8Array {
  const h = concat(
    ...headers.map((x) => {
      const n = enc.encode(x.name);
      return concat(Uint8Array.from([n.length]), n, Uint8Array.from([x.type]), x.raw);
    }),
  );
  return frame(h, payload);
}

const message = fc.tuple(fc.array(header, { maxLength: 6 }), fc.uint8Array({ maxLength: 200 }));

/** `bytes` cut at the given places (fractions of its length). */
function cut(bytes: Uint8Array, places: number[]): Uint8Array[] {
  const at = [...new Set(places.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const a of [...at, bytes.length]) {
    out.push(bytes.slice(from, a));
    from = a;
  }
  return out;
}

const frac = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_001);
const places = fc.array(frac, { maxLength: 12 });

function decodeAll(chunks: Uint8Array[]): EventStreamMessage[] {
  const decoder = new EventStreamDecoder();
  const out: EventStreamMessage[] = [];
  for (const c of chunks) out.push(...decoder.push(c));
  decoder.finish();
  return out;
}

test("fuzz event stream: encoded messages decode whole, however the bytes are chunked", () => {
  fc.assert(
    fc.property(fc.array(message, { maxLength: 5 }), places, (messages, where) => {
      const stream = concat(...messages.map(([h, p]) => encodeMessage(h, p)));
      const decoded = decodeAll(cut(stream, where));
      equal(decoded.length, messages.length);
      decoded.forEach((m, i) => {
        const [headers, payload] = messages[i];
        // A repeated name keeps its last value.
        const expected: Record<string, EventHeaderValue> = {};
        for (const h of headers) expected[h.name] = h.value;
        deepEqual(m.headers, expected);
        deepEqual(m.payload, payload);
      });
    }),
    runs(1501),
  );
});

// ---- hostile streams ----

/** A select answer as MinIO sends it. */
const VALID = concat(
  MINIO_CONT,
  records('{"a":1}\n'),
  event("Progress", MINIO_PROGRESS),
  records('{"a":2}\n'),
  event("Stats", statsXml(10, 10, 16)),
  END,
);

/** Rewrites a message's prelude and CRCs so that a mutation inside it gets past them. */
function reseal(bytes: Uint8Array, headersLength?: number): Uint8Array {
  if (bytes.length < 16) return bytes;
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  view.setUint32(0, out.length);
  if (headersLength !== undefined) view.setUint32(4, headersLength);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  view.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)));
  return out;
}

type ByteMutation = (b: Uint8Array) => Uint8Array;
const spot = (b: Uint8Array, f: number) => Math.floor(f * b.length);

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  // Flip a bit.
  fc.tuple(frac, fc.integer({ min: 0, max: 7 })).map(([f, bit]): ByteMutation => (b) => {
    const out = b.slice();
    if (out.length) out[spot(out, f)] ^= 1 << bit;
    return out;
  }),
  // Cut short.
  frac.map((f): ByteMutation => (b) => b.slice(0, spot(b, f))),
  // Insert bytes.
  fc.tuple(frac, fc.uint8Array({ minLength: 1, maxLength: 20 })).map(
    ([f, x]): ByteMutation => (b) => concat(b.subarray(0, spot(b, f)), x, b.subarray(spot(b, f))),
  ),
  // Overwrite a 32-bit field with a hostile length.
  fc.tuple(
    frac,
    fc.constantFrom(0, 1, 11, 12, 15, 16, 17, 0x7fffffff, 0xffffffff, 16 * 1024 * 1024 + 1),
  ).map(([f, n]): ByteMutation => (b) => {
    const out = b.slice();
    const at = Math.min(spot(out, f), Math.max(0, out.length - 4));
    if (out.length >= 4) new DataView(out.buffer).setUint32(at, n);
    return out;
  }),
);

// A mutation inside one message with its prelude and CRCs made right again,
// so the headers and payload decoding see it.
const resealedMessage = fc.tuple(
  fc.constantFrom(
    MINIO_CONT,
    records("x"),
    event("Progress", MINIO_PROGRESS),
    event("Stats", statsXml(1, 2, 3)),
    END,
  ),
  fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
  fc.option(fc.nat(200)),
).map(([m, ms, headersLength]) => {
  const body = ms.reduce<Uint8Array>((b, f) => f(b), m.subarray(12, m.length - 4));
  const whole = concat(m.subarray(0, 12), body, new Uint8Array(4));
  return reseal(whole, headersLength ?? undefined);
});

const hostileStream = fc.oneof(
  fc.array(byteMutation, { minLength: 1, maxLength: 4 }).map((ms) =>
    ms.reduce<Uint8Array>((b, f) => f(b), VALID)
  ),
  fc.tuple(fc.array(resealedMessage, { minLength: 1, maxLength: 3 }), fc.boolean()).map((
    [ms, end],
  ) => concat(...ms, ...(end ? [END] : []))),
  fc.uint8Array({ maxLength: 64 }),
);

test("fuzz event stream decoder: hostile bytes give messages or an InvalidResponseError", () => {
  fc.assert(
    fc.property(hostileStream, places, (stream, where) => {
      typedOnly(() => decodeAll(cut(stream, where)), [InvalidResponseError]);
    }),
    runs(1502),
  );
});

function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}

test("fuzz select reader: hostile streams give records, an S3Error or an InvalidResponseError", async () => {
  await fc.assert(
    fc.asyncProperty(hostileStream, places, async (stream, where) => {
      const reader = new SelectObjectReader(bodyOf(cut(stream, where)), new Headers(), {
        bucket: "b",
        object: "k",
        onProgress: () => {},
      });
      await settlesTyped(() => reader.bytes(), [InvalidResponseError, S3Error]);
    }),
    runs(1503),
  );
});

test("fuzz client selectObjectContent: a hostile 200 stream is records or a typed error", async () => {
  const request = new SelectRequest(
    "SELECT * FROM S3Object",
    new JSONInputSerialization({ jsonType: "LINES" }),
    new JSONOutputSerialization(),
  );
  await fc.assert(
    fc.asyncProperty(hostileStream, async (stream) => {
      const fetch = () =>
        Promise.resolve(
          new Response(stream.slice(), {
            status: 200,
            headers: { "content-type": "application/octet-stream" },
          }),
        );
      const client = clientWithFetch(fetch);
      await settlesTyped(async () => {
        const reader = await client.selectObjectContent("b-1", "k.jsonl", request);
        return await reader.text();
      });
    }),
    runs(1504),
  );
});

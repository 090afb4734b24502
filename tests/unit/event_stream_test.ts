// The AWS event-stream framing and the select result reader.
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import { InvalidResponseError, S3Error, SelectObjectReader, type SelectStats } from "../../mod.ts";
import { crc32 } from "../../src/crypto/crc32.ts";
import {
  decodeEventStream,
  decodeHeaders,
  EventStreamDecoder,
  type EventStreamMessage,
} from "../../src/s3/select/event_stream.ts";
import { parseStats } from "../../src/s3/select/reader.ts";

import {
  concat,
  dec,
  enc,
  END,
  event,
  frame,
  MINIO_CONT,
  MINIO_PROGRESS,
  records,
  split,
  statsXml,
  streamOf,
} from "./event_stream_frames.ts";

async function collect(body: ReadableStream<Uint8Array>): Promise<EventStreamMessage[]> {
  const out: EventStreamMessage[] = [];
  for await (const m of decodeEventStream(body)) out.push(m);
  return out;
}

function reader(chunks: Uint8Array[], onProgress?: (p: SelectStats) => void, open = false) {
  const { stream, state } = streamOf(chunks, open);
  const r = new SelectObjectReader(stream, new Headers({ "x-amz-request-id": "RID" }), {
    bucket: "b",
    object: "k",
    onProgress,
  });
  return { reader: r, state };
}

test("event stream: MinIO's own Cont message decodes (CRCs agree with Go's)", () => {
  const [m, ...rest] = [...new EventStreamDecoder().push(MINIO_CONT)];
  equal(rest.length, 0);
  deepEqual(m.headers, { ":message-type": "event", ":event-type": "Cont" });
  equal(m.payload.length, 0);
  deepEqual(frame({ ":message-type": "event", ":event-type": "Cont" }), MINIO_CONT);
});

test("event stream: messages split across chunks at every size decode the same", async () => {
  const bytes = concat(records("a,1\n"), MINIO_CONT, records("b,2\n"), END);
  for (const size of [1, 2, 3, 7, 12, 13, 16, 50, bytes.length]) {
    const msgs = await collect(streamOf(split(bytes, size)).stream);
    deepEqual(msgs.map((m) => m.headers[":event-type"]), ["Records", "Cont", "Records", "End"]);
    deepEqual(msgs.map((m) => dec.decode(m.payload)), ["a,1\n", "", "b,2\n", ""], `size ${size}`);
  }
});

test("event stream: several messages in one chunk, and a chunk ending mid-prelude", () => {
  const d = new EventStreamDecoder();
  const two = concat(records("x"), records("y"));
  const third = records("z");
  const got = [...d.push(concat(two, third.subarray(0, 5)))].map((m) => dec.decode(m.payload));
  deepEqual(got, ["x", "y"]);
  deepEqual([...d.push(third.subarray(5))].map((m) => dec.decode(m.payload)), ["z"]);
  d.finish();
});

test("event stream: a bad prelude CRC is refused", () => {
  const bad = records("data");
  bad[9] ^= 0x01;
  throws(
    () => [...new EventStreamDecoder().push(bad)],
    (e: unknown) => e instanceof InvalidResponseError && /prelude CRC mismatch/.test(e.message),
  );
});

test("event stream: a bad message CRC is refused, also for a flipped payload bit", () => {
  const badCrc = records("data");
  badCrc[badCrc.length - 1] ^= 0xff;
  const badPayload = records("data");
  badPayload[badPayload.length - 6] ^= 0x20;
  for (const bad of [badCrc, badPayload]) {
    throws(() => [...new EventStreamDecoder().push(bad)], /message CRC mismatch/);
  }
});

test("event stream: messages before a corrupt one still arrive", () => {
  const bad = records("bad");
  bad[bad.length - 1] ^= 1;
  const it = new EventStreamDecoder().push(concat(records("good"), bad));
  equal(dec.decode(it.next().value!.payload), "good");
  throws(() => it.next(), /message CRC mismatch/);
});

test("event stream: impossible lengths are refused even with a valid prelude CRC", () => {
  for (const [total, headers] of [[8, 0], [100, 90], [17 * 1024 * 1024, 0]]) {
    const p = new Uint8Array(12);
    const v = new DataView(p.buffer);
    v.setUint32(0, total);
    v.setUint32(4, headers);
    v.setUint32(8, crc32(p.subarray(0, 8)));
    throws(() => [...new EventStreamDecoder().push(p)], InvalidResponseError);
  }
});

test("event stream: a stream cut inside a message is an error", async () => {
  const bytes = concat(records("a"), records("b"));
  for (const cut of [bytes.length - 1, bytes.length - 10, records("a").length + 3]) {
    await rejects(
      collect(streamOf(split(bytes.subarray(0, cut), 4)).stream),
      (e: unknown) => e instanceof InvalidResponseError && /unfinished message/.test(e.message),
    );
  }
});

test("event stream: every header value type decodes by its length", () => {
  const name = (s: string) => [s.length, ...enc.encode(s)];
  // deno-fmt-ignore
  const raw = Uint8Array.from([
    ...name("t"), 0,
    ...name("f"), 1,
    ...name("byte"), 2, 0xff,
    ...name("short"), 3, 0x01, 0x02,
    ...name("int"), 4, 0xff, 0xff, 0xff, 0xfe,
    ...name("long"), 5, 0, 0, 0, 1, 0, 0, 0, 0,
    ...name("bytes"), 6, 0, 3, 1, 2, 3,
    ...name("str"), 7, 0, 3, ...enc.encode("hé"),
    ...name("time"), 8, 0, 0, 0x01, 0x8c, 0xc2, 0x51, 0xf4, 0x00,
    ...name("uuid"), 9, ...Array.from({ length: 16 }, (_, i) => i),
  ]);
  const h = decodeHeaders(raw);
  equal(h.t, true);
  equal(h.f, false);
  equal(h.byte, -1);
  equal(h.short, 0x0102);
  equal(h.int, -2);
  equal(h.long, 4294967296n);
  deepEqual(h.bytes, Uint8Array.from([1, 2, 3]));
  equal(h.str, "hé");
  equal((h.time as Date).getTime(), 0x018cc251f400);
  equal(h.uuid, "00010203-0405-0607-0809-0a0b0c0d0e0f");
});

test("event stream: unknown header type and overlong header are refused", () => {
  throws(() => decodeHeaders(Uint8Array.from([1, 0x61, 42])), /unknown value type 42/);
  throws(() => decodeHeaders(Uint8Array.from([1, 0x61, 7, 0, 9, 0x62])), /past the headers/);
  const viaFrame = frame(Uint8Array.from([1, 0x61, 10]), "x");
  throws(() => [...new EventStreamDecoder().push(viaFrame)], /unknown value type 10/);
});

// ---- Progress / Stats ----

test("parseStats: MinIO's Progress payload closed by </Stats> is read", () => {
  deepEqual(parseStats(enc.encode(MINIO_PROGRESS)), {
    bytesScanned: 512,
    bytesProcessed: 1024,
    bytesReturned: 64,
  });
  deepEqual(parseStats(statsXml(-1, -1, 0)), {
    bytesScanned: -1,
    bytesProcessed: -1,
    bytesReturned: 0,
  });
  throws(() => parseStats("<Stats><BytesScanned>1</BytesScanned></Stats>"), InvalidResponseError);
});

// ---- SelectObjectReader ----

test("reader: records in order, Progress to the callback, Stats after the end", async () => {
  const seen: SelectStats[] = [];
  const { reader: r } = reader(
    split(
      concat(
        event("Progress", MINIO_PROGRESS),
        records("ann\n"),
        MINIO_CONT,
        records("cid\n"),
        event("Stats", statsXml(36, 36, 8)),
        END,
      ),
      5,
    ),
    (p) => seen.push(p),
  );
  equal(r.stats(), undefined);
  const chunks: string[] = [];
  for await (const c of r) chunks.push(dec.decode(c));
  deepEqual(chunks, ["ann\n", "cid\n"]);
  deepEqual(r.stats(), { bytesScanned: 36, bytesProcessed: 36, bytesReturned: 8 });
  deepEqual(seen, [{ bytesScanned: 512, bytesProcessed: 1024, bytesReturned: 64 }]);
  deepEqual(r.progress(), seen[0]);
});

test("reader: text() keeps a character split between two payloads", async () => {
  const euro = enc.encode("€"); // 3 bytes
  const { reader: r } = reader([
    concat(event("Records", concat(enc.encode("a"), euro.subarray(0, 2)))),
    concat(event("Records", euro.subarray(2)), END),
  ]);
  equal(await r.text(), "a€");
});

test("reader: bytes(), and a second read is refused", async () => {
  const { reader: r } = reader([records("12"), records("34"), END]);
  deepEqual(await r.bytes(), enc.encode("1234"));
  await rejects(r.text(), TypeError);
});

test("reader: a stream without its End event fails", async () => {
  const { reader: r } = reader([records("a"), event("Stats", statsXml(1, 1, 1))]);
  await rejects(
    r.text(),
    (e: unknown) =>
      e instanceof InvalidResponseError && /ended before its End event/.test(e.message),
  );
});

test("reader: an error message becomes an S3Error after the records before it", async () => {
  const err = frame({
    ":message-type": "error",
    ":error-code": "InternalError",
    ":error-message": "Error casting: could not parse as int",
  });
  const { reader: r } = reader([records("ann\n"), err, END]);
  const got: string[] = [];
  await rejects(
    (async () => {
      for await (const c of r) got.push(dec.decode(c));
    })(),
    (e: unknown) =>
      e instanceof S3Error && e.code === "InternalError" &&
      e.message === "InternalError: Error casting: could not parse as int" &&
      e.requestId === "RID" && e.bucket === "b" && e.object === "k",
  );
  deepEqual(got, ["ann\n"]);
});

test("reader: the body is cancelled after End, on break and by cancel()", async () => {
  const afterEnd = reader([records("a"), END], undefined, true);
  equal(await afterEnd.reader.text(), "a");
  ok(afterEnd.state.cancelled);

  const onBreak = reader([records("a"), records("b")], undefined, true);
  for await (const _ of onBreak.reader) break;
  ok(onBreak.state.cancelled);

  const unread = reader([records("a")], undefined, true);
  await unread.reader.cancel();
  ok(unread.state.cancelled);
});

test("reader: aborting the signal ends a pending read with the abort reason", async () => {
  const { stream, state } = streamOf([records("a")], true);
  const ac = new AbortController();
  const r = new SelectObjectReader(stream, new Headers(), {
    bucket: "b",
    object: "k",
    signal: ac.signal,
  });
  const it = r[Symbol.asyncIterator]();
  equal(dec.decode((await it.next()).value as Uint8Array), "a");
  const pending = it.next();
  ac.abort(new Error("stop"));
  await rejects(pending, /stop/);
  ok(state.cancelled);
});

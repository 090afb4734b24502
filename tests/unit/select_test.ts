// S3 Select: request XML, the event-stream framing, CRC-32, and what
// selectObjectContent sends. Server behaviour is in tests/integration.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  CSVInputSerialization,
  CSVOutputSerialization,
  InvalidArgumentError,
  InvalidResponseError,
  JSONInputSerialization,
  JSONOutputSerialization,
  Minio,
  ParquetInputSerialization,
  S3Error,
  SelectObjectReader,
  SelectRequest,
  type SelectStats,
  SseCustomerKey,
} from "../../mod.ts";
import { md5 } from "@noble/hashes/legacy.js";
import { crc32 } from "../../src/internal/crc32.ts";
import {
  decodeEventStream,
  decodeHeaders,
  EventStreamDecoder,
  type EventStreamMessage,
} from "../../src/select/event_stream.ts";
import { parseStats } from "../../src/select/reader.ts";
import { fakeClient, queryOf, type Sent } from "./fake_fetch.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

// ---- CRC-32 ----

test("crc32: standard check values", () => {
  equal(crc32(enc.encode("")), 0);
  equal(crc32(enc.encode("a")), 0xe8b7be43);
  equal(crc32(enc.encode("123456789")), 0xcbf43926);
  equal(crc32(enc.encode("The quick brown fox jumps over the lazy dog")), 0x414fa339);
  equal(crc32(Uint8Array.from({ length: 256 }, (_, i) => i)), 0x29058c73);
});

test("crc32: a seed continues the CRC over the next piece", () => {
  const all = enc.encode("123456789");
  for (let i = 0; i <= all.length; i++) {
    equal(crc32(all.subarray(i), crc32(all.subarray(0, i))), 0xcbf43926);
  }
});

// ---- frames ----

// MinIO's keep-alive message, byte for byte from its source
// (internal/s3select/message.go continuationMessage): CRCs computed by Go.
// deno-fmt-ignore
const MINIO_CONT = Uint8Array.from([
  0, 0, 0, 57, 0, 0, 0, 41, 139, 161, 157, 242,
  ...[13, ...enc.encode(":message-type"), 7, 0, 5, ...enc.encode("event")],
  ...[11, ...enc.encode(":event-type"), 7, 0, 4, ...enc.encode("Cont")],
  156, 134, 74, 13,
]);

function stringHeader(name: string, value: string): Uint8Array {
  const n = enc.encode(name);
  const v = enc.encode(value);
  return Uint8Array.from([n.length, ...n, 7, v.length >> 8, v.length & 0xff, ...v]);
}

function frame(headers: Record<string, string> | Uint8Array, payload: Uint8Array | string = "") {
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

const event = (type: string, payload: Uint8Array | string = "") =>
  frame({ ":message-type": "event", ":event-type": type }, payload);
const records = (text: string) => event("Records", text);
const END = event("End");
const statsXml = (s: number, p: number, r: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><Stats><BytesScanned>${s}</BytesScanned>` +
  `<BytesProcessed>${p}</BytesProcessed><BytesReturned>${r}</BytesReturned></Stats>`;
// As MinIO writes a Progress payload: opened <Progress>, closed </Stats>.
const MINIO_PROGRESS = `<?xml version="1.0" encoding="UTF-8"?><Progress><BytesScanned>512` +
  `</BytesScanned><BytesProcessed>1024</BytesProcessed><BytesReturned>64</BytesReturned></Stats>`;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A stream of the given chunks; `open` leaves it open after them. */
function streamOf(chunks: Uint8Array[], open = false) {
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

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

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

// ---- request XML ----

const csvIn = new CSVInputSerialization({ fileHeaderInfo: "USE" });
const csvOut = new CSVOutputSerialization();

test("SelectRequest: CSV in, CSV out, with every option", () => {
  const req = new SelectRequest(
    "SELECT * FROM S3Object s WHERE s.a < '5' AND s.b = \"x&y\"",
    new CSVInputSerialization({
      compressionType: "GZIP",
      allowQuotedRecordDelimiter: true,
      comments: "#",
      fieldDelimiter: ";",
      fileHeaderInfo: "IGNORE",
      quoteCharacter: "'",
      quoteEscapeCharacter: "\\",
      recordDelimiter: "\r\n",
    }),
    new CSVOutputSerialization({
      fieldDelimiter: "\t",
      quoteCharacter: '"',
      quoteEscapeCharacter: '"',
      quoteFields: "ALWAYS",
      recordDelimiter: "\n",
    }),
    { requestProgress: true },
  );
  equal(
    req.toXml(),
    `<SelectObjectContentRequest ${NS}>` +
      "<Expression>SELECT * FROM S3Object s WHERE s.a &lt; &apos;5&apos; AND s.b = &quot;x&amp;y&quot;</Expression>" +
      "<ExpressionType>SQL</ExpressionType>" +
      "<InputSerialization><CompressionType>GZIP</CompressionType><CSV>" +
      "<AllowQuotedRecordDelimiter>true</AllowQuotedRecordDelimiter><Comments>#</Comments>" +
      "<FieldDelimiter>;</FieldDelimiter><FileHeaderInfo>IGNORE</FileHeaderInfo>" +
      "<QuoteCharacter>&apos;</QuoteCharacter><QuoteEscapeCharacter>\\</QuoteEscapeCharacter>" +
      "<RecordDelimiter>&#xD;\n</RecordDelimiter></CSV></InputSerialization>" +
      "<OutputSerialization><CSV><FieldDelimiter>\t</FieldDelimiter>" +
      "<QuoteCharacter>&quot;</QuoteCharacter><QuoteEscapeCharacter>&quot;</QuoteEscapeCharacter>" +
      "<QuoteFields>ALWAYS</QuoteFields><RecordDelimiter>\n</RecordDelimiter></CSV>" +
      "</OutputSerialization>" +
      "<RequestProgress><Enabled>true</Enabled></RequestProgress>" +
      "</SelectObjectContentRequest>",
  );
});

test("SelectRequest: defaults leave the server's defaults in place", () => {
  equal(
    new SelectRequest("SELECT * FROM S3Object", new CSVInputSerialization(), csvOut).toXml(),
    `<SelectObjectContentRequest ${NS}><Expression>SELECT * FROM S3Object</Expression>` +
      "<ExpressionType>SQL</ExpressionType><InputSerialization><CSV></CSV></InputSerialization>" +
      "<OutputSerialization><CSV></CSV></OutputSerialization></SelectObjectContentRequest>",
  );
});

test("SelectRequest: JSON LINES in, JSON out; JSON input Type defaults to DOCUMENT", () => {
  const lines = new SelectRequest(
    "SELECT s.a FROM S3Object s",
    new JSONInputSerialization({ jsonType: "LINES", compressionType: "BZIP2" }),
    new JSONOutputSerialization({ recordDelimiter: "\r\n" }),
  ).toXml();
  match(
    lines,
    /<InputSerialization><CompressionType>BZIP2<\/CompressionType><JSON><Type>LINES<\/Type><\/JSON><\/InputSerialization><OutputSerialization><JSON><RecordDelimiter>&#xD;\n<\/RecordDelimiter><\/JSON><\/OutputSerialization>/,
  );
  const doc = new SelectRequest("SELECT * FROM S3Object", new JSONInputSerialization(), csvOut);
  match(doc.toXml(), /<JSON><Type>DOCUMENT<\/Type><\/JSON>/);
  match(
    new SelectRequest("SELECT 1 FROM S3Object", csvIn, new JSONOutputSerialization()).toXml(),
    /<OutputSerialization><JSON><\/JSON><\/OutputSerialization>/,
  );
});

test("SelectRequest: Parquet input", () => {
  match(
    new SelectRequest("SELECT * FROM S3Object", new ParquetInputSerialization(), csvOut).toXml(),
    /<InputSerialization><Parquet><\/Parquet><\/InputSerialization>/,
  );
  match(
    new SelectRequest(
      "SELECT * FROM S3Object",
      new ParquetInputSerialization({ compressionType: "NONE" }),
      csvOut,
    ).toXml(),
    /<InputSerialization><CompressionType>NONE<\/CompressionType><Parquet><\/Parquet>/,
  );
});

test("SelectRequest: scan range, a start of 0 included", () => {
  const xml = (o: { scanStartRange?: number; scanEndRange?: number }) =>
    new SelectRequest("SELECT * FROM S3Object", csvIn, csvOut, o).toXml();
  match(xml({ scanStartRange: 0, scanEndRange: 99 }), /<ScanRange><Start>0<\/Start><End>99<\/End>/);
  match(xml({ scanStartRange: 10 }), /<ScanRange><Start>10<\/Start><\/ScanRange>/);
  match(xml({ scanEndRange: 50 }), /<ScanRange><End>50<\/End><\/ScanRange>/);
  ok(!xml({}).includes("ScanRange"));
  const lines = new JSONInputSerialization({ jsonType: "LINES" });
  match(
    new SelectRequest("SELECT * FROM S3Object", lines, csvOut, { scanEndRange: 5 }).toXml(),
    /<ScanRange>/,
  );
});

test("serializations refuse bad options", () => {
  const bad: [() => unknown, RegExp][] = [
    [() => new CSVInputSerialization({ compressionType: "ZIP" as "GZIP" }), /compressionType/],
    [() => new CSVInputSerialization({ fileHeaderInfo: "use" as "USE" }), /fileHeaderInfo/],
    [() => new CSVInputSerialization({ quoteCharacter: "''" }), /quoteCharacter/],
    [() => new CSVInputSerialization({ quoteEscapeCharacter: "ab" }), /quoteEscapeCharacter/],
    [() => new CSVInputSerialization({ recordDelimiter: "" }), /recordDelimiter/],
    [() => new CSVInputSerialization({ recordDelimiter: "abc" }), /recordDelimiter/],
    [() => new CSVInputSerialization({ fieldDelimiter: "" }), /fieldDelimiter/],
    [() => new CSVInputSerialization({ comments: "" }), /comments/],
    [() => new CSVInputSerialization({ fieldDelimiter: 1 as unknown as string }), /fieldDelimiter/],
    [
      () => new CSVInputSerialization({ allowQuotedRecordDelimiter: "true" as unknown as boolean }),
      /allowQuotedRecordDelimiter/,
    ],
    [() => new CSVInputSerialization(null as unknown as object), /options must be an object/],
    [() => new JSONInputSerialization({ jsonType: "LINE" as "LINES" }), /jsonType/],
    [() => new JSONInputSerialization({ compressionType: "gzip" as "GZIP" }), /compressionType/],
    [() => new ParquetInputSerialization({ compressionType: "GZIP" as "NONE" }), /Parquet/],
    [() => new CSVOutputSerialization({ fieldDelimiter: "::" }), /fieldDelimiter/],
    [() => new CSVOutputSerialization({ quoteFields: "NEVER" as "ALWAYS" }), /quoteFields/],
    [() => new CSVOutputSerialization({ recordDelimiter: "\n\n\n" }), /recordDelimiter/],
    [() => new JSONOutputSerialization({ recordDelimiter: "" }), /recordDelimiter/],
  ];
  for (const [fn, msg] of bad) {
    throws(fn, (e: unknown) => e instanceof InvalidArgumentError && msg.test(e.message));
  }
  // Characters, not UTF-16 units or bytes, are counted.
  new CSVInputSerialization({ quoteCharacter: "😀", fieldDelimiter: "¦" });
  new CSVOutputSerialization({ fieldDelimiter: "😀", quoteCharacter: "" });
});

test("SelectRequest refuses bad arguments and impossible scan ranges", () => {
  const sql = "SELECT * FROM S3Object";
  const gz = new CSVInputSerialization({ compressionType: "GZIP" });
  const bad: [() => unknown, RegExp][] = [
    [() => new SelectRequest("", csvIn, csvOut), /expression/],
    [() => new SelectRequest("   ", csvIn, csvOut), /expression/],
    [() => new SelectRequest("x".repeat(256 * 1024 + 1), csvIn, csvOut), /256 KiB/],
    [() => new SelectRequest(sql, csvOut as unknown as CSVInputSerialization, csvOut), /input/],
    [() => new SelectRequest(sql, csvIn, csvIn as unknown as CSVOutputSerialization), /output/],
    [
      () => new SelectRequest(sql, csvIn, csvOut, { requestProgress: 1 as unknown as boolean }),
      /requestProgress/,
    ],
    [() => new SelectRequest(sql, csvIn, csvOut, { scanStartRange: -1 }), /scanStartRange/],
    [() => new SelectRequest(sql, csvIn, csvOut, { scanEndRange: 1.5 }), /scanEndRange/],
    [() => new SelectRequest(sql, csvIn, csvOut, { scanStartRange: 9, scanEndRange: 3 }), /after/],
    [() => new SelectRequest(sql, gz, csvOut, { scanStartRange: 0 }), /uncompressed/],
    [
      () => new SelectRequest(sql, new JSONInputSerialization(), csvOut, { scanEndRange: 9 }),
      /LINES/,
    ],
    [
      () =>
        new SelectRequest(
          sql,
          new CSVInputSerialization({ allowQuotedRecordDelimiter: true }),
          csvOut,
          { scanStartRange: 0 },
        ),
      /allowQuotedRecordDelimiter/,
    ],
  ];
  for (const [fn, msg] of bad) {
    throws(fn, (e: unknown) => e instanceof InvalidArgumentError && msg.test(e.message));
  }
});

// ---- what selectObjectContent sends ----

const request = new SelectRequest("SELECT * FROM S3Object", csvIn, csvOut);

/** A client whose fetch records requests and answers with `body`, streamed in `chunk`-byte pieces. */
function selectClient(body: Uint8Array, useSSL = false, chunk = body.length || 1) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    sent.push({
      method: req.method,
      url: new URL(req.url),
      headers: req.headers,
      body: new Uint8Array(await req.arrayBuffer()),
    });
    return new Response(streamOf(split(body, chunk)).stream, { status: 200 });
  };
  const client = new Minio({
    endPoint: "s3.example.test",
    port: 9000,
    useSSL,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    region: "us-east-1",
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
  return { client, sent };
}

test("selectObjectContent: POST /bucket/key?select&select-type=2 with the XML and its MD5", async () => {
  const body = concat(records("a\n"), event("Stats", statsXml(2, 2, 2)), END);
  const { client, sent } = selectClient(body);
  const r = await client.selectObjectContent("b-1", "dir/data.csv", request);
  equal(await r.text(), "a\n");
  deepEqual(r.stats(), { bytesScanned: 2, bytesProcessed: 2, bytesReturned: 2 });
  const s = sent[0];
  equal(s.method, "POST");
  equal(s.url.pathname, "/b-1/dir/data.csv");
  deepEqual(queryOf(s), [["select", ""], ["select-type", "2"]]);
  equal(dec.decode(s.body), request.toXml());
  equal(s.headers.get("content-type"), "application/xml");
  equal(s.headers.get("content-md5"), btoa(String.fromCharCode(...md5(s.body))));
  match(s.headers.get("authorization")!, /SignedHeaders=content-md5;content-type;host;/);
  equal(s.headers.get("x-amz-server-side-encryption-customer-key"), null);
});

test("selectObjectContent: SSE-C headers over TLS, refused over HTTP before the network", async () => {
  const ssec = new SseCustomerKey(new Uint8Array(32).fill(7));
  const tls = selectClient(END, true);
  await (await tls.client.selectObjectContent("b-1", "k", request, { ssec })).text();
  const h = tls.sent[0].headers;
  equal(h.get("x-amz-server-side-encryption-customer-algorithm"), "AES256");
  equal(h.get("x-amz-server-side-encryption-customer-key"), btoa("\x07".repeat(32)));
  ok(h.get("x-amz-server-side-encryption-customer-key-md5"));
  const http = selectClient(END);
  await rejects(http.client.selectObjectContent("b-1", "k", request, { ssec }), /requires a TLS/);
  equal(http.sent.length, 0);
});

test("selectObjectContent: bad arguments fail before the network", async () => {
  const { client, sent } = fakeClient();
  const bad: Promise<unknown>[] = [
    client.selectObjectContent("Bad_Bucket!", "k", request),
    client.selectObjectContent("b-1", "", request),
    client.selectObjectContent("b-1", "k", { toXml: () => "<x/>" } as unknown as SelectRequest),
    client.selectObjectContent("b-1", "k", request, {
      ssec: { headers: () => ({}) } as unknown as SseCustomerKey,
    }),
    client.selectObjectContent("b-1", "k", request, {
      onProgress: "yes" as unknown as () => void,
    }),
  ];
  for (const p of bad) await rejects(p, InvalidArgumentError);
  equal(sent.length, 0);
});

test("selectObjectContent: a body streamed in small pieces through fetch", async () => {
  const bytes = concat(records("x,1\n"), MINIO_CONT, records("y,2\n"), END);
  const { client } = selectClient(bytes, false, 3);
  const r = await client.selectObjectContent("b-1", "k", request);
  const got: string[] = [];
  for await (const c of r) got.push(dec.decode(c));
  deepEqual(got, ["x,1\n", "y,2\n"]);
});

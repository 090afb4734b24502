// S3 Select: request XML and what selectObjectContent sends. Server
// behaviour is in tests/integration.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  CSVInputSerialization,
  CSVOutputSerialization,
  InvalidArgumentError,
  JSONInputSerialization,
  JSONOutputSerialization,
  ParquetInputSerialization,
  SelectRequest,
  SseCustomerKey,
} from "../../mod.ts";
import { md5 } from "@noble/hashes/legacy.js";
import { fakeClient, fakeClientWith, queryOf } from "./fake_fetch.ts";
import {
  concat,
  dec,
  END,
  event,
  MINIO_CONT,
  records,
  split,
  statsXml,
  streamOf,
} from "./event_stream_frames.ts";

const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

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
  return fakeClientWith(
    () => new Response(streamOf(split(body, chunk)).stream, { status: 200 }),
    { useSSL },
  );
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

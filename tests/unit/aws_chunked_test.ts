// The aws-chunked body (src/core/aws_chunked.ts): AWS's chunk-signature
// example, the unsigned framing with its CRC32 trailer, and the core's use
// of it on Deno (a stream of views, and bytes again after a 501).
import { deepEqual, equal, test } from "../harness.ts";
import {
  awsChunkedBody,
  chunkSigner,
  STREAMING_SIGNED,
  STREAMING_UNSIGNED_TRAILER,
} from "../../src/core/aws_chunked.ts";
import { Minio } from "../../mod.ts";

const text = async (s: ReadableStream<Uint8Array>) => new TextDecoder().decode(await bytesOf(s));
async function bytesOf(s: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(s).arrayBuffer());
}

test("aws-chunked: AWS's example of signed chunks (64 KiB + 1 KiB of 'a')", async () => {
  // The example of Amazon S3's "Transferring payload in multiple chunks":
  // its seed signature, chunk signatures and Content-Length.
  const sign = chunkSigner(
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "20130524T000000Z",
    "us-east-1",
  );
  const seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  const body = new Uint8Array(66560).fill(0x61);
  const wire = await text(awsChunkedBody(body, { chunkSize: 65536, signer: { seed, sign } }));
  equal(wire.length, 66824);
  const heads = wire.split("\r\n").filter((l) => l.includes(";chunk-signature="));
  deepEqual(heads, [
    "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
  ]);
  equal(wire.endsWith("\r\n\r\n"), true);
});

test("aws-chunked: unsigned chunks end with the CRC32 trailer, and report progress", async () => {
  const seen: number[] = [];
  const wire = await text(
    awsChunkedBody(new TextEncoder().encode("123456789"), {
      chunkSize: 4,
      onBytes: (n) => seen.push(n),
    }),
  );
  // CRC32 of "123456789" is cbf43926.
  equal(wire, "4\r\n1234\r\n4\r\n5678\r\n1\r\n9\r\n0\r\nx-amz-checksum-crc32:y/Q5Jg==\r\n\r\n");
  deepEqual(seen, [4, 4, 1]);
});

test("aws-chunked: the chunks are views of the caller's bytes, not copies", async () => {
  const body = new Uint8Array(3 * 1024 * 1024 + 5);
  const reader = awsChunkedBody(body).getReader();
  const views: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.buffer === body.buffer) views.push(value);
  }
  deepEqual(views.map((v) => [v.byteOffset, v.length]), [
    [0, 1048576],
    [1048576, 1048576],
    [2097152, 1048576],
    [3145728, 5],
  ]);
});

const KIB64 = 64 * 1024;

/** What the client sent for one PUT: its payload hash, body form and sizes, and trailer. */
interface Sent {
  hash: string;
  stream: boolean;
  /** Bytes on the wire: a stream's framing included. */
  bytes: number;
  decodedLength: string | null;
  trailer: string | null;
}

/** A PUT's success. */
const stored = () => new Response(null, { status: 200, headers: { etag: '"e"' } });

/**
 * A client whose fetch records each request (a stream body read to its end)
 * and answers with `answer(sent)`, by default {@link stored}.
 */
function recordingClient(
  useSSL: boolean,
  answer: (s: Sent) => Response = stored,
): { client: Minio; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = new Minio({
    endPoint: "s3.example.com",
    useSSL,
    accessKey: "AKIDEXAMPLE",
    secretKey: "secret",
    region: "us-east-1",
    fetch: async (_url, init) => {
      const headers = init!.headers as Record<string, string>;
      const stream = init!.body instanceof ReadableStream;
      const bytes = stream
        ? (await bytesOf(init!.body as ReadableStream<Uint8Array>)).length
        : (init!.body as Uint8Array).length;
      const s: Sent = {
        hash: headers["x-amz-content-sha256"],
        stream,
        bytes,
        decodedLength: headers["x-amz-decoded-content-length"] ?? null,
        trailer: headers["x-amz-trailer"] ?? null,
      };
      sent.push(s);
      return answer(s);
    },
  });
  return { client, sent };
}

/** A payload hash as the tests compare it: a hex SHA-256 as "sha256". */
const hashForm = (hash: string) => hash.length === 64 ? "sha256" : hash;

test("aws-chunked: on Deno a body of 64 KiB or more goes as a stream, a smaller one as bytes", async () => {
  const { client, sent } = recordingClient(false);
  await client.putObject("bkt", "small", new Uint8Array(4096));
  await client.putObject("bkt", "under", new Uint8Array(KIB64 - 1));
  await client.putObject("bkt", "at", new Uint8Array(KIB64));
  const deno = "Deno" in globalThis;
  deepEqual(sent.map((s) => [s.bytes > KIB64 ? "framed" : s.bytes, hashForm(s.hash), s.stream]), [
    [4096, "sha256", false],
    [KIB64 - 1, "sha256", false],
    // On Deno the framed stream is longer than its data (chunk headers and signatures).
    deno ? ["framed", STREAMING_SIGNED, true] : [KIB64, "sha256", false],
  ]);
});

test("aws-chunked: on Deno a part goes as a stream; after a 501 as bytes, from then on", async () => {
  if (!("Deno" in globalThis)) return; // Node and Bun send a stream's Content-Length.
  let refuse = true;
  const { client, sent } = recordingClient(false, ({ stream }) => {
    if (stream && refuse) {
      refuse = false;
      return new Response(
        "<Error><Code>NotImplemented</Code><Header>Transfer-Encoding</Header></Error>",
        { status: 501 },
      );
    }
    return stored();
  });
  await client.putObject("bkt", "one", new Uint8Array(KIB64));
  await client.putObject("bkt", "two", new Uint8Array(KIB64));
  deepEqual(sent.map((s) => [hashForm(s.hash), s.stream, s.decodedLength]), [
    [STREAMING_SIGNED, true, String(KIB64)],
    ["sha256", false, null],
    ["sha256", false, null],
  ]);
});

test("aws-chunked: over TLS the stream is unsigned with a trailer, unless a checksum is asked", async () => {
  if (!("Deno" in globalThis)) return;
  const { client, sent } = recordingClient(true);
  await client.putObject("bkt", "one", new Uint8Array(KIB64));
  await client.putObject("bkt", "two", new Uint8Array(KIB64), undefined, { checksum: "CRC32" });
  deepEqual(sent.map((s) => [s.hash, s.trailer]), [
    [STREAMING_UNSIGNED_TRAILER, "x-amz-checksum-crc32"],
    ["UNSIGNED-PAYLOAD", null],
  ]);
});

// Which bodies putObject sends in one PUT without loading the part reader
// (bytes up to the smallest part, no partSize) and which take the part path,
// where the part size decides; the same bytes go out either way.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";

const MiB = 1024 * 1024;
const INIT =
  `<InitiateMultipartUploadResult><UploadId>UP1</UploadId></InitiateMultipartUploadResult>`;
const DONE = `<CompleteMultipartUploadResult><ETag>"m-2"</ETag></CompleteMultipartUploadResult>`;

function bytes(n: number): Uint8Array {
  return new Uint8Array(n).map((_, i) => i % 251);
}

test("putObject: 5 MiB of bytes (the smallest part) is one PUT of those bytes", async () => {
  const { client, sent } = fakeClient([{ headers: { etag: '"e"' } }]);
  const data = bytes(5 * MiB);
  const res = await client.putObject("b-1", "k", data);
  equal(sent.length, 1);
  equal(sent[0].method, "PUT");
  deepEqual(queryOf(sent[0]), []);
  deepEqual(sent[0].body, data);
  equal(res.etag, "e");
});

test("putObject: a view of part of a buffer sends just its bytes", async () => {
  const { client, sent } = fakeClient([{}]);
  const data = bytes(100);
  await client.putObject("b-1", "k", new DataView(data.buffer, 10, 20));
  deepEqual(sent[0].body, data.subarray(10, 30));
});

test("putObject: bytes up to 16 MiB are one PUT by default on Deno, Bun and Node", async () => {
  const { client, sent } = fakeClient([{ headers: { etag: '"e"' } }]);
  const data = bytes(16 * MiB);
  await client.putObject("b-1", "k", data);
  equal(sent.length, 1);
  deepEqual(queryOf(sent[0]), []);
  equal(sent[0].body.length, 16 * MiB);
});

test("putObject: one byte over 16 MiB is two parts of 16 MiB and 1 byte by default", async () => {
  const { client, sent } = fakeClient([
    { body: INIT },
    { headers: { etag: '"p1"' } },
    { headers: { etag: '"p2"' } },
    { body: DONE },
  ]);
  const data = bytes(16 * MiB + 1);
  await client.putObject("b-1", "k", data, undefined, { concurrency: 1 });
  deepEqual(sent.map((s) => s.method), ["POST", "PUT", "PUT", "POST"]);
  equal(sent[1].body.length, 16 * MiB);
  deepEqual(sent[2].body, data.subarray(16 * MiB));
});

test("putObject: bytes within a larger partSize are one PUT", async () => {
  const { client, sent } = fakeClient([{ headers: { etag: '"e"' } }]);
  const data = bytes(6 * MiB);
  await client.putObject("b-1", "k", data, undefined, { partSize: 16 * MiB });
  equal(sent.length, 1);
  deepEqual(queryOf(sent[0]), []);
  deepEqual(sent[0].body, data);
});

test("putObject: a bad partSize is refused even for a small body, before any request", async () => {
  const { client, sent } = fakeClient([]);
  for (const partSize of [0, NaN, 5 * MiB - 1]) {
    await rejects(client.putObject("b-1", "k", "x", undefined, { partSize }), /partSize/);
  }
  equal(sent.length, 0);
});

test("putObject: an aborted signal stops a small upload before any request", async () => {
  const { client, sent } = fakeClient([]);
  const signal = AbortSignal.abort(new Error("stop"));
  await rejects(client.putObject("b-1", "k", "x", undefined, { signal }), /stop/);
  equal(sent.length, 0);
});

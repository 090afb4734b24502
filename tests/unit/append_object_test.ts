// What appendObject sends: HEAD for the size, then PUTs at increasing write offsets.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { InvalidArgumentError, InvalidResponseError, S3Error } from "../../mod.ts";
import { fakeClient } from "./fake_fetch.ts";

const MiB = 1024 * 1024;

test("appendObject: HEAD, then one PUT per chunk at the running offset", async () => {
  const { client, sent } = fakeClient([
    { headers: { "content-length": "100", etag: '"e0"' } },
    { headers: { "x-amz-object-size": String(100 + 5 * MiB), etag: '"e1"' } },
    { headers: { "x-amz-object-size": String(100 + 10 * MiB), etag: '"e2"' } },
    { headers: { "x-amz-object-size": String(100 + 12 * MiB), etag: '"e3"' } },
  ]);
  const progress: number[] = [];
  const body = new Uint8Array(12 * MiB).map((_, i) => i % 251);
  const r = await client.appendObject("b-1", "log.txt", body, {
    chunkSize: 5 * MiB,
    onProgress: (p) => progress.push(p.loaded),
  });
  deepEqual(sent.map((s) => s.method), ["HEAD", "PUT", "PUT", "PUT"]);
  equal(sent[1].url.pathname, "/b-1/log.txt");
  deepEqual(
    sent.slice(1).map((s) => s.headers.get("x-amz-write-offset-bytes")),
    ["100", String(100 + 5 * MiB), String(100 + 10 * MiB)],
  );
  deepEqual(sent.slice(1).map((s) => s.body.length), [5 * MiB, 5 * MiB, 2 * MiB]);
  deepEqual(sent[3].body, body.subarray(10 * MiB));
  equal(progress.at(-1), 12 * MiB);
  deepEqual({ etag: r.etag, size: r.size }, { etag: "e3", size: 100 + 12 * MiB });
});

test("appendObject: the whole body goes in one PUT by default", async () => {
  const { client, sent } = fakeClient([
    { headers: { "content-length": "0" } },
    { headers: { "x-amz-object-size": "5" } },
  ]);
  const r = await client.appendObject("b-1", "k", "hello");
  equal(sent.length, 2);
  equal(sent[1].headers.get("x-amz-write-offset-bytes"), "0");
  equal(r.size, 5);
});

test("appendObject: an answer without x-amz-object-size means the server did not append", async () => {
  const { client } = fakeClient([{ headers: { "content-length": "3" } }, { status: 200 }]);
  await rejects(
    client.appendObject("b-1", "k", "more"),
    (e: unknown) => e instanceof InvalidResponseError && /did not append/.test(e.message),
  );
});

test("appendObject: the server's refusal is an S3Error", async () => {
  const { client } = fakeClient([
    { headers: { "content-length": "3" } },
    {
      status: 400,
      headers: { "content-type": "application/xml" },
      body:
        `<Error><Code>BadRequest</Code><Message>An unsupported API call for method: PUT at '/b-1/k'</Message></Error>`,
    },
  ]);
  await rejects(
    client.appendObject("b-1", "k", "more"),
    (e: unknown) => e instanceof S3Error && e.code === "BadRequest" && e.status === 400,
  );
});

test("appendObject: bad input is refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.appendObject("b-1", "k", ""), /must not be empty/);
  await rejects(client.appendObject("b-1", "k", "x", { chunkSize: 1024 }), /chunkSize/);
  await rejects(client.appendObject("b-1", "k", 3 as unknown as string), InvalidArgumentError);
  await rejects(client.appendObject("b-1", "", "x"), InvalidArgumentError);
  equal(sent.length, 0);
});

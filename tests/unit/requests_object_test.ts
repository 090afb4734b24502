// What each object operation sends: method, path, query, headers, body.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const dec = new TextDecoder();

test("putObject: PUT /bucket/key with body, its SHA-256, content type and metadata", async () => {
  const { client, sent } = fakeClient([{
    status: 200,
    headers: { etag: '"abc"', "x-amz-version-id": "v1" },
  }]);
  const res = await client.putObject("b-1", "dir/a b+c.txt", "hello", undefined, {
    contentType: "text/plain",
    metadata: { Author: "me", "x-amz-meta-Color": "red", "Cache-Control": "no-cache" },
  });
  const s = sent[0];
  equal(s.method, "PUT");
  equal(s.url.pathname, "/b-1/dir/a%20b%2Bc.txt");
  equal(dec.decode(s.body), "hello");
  // Under 64 KiB, as bytes on every runtime (Deno streams larger bodies aws-chunked).
  equal(
    s.headers.get("x-amz-content-sha256"),
    bytesToHex(sha256(new TextEncoder().encode("hello"))),
  );
  equal(s.headers.get("x-amz-decoded-content-length"), null);
  equal(s.headers.get("content-type"), "text/plain");
  equal(s.headers.get("x-amz-meta-author"), "me");
  equal(s.headers.get("x-amz-meta-color"), "red");
  equal(s.headers.get("cache-control"), "no-cache");
  match(
    s.headers.get("authorization")!,
    /SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-author;x-amz-meta-color,/,
  );
  equal(res.etag, "abc");
  equal(res.versionId, "v1");
});

test("putObject: Uint8Array, ArrayBuffer and Blob bodies send the same bytes", async () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  const { client, sent } = fakeClient([{}, {}, {}]);
  await client.putObject("b-1", "k", bytes);
  await client.putObject("b-1", "k", bytes.buffer);
  await client.putObject("b-1", "k", new Blob([bytes]), 5);
  for (const s of sent) {
    deepEqual([...s.body], [...bytes]);
    equal(s.headers.get("content-type"), "application/octet-stream");
  }
});

test("getObject: GET with Range, versionId and conditions", async () => {
  const { client, sent } = fakeClient([{
    status: 206,
    body: "ell",
    headers: {
      "content-range": "bytes 1-3/5",
      etag: '"e"',
      "x-amz-meta-a": "1",
      "content-type": "text/plain",
    },
  }]);
  const since = new Date("2026-01-01T00:00:00Z");
  const res = await client.getObject("b-1", "k", {
    offset: 1,
    length: 3,
    versionId: "v9",
    matchETag: '"e"',
    modifiedSince: since,
  });
  const s = sent[0];
  equal(s.method, "GET");
  equal(s.url.pathname, "/b-1/k");
  deepEqual(queryOf(s), [["versionId", "v9"]]);
  equal(s.headers.get("range"), "bytes=1-3");
  equal(s.headers.get("if-match"), '"e"');
  equal(s.headers.get("if-modified-since"), since.toUTCString());
  equal(res.status, 206);
  equal(res.stat.size, 5);
  equal(res.stat.etag, "e");
  deepEqual(res.stat.metadata, { a: "1" });
  equal(await res.text(), "ell");
});

test("getObject: offset alone is an open range", async () => {
  const { client, sent } = fakeClient([{ body: "x" }]);
  await client.getObject("b-1", "k", { offset: 10 });
  equal(sent[0].headers.get("range"), "bytes=10-");
});

test("statObject: HEAD, typed stat from headers", async () => {
  const { client, sent } = fakeClient([{
    headers: {
      "content-length": "42",
      etag: '"d41d"',
      "last-modified": "Thu, 26 Nov 2026 10:00:00 GMT",
      "content-type": "image/png",
      "x-amz-version-id": "v2",
      "x-amz-meta-owner": "alice",
    },
  }]);
  const st = await client.statObject("b-1", "k", { versionId: "v2" });
  equal(sent[0].method, "HEAD");
  deepEqual(queryOf(sent[0]), [["versionId", "v2"]]);
  equal(st.size, 42);
  equal(st.etag, "d41d");
  equal(st.contentType, "image/png");
  equal(st.versionId, "v2");
  deepEqual(st.lastModified, new Date("2026-11-26T10:00:00Z"));
  deepEqual(st.metadata, { owner: "alice" });
});

test("removeObject: DELETE with versionId and governance bypass", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.removeObject("b-1", "k", { versionId: "v3", governanceBypass: true });
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/b-1/k");
  deepEqual(queryOf(sent[0]), [["versionId", "v3"]]);
  equal(sent[0].headers.get("x-amz-bypass-governance-retention"), "true");
});

const page = (items: string, next?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b-1</Name><Prefix></Prefix>
<KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>%2F</Delimiter><EncodingType>url</EncodingType>
<IsTruncated>${next ? "true" : "false"}</IsTruncated>${
    next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ""
  }
${items}</ListBucketResult>`;

test("listObjects: V2 query, url-decoded names, paging with the continuation token", async () => {
  const { client, sent } = fakeClient([
    {
      body: page(
        `<Contents><Key>a%20b%2Bc.txt</Key><LastModified>2026-11-26T10:00:00.000Z</LastModified><ETag>&quot;e1&quot;</ETag><Size>5</Size><StorageClass>STANDARD</StorageClass></Contents>
<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>`,
        "tok/1",
      ),
    },
    { body: page(`<Contents><Key>z</Key><Size>1</Size></Contents>`) },
  ]);
  const items = [];
  for await (const o of client.listObjects("b-1", { prefix: "", startAfter: "a" })) items.push(o);
  deepEqual(queryOf(sent[0]), [
    ["delimiter", "/"],
    ["encoding-type", "url"],
    ["list-type", "2"],
    ["prefix", ""],
    ["start-after", "a"],
  ]);
  ok(sent[1].url.searchParams.get("continuation-token") === "tok/1");
  deepEqual(items.map((i) => [i.name, i.isDir, i.size]), [
    ["a b+c.txt", false, 5],
    ["dir/", true, 0],
    ["z", false, 1],
  ]);
  equal(items[0].etag, "e1");
  equal(items[0].storageClass, "STANDARD");
  deepEqual(items[0].lastModified, new Date("2026-11-26T10:00:00.000Z"));
});

test("listObjects: recursive drops the delimiter; owner and metadata flags", async () => {
  const { client, sent } = fakeClient([{
    body: page(
      `<Contents><Key>k</Key><Size>1</Size><Owner><ID>id1</ID><DisplayName>me</DisplayName></Owner><UserMetadata><X-Amz-Meta-Color>red</X-Amz-Meta-Color><content-type>text/plain</content-type></UserMetadata></Contents>`,
    ),
  }]);
  const items = [];
  for await (
    const o of client.listObjects("b-1", {
      recursive: true,
      fetchOwner: true,
      includeUserMetadata: true,
      maxKeys: 10,
    })
  ) items.push(o);
  const q = new Map(queryOf(sent[0]));
  equal(q.has("delimiter"), false);
  equal(q.get("fetch-owner"), "true");
  equal(q.get("metadata"), "true");
  equal(q.get("max-keys"), "10");
  deepEqual(items[0].owner, { id: "id1", displayName: "me" });
  deepEqual(items[0].metadata, { color: "red", "content-type": "text/plain" });
});

test("extraHeaders and extraQueryParams are sent and signed", async () => {
  const { client, sent } = fakeClient([{}]);
  await client.statObject("b-1", "k", {
    extraHeaders: { "X-Custom": "1" },
    extraQueryParams: { "partNumber": "1" },
  });
  equal(sent[0].headers.get("x-custom"), "1");
  equal(sent[0].url.searchParams.get("partNumber"), "1");
  match(
    sent[0].headers.get("authorization")!,
    /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-custom,/,
  );
});

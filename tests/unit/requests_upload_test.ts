// What uploads send: single PUT vs multipart, the multipart calls, the
// write headers (tags, retention, legal hold, SSE, storage class), aborts.
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import {
  GOVERNANCE,
  InvalidArgumentError,
  Retention,
  SseCustomerKey,
  SseKMS,
  SseS3,
  Tags,
} from "../../mod.ts";

const MiB = 1024 * 1024;
const dec = new TextDecoder();
const INIT =
  `<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b-1</Bucket><Key>k</Key><UploadId>UP1</UploadId></InitiateMultipartUploadResult>`;
const DONE =
  `<CompleteMultipartUploadResult><Location>x</Location><Bucket>b-1</Bucket><Key>k</Key><ETag>&quot;abc-3&quot;</ETag></CompleteMultipartUploadResult>`;

test("putObject over one part: create, parts 1..N with uploadId, complete with ETags in order", async () => {
  const { client, sent } = fakeClient([
    { body: INIT },
    { headers: { etag: '"e1"' } },
    { headers: { etag: '"e2"' } },
    { headers: { etag: '"e3"' } },
    { body: DONE, headers: { "x-amz-version-id": "V" } },
  ]);
  const data = new Uint8Array(11 * MiB).fill(1);
  const seen: number[] = [];
  const res = await client.putObject("b-1", "k", data, undefined, {
    partSize: 5 * MiB,
    concurrency: 1,
    contentType: "text/x",
    metadata: { a: "1" },
    onProgress: (p) => seen.push(p.loaded),
  });
  equal(sent.length, 5);
  equal(sent[0].method, "POST");
  deepEqual(queryOf(sent[0]), [["uploads", ""]]);
  equal(sent[0].headers.get("content-type"), "text/x");
  equal(sent[0].headers.get("x-amz-meta-a"), "1");
  for (const [i, size] of [[1, 5 * MiB], [2, 5 * MiB], [3, MiB]]) {
    equal(sent[i].method, "PUT");
    deepEqual(queryOf(sent[i]), [["partNumber", String(i)], ["uploadId", "UP1"]]);
    equal(sent[i].body.length, size);
    equal(sent[i].headers.get("x-amz-meta-a"), null, "metadata only on create");
  }
  equal(sent[4].method, "POST");
  deepEqual(queryOf(sent[4]), [["uploadId", "UP1"]]);
  equal(
    dec.decode(sent[4].body),
    '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      "<Part><PartNumber>1</PartNumber><ETag>&quot;e1&quot;</ETag></Part>" +
      "<Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag></Part>" +
      "<Part><PartNumber>3</PartNumber><ETag>&quot;e3&quot;</ETag></Part></CompleteMultipartUpload>",
  );
  equal(sent[4].headers.get("content-md5"), null);
  equal(res.etag, "abc-3");
  equal(res.versionId, "V");
  equal(seen.at(-1), data.length);
});

test("a failing part aborts the upload (DELETE ?uploadId) and the error surfaces", async () => {
  const { client, sent } = fakeClient([
    { body: INIT },
    { headers: { etag: '"e1"' } },
    { status: 400, body: "<Error><Code>InvalidPart</Code><Message>bad</Message></Error>" },
    { status: 204 },
  ]);
  await rejects(
    client.putObject("b-1", "k", new Uint8Array(12 * MiB), undefined, {
      partSize: 5 * MiB,
      concurrency: 1,
    }),
    /InvalidPart/,
  );
  const last = sent.at(-1)!;
  equal(last.method, "DELETE");
  deepEqual(queryOf(last), [["uploadId", "UP1"]]);
});

test("CompleteMultipartUpload answering 200 with an <Error> body is an error", async () => {
  const { client } = fakeClient([
    { body: INIT },
    { headers: { etag: '"e1"' } },
    { headers: { etag: '"e2"' } },
    { body: "<Error><Code>InternalError</Code><Message>oops</Message></Error>" },
    { status: 204 },
  ]);
  await rejects(
    client.putObject("b-1", "k", new Uint8Array(6 * MiB), undefined, {
      partSize: 5 * MiB,
      concurrency: 1,
    }),
    /InternalError: oops/,
  );
});

test("write headers: tags, retention, legal hold, storage class, SSE-S3 / KMS", async () => {
  const { client, sent } = fakeClient([{}, {}], { useSSL: true });
  const until = new Date("2030-01-02T03:04:05.000Z");
  await client.putObject("b-1", "k", "x", undefined, {
    tags: Tags.from({ "a b": "c/d", e: "" }),
    retention: new Retention(GOVERNANCE, until),
    legalHold: true,
    storageClass: "REDUCED_REDUNDANCY",
    sse: new SseS3(),
  });
  const h = sent[0].headers;
  equal(h.get("x-amz-tagging"), "a%20b=c%2Fd&e=");
  equal(h.get("x-amz-object-lock-mode"), "GOVERNANCE");
  equal(h.get("x-amz-object-lock-retain-until-date"), "2030-01-02T03:04:05.000Z");
  equal(h.get("x-amz-object-lock-legal-hold"), "ON");
  equal(h.get("x-amz-storage-class"), "REDUCED_REDUNDANCY");
  equal(h.get("x-amz-server-side-encryption"), "AES256");
  await client.putObject("b-1", "k", "x", undefined, { sse: new SseKMS("key1", { a: 1 }) });
  equal(sent[1].headers.get("x-amz-server-side-encryption"), "aws:kms");
  equal(sent[1].headers.get("x-amz-server-side-encryption-aws-kms-key-id"), "key1");
  equal(atob(sent[1].headers.get("x-amz-server-side-encryption-context")!), '{"a":1}');
});

test("SSE-C: key headers on create, every part and complete; key MD5 is right", async () => {
  const key = new Uint8Array(32).fill(7);
  const { client, sent } = fakeClient([
    { body: INIT },
    { headers: { etag: '"e1"' } },
    { headers: { etag: '"e2"' } },
    { body: DONE },
  ], { useSSL: true });
  await client.putObject("b-1", "k", new Uint8Array(6 * MiB), undefined, {
    sse: new SseCustomerKey(key),
    concurrency: 1,
  });
  for (const s of sent) {
    equal(s.headers.get("x-amz-server-side-encryption-customer-algorithm"), "AES256");
    equal(
      s.headers.get("x-amz-server-side-encryption-customer-key"),
      btoa(String.fromCharCode(...key)),
    );
    // MD5 of 32 bytes of 0x07, computed independently with `openssl md5`.
    equal(
      s.headers.get("x-amz-server-side-encryption-customer-key-md5"),
      "y4HAEFCYWuvAXWFTtA1Qpg==",
    );
  }
});

test("SSE-C never prints its key", () => {
  const key = new SseCustomerKey(new Uint8Array(32).fill(9));
  const b64 = btoa(String.fromCharCode(...new Uint8Array(32).fill(9)));
  for (const s of [String(key), JSON.stringify({ key }), `${key}`]) equal(s.includes(b64), false);
});

test("upload options are checked before the network", async () => {
  const { client, sent } = fakeClient([], { useSSL: true });
  await rejects(client.putObject("b-1", "k", "x", undefined, { partSize: MiB }), /partSize/);
  await rejects(client.putObject("b-1", "k", "x", undefined, { concurrency: 0 }), /concurrency/);
  await rejects(client.putObject("b-1", "k", "x", undefined, { tags: { "a&b": "c" } }), /tag key/);
  await rejects(
    client.putObject("b-1", "k", "x", undefined, {
      tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])),
    }),
    /only 10 object tags/,
  );
  await rejects(client.putObject("b-1", "k", "x", 2), /does not match/);
  await rejects(client.putObject("b-1", "k", 5 as unknown as string), InvalidArgumentError);
  await rejects(
    client.putObject("b-1", "k", "x", undefined, {
      retention: { mode: "GOVERNANCE" } as unknown as Retention,
    }),
    /retention must be a Retention/,
  );
  equal(sent.length, 0);
  let threw = false;
  try {
    new SseCustomerKey(new Uint8Array(16));
  } catch (e) {
    threw = e instanceof InvalidArgumentError;
    match(String(e), /32 bytes/);
  }
  ok(threw);
});

test("getObject: SSE-C headers, response header overrides, progress", async () => {
  const { client, sent } = fakeClient([{ body: "abcdef", headers: { "content-length": "6" } }], {
    useSSL: true,
  });
  const seen: number[] = [];
  const res = await client.getObject("b-1", "k", {
    ssec: new SseCustomerKey(new Uint8Array(32)),
    responseHeaders: {
      "response-content-type": "text/csv",
      "response-content-disposition": "attachment",
    },
    onProgress: (p) => seen.push(p.loaded),
  });
  equal(await res.text(), "abcdef");
  equal(sent[0].headers.get("x-amz-server-side-encryption-customer-algorithm"), "AES256");
  equal(sent[0].url.searchParams.get("response-content-type"), "text/csv");
  equal(sent[0].url.searchParams.get("response-content-disposition"), "attachment");
  equal(seen.at(-1), 6);
  await rejects(
    client.getObject("b-1", "k", { responseHeaders: { "x-foo": "1" } }),
    /responseHeaders/,
  );
  const http = fakeClient();
  await rejects(
    http.client.getObject("b-1", "k", { ssec: new SseCustomerKey(new Uint8Array(32)) }),
    /TLS/,
  );
});

test("getPartialObject is a ranged GET", async () => {
  const { client, sent } = fakeClient([{ body: "x" }]);
  await client.getPartialObject("b-1", "k", 5, 10);
  equal(sent[0].headers.get("range"), "bytes=5-14");
  await rejects(client.getPartialObject("b-1", "k", -1), /offset/);
});

test("checksum: header on single PUT; algorithm on create, per part and in the completion", async () => {
  const single = fakeClient([{}]);
  await single.client.putObject("b-1", "k", "123456789", undefined, { checksum: "CRC32" });
  // CRC-32 of "123456789" is 0xCBF43926 (the standard check value).
  equal(
    single.sent[0].headers.get("x-amz-checksum-crc32"),
    btoa(String.fromCharCode(0xcb, 0xf4, 0x39, 0x26)),
  );

  const { client, sent } = fakeClient([
    { body: INIT },
    { headers: { etag: '"e1"' } },
    { headers: { etag: '"e2"' } },
    { body: DONE },
  ]);
  await client.putObject("b-1", "k", new Uint8Array(6 * MiB), undefined, {
    checksum: "CRC32C",
    partSize: 5 * MiB,
    concurrency: 1,
  });
  equal(sent[0].headers.get("x-amz-checksum-algorithm"), "CRC32C");
  const p1 = sent[1].headers.get("x-amz-checksum-crc32c");
  const p2 = sent[2].headers.get("x-amz-checksum-crc32c");
  ok(p1 && p2 && p1 !== p2);
  const xml = dec.decode(sent[3].body);
  ok(xml.includes(`<ChecksumCRC32C>${p1}</ChecksumCRC32C>`));
  ok(xml.includes(`<ChecksumCRC32C>${p2}</ChecksumCRC32C>`));
  await rejects(
    client.putObject("b-1", "k", "x", undefined, { checksum: "MD5" as "CRC32" }),
    /checksum must be/,
  );
});

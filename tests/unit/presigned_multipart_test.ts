// What the presigned multipart calls send: CreateMultipartUpload with the
// write headers and nothing else, part URLs signed as getPresignedUrl signs
// them, ListParts pages, CompleteMultipartUpload with checked and sorted
// parts, AbortMultipartUpload; bad input refused before any request.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { Credentials, InvalidArgumentError, Minio, SseCustomerKey, SseS3 } from "../../mod.ts";
import {
  fakeClient,
  queryOf,
  recordRequest,
  type Reply,
  replyResponse,
  type Sent,
} from "./fake_fetch.ts";

const MiB = 1024 * 1024;
const DATE = new Date("2026-01-02T03:04:05Z");
const dec = new TextDecoder();
const INIT =
  `<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b-1</Bucket><Key>k</Key><UploadId>UP1</UploadId></InitiateMultipartUploadResult>`;
const DONE =
  `<CompleteMultipartUploadResult><Bucket>b-1</Bucket><Key>k</Key><ETag>&quot;abc-3&quot;</ETag></CompleteMultipartUploadResult>`;

test("createPresignedMultipartUpload: one POST ?uploads with the write headers, then URLs signed offline", async () => {
  const { client, sent } = fakeClient([{ body: INIT }]);
  const plan = await client.createPresignedMultipartUpload("b-1", "dir/a b.bin", 12 * MiB + 1, {
    contentType: "video/mp4",
    metadata: { owner: "me" },
    sse: new SseS3(),
    expires: 3600,
    requestDate: DATE,
  });
  equal(sent.length, 1);
  equal(sent[0].method, "POST");
  equal(sent[0].url.pathname, "/b-1/dir/a%20b.bin");
  deepEqual(queryOf(sent[0]), [["uploads", ""]]);
  equal(sent[0].headers.get("content-type"), "video/mp4");
  equal(sent[0].headers.get("x-amz-meta-owner"), "me");
  equal(sent[0].headers.get("x-amz-server-side-encryption"), "AES256");

  deepEqual(
    { ...plan, parts: plan.parts.map(({ url: _, ...p }) => p) },
    {
      bucket: "b-1",
      name: "dir/a b.bin",
      uploadId: "UP1",
      size: 12 * MiB + 1,
      partSize: 5 * MiB,
      expiresAt: "2026-01-02T04:04:05.000Z",
      parts: [
        { partNumber: 1, offset: 0, size: 5 * MiB },
        { partNumber: 2, offset: 5 * MiB, size: 5 * MiB },
        { partNumber: 3, offset: 10 * MiB, size: 2 * MiB + 1 },
      ],
    },
  );
  for (const p of plan.parts) {
    const expected = await client.getPresignedUrl("PUT", "b-1", "dir/a b.bin", {
      expires: 3600,
      requestDate: DATE,
      extraQueryParams: { partNumber: String(p.partNumber), uploadId: "UP1" },
    });
    equal(p.url, expected);
    const q = new URL(p.url).searchParams;
    equal(q.get("partNumber"), String(p.partNumber));
    equal(q.get("uploadId"), "UP1");
    equal(q.get("X-Amz-Expires"), "3600");
  }
  equal(sent.length, 1, "presigning sends nothing");
});

test("createPresignedMultipartUpload: an empty file is one empty part; partSize is honoured", async () => {
  const { client } = fakeClient([{ body: INIT }, { body: INIT }]);
  const empty = await client.createPresignedMultipartUpload("b-1", "k", 0);
  deepEqual(empty.parts.map((p) => [p.partNumber, p.offset, p.size]), [[1, 0, 0]]);
  const big = await client.createPresignedMultipartUpload("b-1", "k", 20 * MiB, {
    partSize: 8 * MiB,
  });
  deepEqual(big.parts.map((p) => [p.partNumber, p.offset, p.size]), [
    [1, 0, 8 * MiB],
    [2, 8 * MiB, 8 * MiB],
    [3, 16 * MiB, 4 * MiB],
  ]);
});

test("createPresignedMultipartUpload: bad input fails before any request", async () => {
  const { client, sent } = fakeClient();
  const { client: tls, sent: sentTls } = fakeClient([], { useSSL: true });
  const bad: [string, () => Promise<unknown>][] = [
    ["size", () => client.createPresignedMultipartUpload("b-1", "k", -1)],
    ["size", () => client.createPresignedMultipartUpload("b-1", "k", 1.5)],
    ["expires", () => client.createPresignedMultipartUpload("b-1", "k", 1, { expires: 0 })],
    ["expires", () => client.createPresignedMultipartUpload("b-1", "k", 1, { expires: 604801 })],
    [
      "requestDate",
      () => client.createPresignedMultipartUpload("b-1", "k", 1, { requestDate: new Date("x") }),
    ],
    ["partSize", () => client.createPresignedMultipartUpload("b-1", "k", 1, { partSize: MiB })],
    ["presigned part URLs", () =>
      tls.createPresignedMultipartUpload("b-1", "k", 1, {
        sse: new SseCustomerKey(new Uint8Array(32)),
      })],
    ["sse", () =>
      // deno-lint-ignore no-explicit-any
      client.createPresignedMultipartUpload("b-1", "k", 1, { sse: "AES256" as any })],
    [
      "partNumbers",
      () => client.createPresignedMultipartUpload("b-1", "k", 1, { partNumbers: [1] }),
    ],
    ["bucket", () => client.createPresignedMultipartUpload("B", "k", 1)],
    ["object name", () => client.createPresignedMultipartUpload("b-1", "", 1)],
  ];
  for (const [what, call] of bad) {
    await rejects(call(), (e: unknown) => {
      ok(e instanceof InvalidArgumentError, `${what}: ${e}`);
      ok((e as Error).message.includes(what), `${what}: ${(e as Error).message}`);
      return true;
    });
  }
  equal(sent.length + sentTls.length, 0);
});

test("createPresignedMultipartUpload: signing trouble after the create aborts the upload", async () => {
  const sent: Sent[] = [];
  const replies: Reply[] = [{ body: INIT }, { status: 204 }];
  let calls = 0;
  // The provider answers the create's signature, then fails: the presigned
  // URLs cannot be made, and neither can the abort that follows.
  const client = new Minio({
    endPoint: "s3.example.test",
    port: 9000,
    useSSL: false,
    region: "us-east-1",
    maxRetries: 0,
    credentials: {
      getCredentials: () =>
        ++calls > 1
          ? Promise.reject(new Error("provider down"))
          : Promise.resolve(new Credentials("AKIDTEST", "wJalrXUtnFEMI/SECRET/KEY")),
    },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const s = await recordRequest(input, init);
      sent.push(s);
      return replyResponse(replies.shift() ?? {}, s.method);
    },
  });
  await rejects(client.createPresignedMultipartUpload("b-1", "k", 1), /provider down/);
  deepEqual(sent.map((s) => [s.method, queryOf(s)]), [["POST", [["uploads", ""]]]]);
});

test("presignedUploadParts: fresh URLs for some parts of an existing upload, no request", async () => {
  const { client, sent } = fakeClient();
  const plan = await client.presignedUploadParts("b-1", "k", "UP9", 11 * MiB, {
    partNumbers: [3, 1, 3],
    expires: 60,
    requestDate: DATE,
  });
  equal(sent.length, 0);
  equal(plan.uploadId, "UP9");
  equal(plan.expiresAt, "2026-01-02T03:05:05.000Z");
  deepEqual(plan.parts.map((p) => [p.partNumber, p.offset, p.size]), [
    [1, 0, 5 * MiB],
    [3, 10 * MiB, MiB],
  ]);
  equal(new URL(plan.parts[1].url).searchParams.get("partNumber"), "3");
  equal(new URL(plan.parts[1].url).searchParams.get("uploadId"), "UP9");
  await rejects(
    client.presignedUploadParts("b-1", "k", "UP9", 11 * MiB, { partNumbers: [4] }),
    InvalidArgumentError,
  );
  await rejects(client.presignedUploadParts("b-1", "k", "", 1), /uploadId/);
});

test("listUploadedParts: GET ?uploadId pages by part-number-marker into one array", async () => {
  const page = (parts: string, next: string, truncated: boolean) =>
    `<ListPartsResult><IsTruncated>${truncated}</IsTruncated><NextPartNumberMarker>${next}</NextPartNumberMarker>${parts}</ListPartsResult>`;
  const part = (n: number) =>
    `<Part><PartNumber>${n}</PartNumber><ETag>"e${n}"</ETag><Size>5</Size><LastModified>2026-01-02T03:04:05.000Z</LastModified></Part>`;
  const { client, sent } = fakeClient([
    { body: page(part(1) + part(2), "2", true) },
    { body: page(part(4), "4", false) },
  ]);
  const parts = await client.listUploadedParts("b-1", "k", "UP1");
  deepEqual(parts.map((p) => [p.partNumber, p.etag, p.size]), [[1, "e1", 5], [2, "e2", 5], [
    4,
    "e4",
    5,
  ]]);
  equal(sent.length, 2);
  equal(sent[0].method, "GET");
  deepEqual(queryOf(sent[0]), [["max-parts", "1000"], ["uploadId", "UP1"]]);
  deepEqual(queryOf(sent[1]), [["max-parts", "1000"], ["part-number-marker", "2"], [
    "uploadId",
    "UP1",
  ]]);
});

test("completeMultipartUpload: parts sorted, quotes dropped, one POST ?uploadId", async () => {
  const { client, sent } = fakeClient([{ body: DONE, headers: { "x-amz-version-id": "V" } }]);
  const res = await client.completeMultipartUpload("b-1", "k", "UP1", [
    { partNumber: 2, etag: '"e2"' },
    { partNumber: 1, etag: "e1" },
  ]);
  equal(sent.length, 1);
  equal(sent[0].method, "POST");
  deepEqual(queryOf(sent[0]), [["uploadId", "UP1"]]);
  equal(
    dec.decode(sent[0].body),
    '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      "<Part><PartNumber>1</PartNumber><ETag>&quot;e1&quot;</ETag></Part>" +
      "<Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag></Part></CompleteMultipartUpload>",
  );
  equal(res.etag, "abc-3");
  equal(res.versionId, "V");
});

test("completeMultipartUpload: bad parts refused before any request", async () => {
  const { client, sent } = fakeClient();
  for (
    const [parts, message] of [
      [[], /non-empty/],
      [[{ partNumber: 0, etag: "a" }], /part number 0/],
      [[{ partNumber: 1, etag: "a" }, { partNumber: 1, etag: "b" }], /twice/],
      [[{ partNumber: 1, etag: '""' }], /no etag/],
      [[null], /object/],
    ] as const
  ) {
    await rejects(
      // deno-lint-ignore no-explicit-any
      client.completeMultipartUpload("b-1", "k", "UP1", parts as any),
      (e: unknown) => e instanceof InvalidArgumentError && message.test((e as Error).message),
    );
  }
  equal(sent.length, 0);
});

test("abortMultipartUpload: DELETE ?uploadId", async () => {
  const { client, sent } = fakeClient([{ status: 204 }]);
  await client.abortMultipartUpload("b-1", "k", "UP1");
  equal(sent[0].method, "DELETE");
  equal(sent[0].url.pathname, "/b-1/k");
  deepEqual(queryOf(sent[0]), [["uploadId", "UP1"]]);
});

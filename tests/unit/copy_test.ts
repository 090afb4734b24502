// What copyObject and composeObject send: the CopyObject and UploadPartCopy
// headers and queries, the 5 GiB split of big sources, the abort after a
// failed part, and the checks made before any request.
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  ComposeSource,
  COPY,
  CopySource,
  InvalidArgumentError,
  InvalidResponseError,
  REPLACE,
  S3Error,
  SseCustomerKey,
  Tags,
} from "../../mod.ts";
import {
  fakeClientWith,
  heldUntilAborted,
  queryOf,
  type Reply,
  replyResponse,
  type Sent,
} from "./fake_fetch.ts";
import { waitFor } from "../wait.ts";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const INIT =
  `<InitiateMultipartUploadResult><Bucket>dst</Bucket><Key>k</Key><UploadId>UP1</UploadId></InitiateMultipartUploadResult>`;
const DONE =
  `<CompleteMultipartUploadResult><Bucket>dst</Bucket><Key>k</Key><ETag>&quot;c-3&quot;</ETag></CompleteMultipartUploadResult>`;
const COPIED =
  `<CopyObjectResult><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>&quot;e0&quot;</ETag></CopyObjectResult>`;
const partResult = (etag: string) =>
  `<CopyPartResult><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>&quot;${etag}&quot;</ETag></CopyPartResult>`;

/**
 * A client whose fetch records each request and lets `answer` reply by
 * method and URL. By default a HEAD reports `sizes[object]` bytes and ETag
 * `etag-<object>`, and the multipart calls succeed.
 */
function routedClient(
  sizes: Record<string, number>,
  answer: (s: Sent) => Reply | undefined | Promise<Reply | undefined> = () => undefined,
  useSSL = false,
) {
  return fakeClientWith(
    async (s) => replyResponse(await answer(s) ?? defaultReply(s, sizes), s.method),
    { useSSL },
  );
}

function defaultReply(s: Sent, sizes: Record<string, number>): Reply {
  const object = decodeURIComponent(s.url.pathname.split("/").slice(2).join("/"));
  if (s.method === "HEAD") {
    return { headers: { "content-length": String(sizes[object]), etag: `"etag-${object}"` } };
  }
  const q = s.url.searchParams;
  if (s.method === "POST" && q.has("uploads")) return { body: INIT };
  if (s.method === "PUT" && q.has("partNumber")) {
    return { body: partResult(`p${q.get("partNumber")}`) };
  }
  if (s.method === "POST" && q.has("uploadId")) return { body: DONE };
  if (s.method === "DELETE") return { status: 204 };
  if (s.method === "PUT") return { body: COPIED, headers: { "x-amz-version-id": "DV" } };
  throw new Error(`unexpected ${s.method} ${s.url}`);
}

const h = (s: Sent, name: string) => s.headers.get(name);
const parts = (sent: Sent[]) => sent.filter((s) => s.url.searchParams.has("partNumber"));

test("copyObject: HEAD of the source, then one PUT with the copy-source headers", async () => {
  const { client, sent } = routedClient({ "a b/ü+c": 10 });
  const since = new Date("2024-01-02T03:04:05Z");
  const res = await client.copyObject(
    "dst",
    "k",
    new CopySource("src-b", "a b/ü+c", {
      versionId: "v 1",
      matchETag: "m1",
      notMatchETag: "n1",
      modifiedSince: since,
      unmodifiedSince: since,
    }),
  );
  equal(sent.length, 2);
  equal(sent[0].method, "HEAD");
  equal(sent[0].url.pathname, "/src-b/a%20b/%C3%BC%2Bc");
  deepEqual(queryOf(sent[0]), [["versionId", "v 1"]]);
  const put = sent[1];
  equal(put.method, "PUT");
  equal(put.url.pathname, "/dst/k");
  deepEqual(queryOf(put), []);
  equal(put.body.length, 0);
  equal(h(put, "x-amz-copy-source"), "/src-b/a%20b/%C3%BC%2Bc?versionId=v%201");
  equal(h(put, "x-amz-copy-source-if-match"), "m1");
  equal(h(put, "x-amz-copy-source-if-none-match"), "n1");
  equal(h(put, "x-amz-copy-source-if-modified-since"), "Tue, 02 Jan 2024 03:04:05 GMT");
  equal(h(put, "x-amz-copy-source-if-unmodified-since"), "Tue, 02 Jan 2024 03:04:05 GMT");
  for (const name of ["x-amz-metadata-directive", "x-amz-tagging-directive", "content-type"]) {
    equal(h(put, name), null, `${name} not sent`);
  }
  ok(h(put, "authorization")?.includes("x-amz-copy-source"), "copy headers are signed");
  deepEqual([res.bucket, res.name, res.etag, res.versionId], ["dst", "k", "e0", "DV"]);
});

test("copyObject: metadata, content type and tags go only with REPLACE directives", async () => {
  const { client, sent } = routedClient({ s: 1 });
  const src = new CopySource("src-b", "s");
  await client.copyObject("dst", "k", src, {
    metadata: { a: "1" },
    contentType: "text/x",
    tags: Tags.from({ t: "v w" }),
  });
  let put = sent[1];
  equal(h(put, "x-amz-metadata-directive"), REPLACE, "REPLACE implied by new values");
  equal(h(put, "x-amz-tagging-directive"), REPLACE);
  equal(h(put, "x-amz-meta-a"), "1");
  equal(h(put, "content-type"), "text/x");
  equal(h(put, "x-amz-tagging"), "t=v%20w");

  await client.copyObject("dst", "k", src, { metadataDirective: COPY, taggingDirective: COPY });
  put = sent[3];
  equal(h(put, "x-amz-metadata-directive"), COPY);
  equal(h(put, "x-amz-tagging-directive"), COPY);
  equal(h(put, "content-type"), null);

  await client.copyObject("dst", "k", src, {
    metadataDirective: REPLACE,
    taggingDirective: REPLACE,
  });
  put = sent[5];
  equal(h(put, "x-amz-metadata-directive"), REPLACE);
  equal(h(put, "content-type"), "application/octet-stream", "REPLACE without a type resets it");
  equal(h(put, "x-amz-tagging"), null, "REPLACE without tags clears them");
});

test("copyObject: SSE-C source key as copy-source headers, destination key as SSE-C headers", async () => {
  const { client, sent } = routedClient({ s: 1 }, undefined, true);
  const srcKey = new SseCustomerKey(new Uint8Array(32).fill(1));
  const dstKey = new SseCustomerKey(new Uint8Array(32).fill(2));
  await client.copyObject("dst", "k", new CopySource("src-b", "s", { ssec: srcKey }), {
    sse: dstKey,
  });
  equal(
    h(sent[0], "x-amz-server-side-encryption-customer-key"),
    srcKey.headers()[
      "x-amz-server-side-encryption-customer-key"
    ],
    "the HEAD of the source carries its key",
  );
  const put = sent[1];
  for (const [k, v] of Object.entries(srcKey.copyHeaders())) equal(h(put, k), v);
  for (const [k, v] of Object.entries(dstKey.headers())) equal(h(put, k), v);
});

test("copyObject of a byte range goes the compose way: one UploadPartCopy with the range", async () => {
  const { client, sent } = routedClient({ s: 100 });
  const res = await client.copyObject(
    "dst",
    "k",
    new CopySource("src-b", "s", { offset: 10, length: 20 }),
    { metadata: { a: "1" } },
  );
  deepEqual(sent.map((s) => s.method), ["HEAD", "POST", "PUT", "POST"]);
  deepEqual(queryOf(sent[1]), [["uploads", ""]]);
  equal(h(sent[1], "x-amz-meta-a"), "1", "metadata on CreateMultipartUpload");
  equal(h(sent[1], "x-amz-metadata-directive"), null);
  const part = sent[2];
  deepEqual(queryOf(part), [["partNumber", "1"], ["uploadId", "UP1"]]);
  equal(h(part, "x-amz-copy-source"), "/src-b/s");
  equal(h(part, "x-amz-copy-source-range"), "bytes=10-29");
  equal(h(part, "x-amz-copy-source-if-match"), "etag-s", "pinned to the ETag seen");
  equal(h(part, "x-amz-meta-a"), null);
  deepEqual(queryOf(sent[3]), [["uploadId", "UP1"]]);
  ok(new TextDecoder().decode(sent[3].body).includes("<ETag>&quot;p1&quot;</ETag>"));
  equal(res.etag, "c-3");
});

test("a 12 GiB source is copied as ranges of 5, 5 and 2 GiB; the small last source whole", async () => {
  const { client, sent } = routedClient({ big: 12 * GiB, tail: 1000 }, undefined, true);
  const dst = new SseCustomerKey(new Uint8Array(32).fill(3));
  await client.composeObject(
    "dst",
    "k",
    [new ComposeSource("src-b", "big"), new ComposeSource("src-b", "tail", { matchETag: "mine" })],
    { sse: dst },
  );
  const ps = parts(sent);
  deepEqual(ps.map((s) => s.url.searchParams.get("partNumber")), ["1", "2", "3", "4"]);
  deepEqual(ps.map((s) => h(s, "x-amz-copy-source-range")), [
    `bytes=0-${5 * GiB - 1}`,
    `bytes=${5 * GiB}-${10 * GiB - 1}`,
    `bytes=${10 * GiB}-${12 * GiB - 1}`,
    null,
  ]);
  deepEqual(ps.map((s) => h(s, "x-amz-copy-source-if-match")), [
    "etag-big",
    "etag-big",
    "etag-big",
    "mine",
  ]);
  for (const p of ps) {
    equal(
      h(p, "x-amz-server-side-encryption-customer-key-md5"),
      dst.headers()[
        "x-amz-server-side-encryption-customer-key-md5"
      ],
    );
  }
  const complete = sent.at(-1)!;
  equal(
    h(complete, "x-amz-server-side-encryption-customer-key-md5"),
    dst.headers()[
      "x-amz-server-side-encryption-customer-key-md5"
    ],
    "the completion carries the destination key",
  );
  const body = new TextDecoder().decode(complete.body);
  ok(body.indexOf("p1") < body.indexOf("p2") && body.indexOf("p3") < body.indexOf("p4"));
});

test("copyObject of a 12 GiB source without a range splits it too; COPY directives refused", async () => {
  const { client, sent } = routedClient({ big: 12 * GiB });
  await client.copyObject("dst", "k", new CopySource("src-b", "big"));
  equal(parts(sent).length, 3);
  equal(sent.filter((s) => s.method === "HEAD").length, 1, "the source is looked at once");
  const before = sent.length;
  await rejects(
    client.copyObject("dst", "k", new CopySource("src-b", "big"), { metadataDirective: COPY }),
    /COPY directives do not apply/,
  );
  deepEqual(sent.slice(before).map((s) => s.method), ["HEAD"], "no upload started");
});

test("ranges of one big source: offsets carried through the split", async () => {
  const { client, sent } = routedClient({ big: 20 * GiB });
  await client.composeObject("dst", "k", [
    new ComposeSource("src-b", "big", { offset: 1, length: 6 * GiB }),
    new ComposeSource("src-b", "big", { offset: 15 * GiB }),
  ]);
  deepEqual(parts(sent).map((s) => h(s, "x-amz-copy-source-range")), [
    `bytes=1-${5 * GiB}`,
    `bytes=${5 * GiB + 1}-${6 * GiB}`,
    `bytes=${15 * GiB}-${20 * GiB - 1}`,
  ]);
});

test("one whole source in composeObject is a plain CopyObject", async () => {
  const { client, sent } = routedClient({ s: 10 });
  await client.composeObject("dst", "k", [new ComposeSource("src-b", "s")]);
  deepEqual(sent.map((s) => s.method), ["HEAD", "PUT"]);
  equal(h(sent[1], "x-amz-copy-source"), "/src-b/s");
  equal(h(sent[1], "x-amz-metadata-directive"), null, "source metadata kept");
  await client.composeObject("dst", "k", [new ComposeSource("src-b", "s")], {
    metadata: { a: "b" },
  });
  equal(h(sent[3], "x-amz-metadata-directive"), REPLACE);
  equal(h(sent[3], "x-amz-meta-a"), "b");
});

test("part copies run at most 4 at a time", async () => {
  let running = 0;
  let peak = 0;
  const { client, sent } = routedClient({ big: 40 * GiB }, async (s) => {
    if (!s.url.searchParams.has("partNumber")) return undefined;
    peak = Math.max(peak, ++running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return { body: partResult("x") };
  });
  await client.composeObject("dst", "k", [new ComposeSource("src-b", "big")]);
  equal(parts(sent).length, 8);
  equal(peak, 4);
});

for (
  const [what, reply] of [
    ["an error status", {
      status: 412,
      body: "<Error><Code>PreconditionFailed</Code><Message>no</Message></Error>",
    }],
    ["200 with an <Error> body", {
      body: "<Error><Code>InternalError</Code><Message>slow down</Message></Error>",
    }],
  ] as const
) {
  test(`a part copy failing with ${what} aborts the upload; nothing completes`, async () => {
    // Part 2 fails once the first four are out; the others answer only when
    // the client cancels them, so the failure is known before a slot frees.
    const heldEndedWith: unknown[] = [];
    const { client, sent } = routedClient({ big: 30 * GiB }, async (s) => {
      const part = s.url.searchParams.get("partNumber");
      if (part === "2") {
        await waitFor("four part copies in flight", () => parts(sent).length >= 4);
        return reply;
      }
      if (part) {
        return heldUntilAborted(s.signal).catch((e) => {
          heldEndedWith.push(e);
          throw e;
        });
      }
      return undefined;
    });
    const err = await client.composeObject("dst", "k", [new ComposeSource("src-b", "big")])
      .then(() => undefined, (e) => e);
    ok(err instanceof S3Error, String(err));
    equal(err.code, reply.status ? "PreconditionFailed" : "InternalError");
    equal(heldEndedWith.length, 3, "parts 1, 3 and 4 were cancelled");
    ok(heldEndedWith.every((e) => e === err), "cancelled with the failure as reason");
    const last = sent.at(-1)!;
    equal(last.method, "DELETE");
    deepEqual(queryOf(last), [["uploadId", "UP1"]]);
    deepEqual(
      parts(sent).map((s) => s.url.searchParams.get("partNumber")).sort(),
      ["1", "2", "3", "4"],
      "no new part started after the failure",
    );
    equal(sent.filter((s) => s.method === "POST" && s.url.searchParams.has("uploadId")).length, 0);
  });
}

test("CopyObject answering 200 with an <Error> body, or no ETag, is an error", async () => {
  let body = "<Error><Code>InternalError</Code><Message>oops</Message></Error>";
  const { client } = routedClient({ s: 1 }, (s) => s.method === "PUT" ? { body } : undefined);
  await rejects(client.copyObject("dst", "k", new CopySource("src-b", "s")), /InternalError: oops/);
  body = "<CopyObjectResult></CopyObjectResult>";
  await rejects(
    client.copyObject("dst", "k", new CopySource("src-b", "s")),
    (e: unknown) =>
      e instanceof InvalidResponseError && /<CopyObjectResult> with an ETag/.test(e.message),
  );
});

test("CopySource and ComposeSource check their arguments", () => {
  const bad: [string, () => unknown, RegExp][] = [
    ["bucket", () => new CopySource("B_", "k"), /bucket name/],
    ["object", () => new CopySource("bkt", ""), /object name/],
    ["offset", () => new CopySource("bkt", "k", { offset: -1 }), /offset/],
    ["offset int", () => new ComposeSource("bkt", "k", { offset: 1.5 }), /offset/],
    ["length 0", () => new CopySource("bkt", "k", { length: 0 }), /length/],
    ["ssec", () => new CopySource("bkt", "k", { ssec: {} as SseCustomerKey }), /ssec/],
    ["date", () => new CopySource("bkt", "k", { modifiedSince: new Date("x") }), /modifiedSince/],
    ["etag", () => new CopySource("bkt", "k", { matchETag: "" }), /matchETag/],
    ["version", () => new CopySource("bkt", "k", { versionId: 1 as unknown as string }), /version/],
  ];
  for (const [what, make, message] of bad) throws(make, message, what);
  for (const [, make] of bad) throws(make, InvalidArgumentError);
  const src = ComposeSource.of(new CopySource("bkt", "k", { offset: 3, length: 4 }));
  ok(src instanceof ComposeSource);
  equal(src.copyHeaders({ start: 3, length: 4 })["x-amz-copy-source-range"], "bytes=3-6");
});

test("copyObject and composeObject refuse bad input before any request", async () => {
  const { client, sent } = routedClient({});
  const src = new CopySource("src-b", "s");
  const ssec = new SseCustomerKey(new Uint8Array(32));
  const refusals: [Promise<unknown>, RegExp][] = [
    [client.copyObject("dst", "k", { bucket: "b", object: "o" } as CopySource), /CopySource/],
    [client.copyObject("dst", "", src), /object name/],
    [client.copyObject("dst", "k", src, { metadataDirective: "MOVE" as typeof COPY }), /COPY or/],
    [client.copyObject("dst", "k", src, { metadataDirective: COPY, metadata: {} }), /COPY keeps/],
    [
      client.copyObject("dst", "k", src, { taggingDirective: COPY, tags: { a: "b" } }),
      /COPY keeps/,
    ],
    [
      client.copyObject("dst", "k", new CopySource("src-b", "s", { length: 5 }), {
        taggingDirective: COPY,
      }),
      /COPY directives/,
    ],
    [client.copyObject("dst", "k", new CopySource("src-b", "s", { ssec })), /requires a TLS/],
    [client.copyObject("dst", "k", src, { sse: ssec }), /requires a TLS/],
    [client.copyObject("dst", "k", src, { metadata: { "a b": "c" } }), /header name/],
    [client.composeObject("dst", "k", []), /1 to 10000/],
    [client.composeObject("dst", "k", new Array(10_001).fill(src)), /1 to 10000/],
    [client.composeObject("dst", "k", [src, "x" as unknown as ComposeSource]), /sources\[1\]/],
    [client.composeObject("dst", "k", [src], { tags: { "a&": "b" } }), /tag key/],
  ];
  // Settled together: awaiting one by one leaves the later rejections
  // unhandled for a while, which Node's runner reports as a failure.
  const outcomes = await Promise.allSettled(refusals.map(([p]) => p));
  outcomes.forEach((o, i) => {
    const message = refusals[i][1];
    ok(o.status === "rejected", `${message}: refused`);
    ok(o.reason instanceof InvalidArgumentError, `${message}: ${o.reason}`);
    match(o.reason.message, message);
  });
  equal(sent.length, 0);
});

test("source sizes are checked after the HEADs, before any upload starts", async () => {
  const { client, sent } = routedClient({ small: 5 * MiB - 1, big: 10 * GiB + MiB, s: 100 });
  const cases: [ComposeSource[], RegExp][] = [
    [[new ComposeSource("b-1", "small"), new ComposeSource("b-1", "s")], /at least 5 MiB/],
    [[new ComposeSource("b-1", "big"), new ComposeSource("b-1", "s")], /last part of 1048576/],
    [[new ComposeSource("b-1", "s", { offset: 100 })], /offset 100 is beyond its size 100/],
    [[new ComposeSource("b-1", "s", { offset: 50, length: 51 })], /offset \+ length 101/],
  ];
  for (const [sources, message] of cases) {
    await rejects(client.composeObject("dst", "k", sources), message);
  }
  ok(sent.every((s) => s.method === "HEAD"), "nothing but HEADs");
});

test("printing a source never shows its SSE-C key", () => {
  const key = new Uint8Array(32).fill(9);
  const b64 = new SseCustomerKey(key).headers()["x-amz-server-side-encryption-customer-key"];
  const src = new CopySource("bkt", "k", { ssec: new SseCustomerKey(key) });
  equal(JSON.stringify(src).includes(b64), false);
  equal(String(Object.entries(src)).includes(b64), false);
});

test("the caller's AbortSignal stops the part copies and still aborts the upload", async () => {
  const ac = new AbortController();
  const { client, sent } = routedClient({ big: 30 * GiB }, (s) => {
    if (!s.url.searchParams.has("partNumber")) return undefined;
    ac.abort(new Error("stop"));
    return heldUntilAborted(s.signal);
  });
  await rejects(
    client.composeObject("dst", "k", [new ComposeSource("src-b", "big")], { signal: ac.signal }),
    /stop/,
  );
  const last = sent.at(-1)!;
  equal(last.method, "DELETE");
  deepEqual(queryOf(last), [["uploadId", "UP1"]]);
  const started = parts(sent).map((s) => Number(s.url.searchParams.get("partNumber")));
  ok(started.length >= 1 && started.every((n) => n <= 4), `only the first slots: ${started}`);
});

// Server-side copy and compose against the real MinIO: metadata and tag
// directives, conditions, versions, byte ranges, multi-source compose,
// failures that leave no upload behind, and (over TLS) SSE-C re-keying.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import {
  ComposeSource,
  CopySource,
  type Minio,
  REPLACE,
  S3Error,
  SseCustomerKey,
  Tags,
} from "../../mod.ts";
import { childrenNamed, childText, parseXml } from "../../src/xml/parse.ts";
import { bytesOf, s3Error, targets, uniqueBucket, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
const hex = (b: Uint8Array) => bytesToHex(sha256(b));

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function contentHash(c: Minio, bucket: string, name: string, ssec?: SseCustomerKey) {
  const bytes = await (await c.getObject(bucket, name, { ssec })).bytes();
  return [bytes.length, hex(bytes)];
}

async function tagsOf(c: Minio, bucket: string, name: string): Promise<Record<string, string>> {
  const res = await c.request({ method: "GET", bucket, object: name, query: [["tagging", ""]] });
  return Object.fromEntries(Tags.fromXml(await res.text()));
}

async function incompleteCount(c: Minio, bucket: string): Promise<number> {
  let n = 0;
  for await (const _ of c.listIncompleteUploads(bucket, { recursive: true })) n++;
  return n;
}

/** A versioned bucket; every version is removed after `fn`. */
async function withVersionedBucket(c: Minio, fn: (bucket: string) => Promise<void>) {
  const bucket = uniqueBucket("cp");
  await c.makeBucket(bucket);
  const body = new TextEncoder().encode(
    "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>",
  );
  const res = await c.request({ method: "PUT", bucket, query: [["versioning", ""]], body });
  await res.body?.cancel();
  try {
    await fn(bucket);
  } finally {
    const res = await c.request({ method: "GET", bucket, query: [["versions", ""]] });
    const root = parseXml(await res.text(), "ListVersionsResult");
    for (const v of [...childrenNamed(root, "Version"), ...childrenNamed(root, "DeleteMarker")]) {
      await c.removeObject(bucket, childText(v, "Key")!, { versionId: childText(v, "VersionId") });
    }
    await c.removeBucket(bucket);
  }
}

for (const t of targets) {
  test(`[${t.name}] copyObject: metadata and tags kept (COPY) or replaced (REPLACE)`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(1000, 3);
      await c.putObject(bucket, "src", data, undefined, {
        contentType: "text/x-src",
        metadata: { a: "1" },
        tags: { t: "1" },
      });
      const kept = await c.copyObject(bucket, "kept", new CopySource(bucket, "src"));
      ok(kept.etag);
      let stat = await c.statObject(bucket, "kept");
      deepEqual([stat.contentType, stat.metadata], ["text/x-src", { a: "1" }]);
      deepEqual(await tagsOf(c, bucket, "kept"), { t: "1" });
      deepEqual(await contentHash(c, bucket, "kept"), [1000, hex(data)]);

      await c.copyObject(bucket, "new-meta", new CopySource(bucket, "src"), {
        metadata: { b: "2" },
        contentType: "text/x-new",
      });
      stat = await c.statObject(bucket, "new-meta");
      deepEqual([stat.contentType, stat.metadata], ["text/x-new", { b: "2" }]);
      deepEqual(await tagsOf(c, bucket, "new-meta"), { t: "1" }, "tags still copied");

      await c.copyObject(bucket, "new-tags", new CopySource(bucket, "src"), {
        tags: Tags.from({ x: "y z" }),
      });
      stat = await c.statObject(bucket, "new-tags");
      deepEqual(stat.metadata, { a: "1" }, "metadata still copied");
      deepEqual(await tagsOf(c, bucket, "new-tags"), { x: "y z" });

      await c.copyObject(bucket, "bare", new CopySource(bucket, "src"), {
        metadataDirective: REPLACE,
        taggingDirective: REPLACE,
      });
      stat = await c.statObject(bucket, "bare");
      deepEqual(stat.metadata, {});
      deepEqual(await tagsOf(c, bucket, "bare"), {});
      deepEqual(await contentHash(c, bucket, "bare"), [1000, hex(data)]);

      // Onto itself: refused unless something changes; new metadata is such a change.
      await rejects(
        c.copyObject(bucket, "src", new CopySource(bucket, "src")),
        s3Error("InvalidRequest", 400),
      );
      await c.copyObject(bucket, "src", new CopySource(bucket, "src"), { metadata: { a: "2" } });
      deepEqual((await c.statObject(bucket, "src")).metadata, { a: "2" });
      deepEqual(await contentHash(c, bucket, "src"), [1000, hex(data)]);
    });
  });

  test(`[${t.name}] copyObject: source conditions; a failed one is PreconditionFailed`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "src", "conditional");
      const past = new Date(Date.now() - 24 * 3600_000);
      const future = new Date(Date.now() + 24 * 3600_000);
      const failing = [
        { matchETag: "0123456789abcdef0123456789abcdef" },
        { notMatchETag: w.etag },
        { unmodifiedSince: past },
        { modifiedSince: future },
      ];
      for (const options of failing) {
        const err = await c.copyObject(bucket, "dst", new CopySource(bucket, "src", options))
          .then(() => undefined, (e) => e);
        ok(err instanceof S3Error, JSON.stringify(options));
        equal(err.code, "PreconditionFailed", JSON.stringify(options));
        equal(err.status, 412);
      }
      await rejects(c.statObject(bucket, "dst"), s3Error("NoSuchKey", 404));
      const passing = [
        { matchETag: w.etag },
        { matchETag: `"${w.etag}"` },
        { notMatchETag: "0123456789abcdef0123456789abcdef" },
        { modifiedSince: past },
        { unmodifiedSince: future },
      ];
      for (const options of passing) {
        await c.copyObject(bucket, "dst", new CopySource(bucket, "src", options));
      }
      equal(await (await c.getObject(bucket, "dst")).text(), "conditional");
    });
  });

  test(`[${t.name}] copyObject of a version; the copy is a new version`, async () => {
    const c = t.client();
    await withVersionedBucket(c, async (bucket) => {
      const v1 = await c.putObject(bucket, "src", "version one");
      const v2 = await c.putObject(bucket, "src", "version two");
      ok(v1.versionId && v2.versionId && v1.versionId !== v2.versionId);
      const res = await c.copyObject(
        bucket,
        "dst",
        new CopySource(bucket, "src", { versionId: v1.versionId }),
      );
      ok(res.versionId, "the destination got a version id");
      equal(res.headers.get("x-amz-copy-source-version-id"), v1.versionId);
      equal(await (await c.getObject(bucket, "dst")).text(), "version one");
      await c.copyObject(bucket, "dst", new CopySource(bucket, "src"));
      equal(await (await c.getObject(bucket, "dst")).text(), "version two");
      const part = await c.copyObject(
        bucket,
        "part",
        new CopySource(bucket, "src", { versionId: v1.versionId, offset: 8, length: 3 }),
      );
      ok(part.versionId);
      equal(await (await c.getObject(bucket, "part")).text(), "one");
    });
  });

  test(`[${t.name}] copyObject of a byte range goes through a one-part multipart copy`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(3 * MiB, 7);
      await c.putObject(bucket, "src", data, undefined, { metadata: { a: "1" } });
      const w = await c.copyObject(
        bucket,
        "range",
        new CopySource(bucket, "src", { offset: MiB + 1, length: MiB }),
        { metadata: { r: "yes" } },
      );
      ok(w.etag.endsWith("-1"), `multipart ETag ${w.etag}`);
      deepEqual(await contentHash(c, bucket, "range"), [
        MiB,
        hex(data.slice(MiB + 1, 2 * MiB + 1)),
      ]);
      deepEqual((await c.statObject(bucket, "range")).metadata, { r: "yes" });
      await c.copyObject(bucket, "tail", new CopySource(bucket, "src", { offset: 3 * MiB - 10 }));
      deepEqual(await contentHash(c, bucket, "tail"), [10, hex(data.slice(3 * MiB - 10))]);
    });
  });

  test(`[${t.name}] composeObject of three objects, and of ranges of one, byte-exact`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const a = bytesOf(5 * MiB, 1);
      const b = bytesOf(6 * MiB + 1, 2);
      const tail = bytesOf(100, 3);
      await c.putObject(bucket, "a", a);
      await c.putObject(bucket, "b", b);
      await c.putObject(bucket, "tail", tail);
      const w = await c.composeObject(bucket, "all", [
        new ComposeSource(bucket, "a"),
        new ComposeSource(bucket, "b"),
        new ComposeSource(bucket, "tail"),
      ], { contentType: "application/x-all", metadata: { parts: "3" }, tags: { k: "v" } });
      ok(w.etag.endsWith("-3"), `multipart ETag ${w.etag}`);
      const all = concat(a, b, tail);
      deepEqual(await contentHash(c, bucket, "all"), [all.length, hex(all)]);
      const stat = await c.statObject(bucket, "all");
      deepEqual([stat.contentType, stat.metadata], ["application/x-all", { parts: "3" }]);
      deepEqual(await tagsOf(c, bucket, "all"), { k: "v" });

      // Ranges of the composed object, out of order.
      await c.composeObject(bucket, "shuffled", [
        new ComposeSource(bucket, "all", { offset: 6 * MiB, length: 5 * MiB }),
        new ComposeSource(bucket, "all", { length: 5 * MiB }),
        new ComposeSource(bucket, "all", { offset: all.length - 7 }),
      ]);
      const shuffled = concat(
        all.slice(6 * MiB, 11 * MiB),
        all.slice(0, 5 * MiB),
        all.slice(all.length - 7),
      );
      deepEqual(await contentHash(c, bucket, "shuffled"), [shuffled.length, hex(shuffled)]);
      equal(await incompleteCount(c, bucket), 0);
    });
  });

  test(`[${t.name}] composeObject: a failing source aborts the upload, nothing is left`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "a", bytesOf(5 * MiB, 1));
      await c.putObject(bucket, "b", "small");
      const err = await c.composeObject(bucket, "dst", [
        new ComposeSource(bucket, "a"),
        new ComposeSource(bucket, "b", { matchETag: "0123456789abcdef0123456789abcdef" }),
      ]).then(() => undefined, (e) => e);
      ok(err instanceof S3Error);
      equal(err.code, "PreconditionFailed");
      equal(await incompleteCount(c, bucket), 0, "the upload was aborted");
      await rejects(c.statObject(bucket, "dst"), s3Error("NoSuchKey", 404));
      await rejects(
        c.composeObject(bucket, "dst", [
          new ComposeSource(bucket, "b"),
          new ComposeSource(bucket, "a"),
        ]),
        /at least 5 MiB/,
      );
      await rejects(
        c.copyObject(bucket, "dst", new CopySource(bucket, "missing")),
        s3Error("NoSuchKey", 404),
      );
      equal(await incompleteCount(c, bucket), 0);
    });
  });
}

const tls = targets.find((x) => x.name === "tls")!;

test("[tls] SSE-C source copied to SSE-C with another key, and to plain", async () => {
  const c = tls.client();
  await withBucket(c, async (bucket) => {
    const k1 = new SseCustomerKey(bytesOf(32, 101));
    const k2 = new SseCustomerKey(bytesOf(32, 202));
    const data = bytesOf(6 * MiB + 3, 9);
    await c.putObject(bucket, "src", data, undefined, { sse: k1 });
    const src = new CopySource(bucket, "src", { ssec: k1 });

    await c.copyObject(bucket, "rekeyed", src, { sse: k2 });
    deepEqual(await contentHash(c, bucket, "rekeyed", k2), [data.length, hex(data)]);
    await rejects(c.getObject(bucket, "rekeyed", { ssec: k1 }), s3Error("AccessDenied", 403));
    await rejects(c.getObject(bucket, "rekeyed"), s3Error("InvalidRequest", 400));

    await c.copyObject(bucket, "plain", src);
    deepEqual(await contentHash(c, bucket, "plain"), [data.length, hex(data)]);

    await rejects(
      c.copyObject(bucket, "nokey", new CopySource(bucket, "src")),
      s3Error("BadRequest", 400), // the HEAD of the source, which has no error body
    );

    // A range of the SSE-C source, composed into an SSE-C object part by part.
    await c.composeObject(bucket, "parts", [
      new ComposeSource(bucket, "src", { ssec: k1, length: 5 * MiB }),
      new ComposeSource(bucket, "plain", { offset: 5 * MiB }),
    ], { sse: k2 });
    deepEqual(await contentHash(c, bucket, "parts", k2), [data.length, hex(data)]);
    equal(await incompleteCount(c, bucket), 0);
  });
});

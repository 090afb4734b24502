// Object operations against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { S3Error } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] putObject each body type, getObject returns the same bytes`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(300_000);
      const bodies: [string, Uint8Array | ArrayBuffer | Blob | string, Uint8Array][] = [
        ["u8", data, data],
        ["ab", data.slice().buffer, data],
        ["blob", new Blob([data]), data],
        ["string", "héllo wörld", new TextEncoder().encode("héllo wörld")],
        ["empty", new Uint8Array(0), new Uint8Array(0)],
      ];
      for (const [name, body, expected] of bodies) {
        const w = await c.putObject(bucket, name, body);
        ok(/^[0-9a-f]{32}$/.test(w.etag), `etag of ${name}`);
        const got = await (await c.getObject(bucket, name)).bytes();
        equal(got.length, expected.length, name);
        deepEqual(got, expected, name);
      }
    });
  });

  test(`[${t.name}] putObject metadata and content type; statObject reads them back`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "meta.txt", "hello", 5, {
        contentType: "text/plain",
        metadata: { "X-Amz-Meta-Project": "edge", color: "blue", "Cache-Control": "max-age=60" },
      });
      const st = await c.statObject(bucket, "meta.txt");
      equal(st.size, 5);
      equal(st.etag, w.etag);
      equal(st.contentType, "text/plain");
      deepEqual(st.metadata, { project: "edge", color: "blue" });
      equal(st.headers.get("cache-control"), "max-age=60");
      ok(
        st.lastModified instanceof Date &&
          Math.abs(st.lastModified.getTime() - Date.now()) < 600_000,
      );
    });
  });

  test(`[${t.name}] getObject ranges and conditions`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(10_000, 7);
      const { etag } = await c.putObject(bucket, "r.bin", data);
      const part = await c.getObject(bucket, "r.bin", { offset: 100, length: 50 });
      equal(part.status, 206);
      equal(part.stat.size, 10_000);
      deepEqual(await part.bytes(), data.slice(100, 150));
      const tail = await c.getObject(bucket, "r.bin", { offset: 9_990 });
      deepEqual(await tail.bytes(), data.slice(9_990));
      const matched = await c.getObject(bucket, "r.bin", { matchETag: etag });
      equal((await matched.bytes()).length, 10_000);
      await rejects(
        c.getObject(bucket, "r.bin", { matchETag: "0".repeat(32) }),
        (e: unknown) => e instanceof S3Error && e.code === "PreconditionFailed" && e.status === 412,
      );
      await rejects(
        c.getObject(bucket, "r.bin", { unmodifiedSince: new Date("2000-01-01T00:00:00Z") }),
        (e: unknown) => e instanceof S3Error && e.status === 412,
      );
      await rejects(
        c.getObject(bucket, "r.bin", { offset: 20_000 }),
        (e: unknown) => e instanceof S3Error && e.code === "InvalidRange",
      );
    });
  });

  test(`[${t.name}] getObject streams the body as a web ReadableStream`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(1_000_000, 3);
      await c.putObject(bucket, "s.bin", data);
      const res = await c.getObject(bucket, "s.bin");
      let total = 0;
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        deepEqual(value, data.subarray(total, total + value.length));
        total += value.length;
      }
      equal(total, data.length);
    });
  });

  test(`[${t.name}] statObject / getObject of a missing key: NoSuchKey; removeObject is idempotent`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const stat = await c.statObject(bucket, "missing").catch((e) => e);
      ok(stat instanceof S3Error);
      equal(stat.code, "NoSuchKey");
      equal(stat.status, 404);
      const get = await c.getObject(bucket, "missing").catch((e) => e);
      equal(get.code, "NoSuchKey");
      equal(get.object, "missing");
      await c.putObject(bucket, "gone", "x");
      await c.removeObject(bucket, "gone");
      await c.removeObject(bucket, "gone");
      equal((await c.statObject(bucket, "gone").catch((e) => e)).code, "NoSuchKey");
    });
  });

  test(`[${t.name}] object names with spaces, unicode and reserved characters`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const names = [
        "a b+c",
        "ü/ñ/日本.txt",
        "!'()*&$@=;:,?#[]",
        "tab\there",
        "x%2Fy",
        "trailing ",
      ];
      for (const n of names) await c.putObject(bucket, n, n);
      for (const n of names) equal(await (await c.getObject(bucket, n)).text(), n);
      const listed = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) listed.push(o.name);
      deepEqual(listed.sort(), [...names].sort());
    });
  });
}

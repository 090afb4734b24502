// putObjectFanOut against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { S3Error, SseCustomerKey, SseS3 } from "../../mod.ts";
import { md5 } from "@noble/hashes/legacy.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { bytesOf, s3Error, targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] putObjectFanOut writes 25 objects from one body in one request`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const body = bytesOf(100_000, 11);
      const keys = Array.from({ length: 25 }, (_, i) => `fan/${i}.bin`);
      const results = await c.putObjectFanOut(bucket, body, [
        ...keys.slice(0, 24).map((key) => ({ key })),
        {
          key: keys[24],
          contentType: "image/png",
          cacheControl: "max-age=60",
          metadata: { owner: "alice" },
          tags: { team: "edge", env: "test" },
        },
      ]);
      equal(results.length, 25);
      deepEqual(results.map((r) => r.key).sort(), [...keys].sort());
      for (const r of results) {
        equal(r.error, undefined, r.key);
        equal(r.etag, bytesToHex(md5(body)), r.key);
        ok(
          r.lastModified instanceof Date &&
            Math.abs(r.lastModified.getTime() - Date.now()) < 600_000,
        );
      }
      const listed = [];
      for await (const o of c.listObjects(bucket, { prefix: "fan/" })) listed.push(o);
      equal(listed.length, 25);
      ok(listed.every((o) => o.size === body.length));
      deepEqual(await (await c.getObject(bucket, keys[7])).bytes(), body);
      const st = await c.statObject(bucket, keys[24]);
      equal(st.contentType, "image/png");
      equal(st.headers.get("cache-control"), "max-age=60");
      deepEqual(st.metadata, { owner: "alice" });
      equal(st.tagCount, 2);
      equal((await c.statObject(bucket, keys[0])).tagCount, undefined);
    });
  });

  test(`[${t.name}] putObjectFanOut into a missing bucket is an S3Error`, async () => {
    const c = t.client();
    await rejects(
      c.putObjectFanOut("no-such-bucket-fan-out", "x", [{ key: "k" }]),
      (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket" && e.status === 404,
    );
  });
}

const tls = targets.find((t) => t.name === "tls")!;
test("[tls] putObjectFanOut encrypts every object with SSE-C or SSE-S3", async () => {
  const c = tls.client();
  await withBucket(c, async (bucket) => {
    const ssec = new SseCustomerKey(bytesOf(32, 4));
    const r = await c.putObjectFanOut(bucket, "secret", [{ key: "c1" }, { key: "c2" }], {
      sse: ssec,
    });
    ok(r.every((x) => !x.error));
    equal(await (await c.getObject(bucket, "c2", { ssec })).text(), "secret");
    await rejects(c.getObject(bucket, "c2"), s3Error("InvalidRequest", 400));
    await c.putObjectFanOut(bucket, "managed", [{ key: "s1" }], { sse: new SseS3() });
    const st = await c.statObject(bucket, "s1");
    equal(st.headers.get("x-amz-server-side-encryption"), "AES256");
    equal(await (await c.getObject(bucket, "s1")).text(), "managed");
  });
});

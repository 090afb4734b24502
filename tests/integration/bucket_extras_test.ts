// minio-py master's bucket calls against the real MinIO: headBucket,
// listBuckets' prefix / maxBuckets, makeBucket's tags, and bucket CORS,
// which MinIO does not implement (its exact answers asserted).
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { CORSConfig } from "../../mod.ts";
import { s3Error, targets, uniqueBucket, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] headBucket: the region signed for (MinIO sends no x-amz-bucket-region); null once removed`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("head");
    await c.makeBucket(bucket);
    const head = await c.headBucket(bucket);
    ok(head);
    deepEqual([head.bucket, head.region, head.headers.get("x-amz-bucket-region")], [
      bucket,
      "us-east-1",
      null,
    ]);
    await c.removeBucket(bucket);
    equal(await c.headBucket(bucket), null);
  });

  test(`[${t.name}] listBuckets: prefix and maxBuckets over three buckets`, async () => {
    const c = t.client();
    const prefix = uniqueBucket("lb");
    const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    for (const n of names) await c.makeBucket(n);
    try {
      deepEqual((await c.listBuckets({ prefix })).map((b) => b.name), names);
      deepEqual(
        (await c.listBuckets({ prefix, maxBuckets: 2 })).map((b) => b.name),
        names.slice(0, 2),
      );
      deepEqual(await c.listBuckets({ prefix: `${prefix}-z` }), []);
      ok((await c.listBuckets()).length >= 3);
    } finally {
      for (const n of names) await c.removeBucket(n);
    }
  });

  test(`[${t.name}] makeBucket with tags: the bucket has them`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("tagged");
    await c.makeBucket(bucket, { tags: { project: "edge", "cost center": "42" } });
    try {
      deepEqual(Object.fromEntries(await c.getBucketTags(bucket) ?? []), {
        project: "edge",
        "cost center": "42",
      });
    } finally {
      await c.removeBucket(bucket);
    }
  });

  test(`[${t.name}] bucket CORS: MinIO answers NotImplemented to set and delete, none to get`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketCors(bucket), null);
      const config = CORSConfig.forBrowserUploads(["https://app.example.com"]);
      const notImplemented = s3Error("NotImplemented", 501);
      await rejects(c.setBucketCors(bucket, config), (e: unknown) =>
        notImplemented(e) &&
        (e as Error).message.includes(
          "A header you provided implies functionality that is not implemented",
        ));
      await rejects(c.deleteBucketCors(bucket), notImplemented);
      equal(await c.getBucketCors(bucket), null);
    });
  });

  test(`[${t.name}] getObjectAcl: MinIO's one FULL_CONTROL grant; NoSuchKey for a missing object`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "a.txt", "hello");
      const acl = await c.getObjectAcl(bucket, "a.txt");
      deepEqual(acl.grants.map((g) => [g.grantee.type, g.permission]), [[
        "CanonicalUser",
        "FULL_CONTROL",
      ]]);
      await rejects(c.getObjectAcl(bucket, "missing.txt"), s3Error("NoSuchKey", 404));
    });
  });
}

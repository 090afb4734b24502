// Bucket operations against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { S3Error } from "../../mod.ts";
import { targets, uniqueBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] makeBucket, bucketExists, listBuckets, removeBucket`, async () => {
    const c = t.client();
    const bucket = uniqueBucket();
    equal(await c.bucketExists(bucket), false);
    await c.makeBucket(bucket);
    equal(await c.bucketExists(bucket), true);
    const listed = (await c.listBuckets()).find((b) => b.name === bucket);
    ok(listed, "new bucket is listed");
    ok(listed.creationDate instanceof Date && !Number.isNaN(listed.creationDate.getTime()));
    ok(Math.abs(listed.creationDate.getTime() - Date.now()) < 10 * 60_000);
    await c.removeBucket(bucket);
    equal(await c.bucketExists(bucket), false);
  });

  test(`[${t.name}] makeBucket twice: BucketAlreadyOwnedByYou`, async () => {
    const c = t.client();
    const bucket = uniqueBucket();
    await c.makeBucket(bucket, { location: "us-east-1" });
    try {
      const e = await c.makeBucket(bucket).catch((e) => e);
      ok(e instanceof S3Error);
      equal(e.code, "BucketAlreadyOwnedByYou");
      equal(e.status, 409);
      equal(e.bucket, bucket);
      ok(e.requestId);
    } finally {
      await c.removeBucket(bucket);
    }
  });

  test(`[${t.name}] makeBucket with objectLock: writes get version ids`, async () => {
    const c = t.client();
    const bucket = uniqueBucket();
    await c.makeBucket(bucket, { objectLock: true });
    try {
      const w = await c.putObject(bucket, "locked.txt", "v1");
      ok(w.versionId, "object-lock buckets are versioned");
      await c.removeObject(bucket, "locked.txt", { versionId: w.versionId });
    } finally {
      await c.removeBucket(bucket);
    }
  });

  test(`[${t.name}] removeBucket of a missing bucket: NoSuchBucket; of a full one: BucketNotEmpty`, async () => {
    const c = t.client();
    await rejects(
      c.removeBucket(uniqueBucket()),
      (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket",
    );
    const bucket = uniqueBucket();
    await c.makeBucket(bucket);
    await c.putObject(bucket, "x", "x");
    const e = await c.removeBucket(bucket).catch((e) => e);
    deepEqual([e instanceof S3Error, e.code], [true, "BucketNotEmpty"]);
    await c.removeObject(bucket, "x");
    await c.removeBucket(bucket);
  });
}

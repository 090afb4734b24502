// Bucket and object tags against the real MinIO, object tags per version.
import { deepEqual, equal, rejects, test } from "../harness.ts";
import { ENABLED, S3Error, Tags, VersioningConfig } from "../../mod.ts";
import { targets, uniqueBucket, withBucket } from "./testbed.ts";
import { removeLockedBucket } from "./locked_bucket.ts";

const plain = (t: Tags | null) => t && Object.fromEntries(t);

for (const t of targets) {
  test(`[${t.name}] bucket tags: none is null, set (Tags or record), replace, delete`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketTags(bucket), null);
      await c.setBucketTags(
        bucket,
        Tags.newBucketTags().set("project", "edge").set("a b", "c+d=e"),
      );
      deepEqual(plain(await c.getBucketTags(bucket)), { project: "edge", "a b": "c+d=e" });
      const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`]));
      await c.setBucketTags(bucket, many);
      deepEqual(plain(await c.getBucketTags(bucket)), many);
      await c.deleteBucketTags(bucket);
      equal(await c.getBucketTags(bucket), null);
    });
  });

  test(`[${t.name}] object tags: put-time tags, set, per version, delete`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("tag");
    await c.makeBucket(bucket);
    try {
      await c.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
      const v1 = (await c.putObject(bucket, "doc", "1", undefined, { tags: { from: "put" } }))
        .versionId!;
      const v2 = (await c.putObject(bucket, "doc", "2")).versionId!;
      deepEqual(plain(await c.getObjectTags(bucket, "doc")), {}, "MinIO answers an empty tag set");
      deepEqual(plain(await c.getObjectTags(bucket, "doc", { versionId: v1 })), { from: "put" });

      await c.setObjectTags(bucket, "doc", { state: "draft" });
      await c.setObjectTags(bucket, "doc", Tags.newObjectTags().set("state", "old"), {
        versionId: v1,
      });
      deepEqual(plain(await c.getObjectTags(bucket, "doc")), { state: "draft" });
      deepEqual(plain(await c.getObjectTags(bucket, "doc", { versionId: v2 })), { state: "draft" });
      deepEqual(plain(await c.getObjectTags(bucket, "doc", { versionId: v1 })), { state: "old" });

      await c.deleteObjectTags(bucket, "doc", { versionId: v1 });
      deepEqual(plain(await c.getObjectTags(bucket, "doc", { versionId: v1 })), {});
      deepEqual(plain(await c.getObjectTags(bucket, "doc")), { state: "draft" });
      await c.deleteObjectTags(bucket, "doc");
      deepEqual(plain(await c.getObjectTags(bucket, "doc")), {});
      await rejects(
        c.getObjectTags(bucket, "missing"),
        (e: unknown) => e instanceof S3Error && e.code === "NoSuchKey",
      );
    } finally {
      await removeLockedBucket(c, bucket);
    }
  });
}

// Bucket versioning against the real MinIO: enable, suspend, MinIO's
// excluded prefixes and folders, and what each does to new writes.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { ENABLED, OFF, S3Error, SUSPENDED, VersioningConfig } from "../../mod.ts";
import { targets, uniqueBucket } from "./testbed.ts";
import { removeLockedBucket, withLockedBucket } from "./locked_bucket.ts";

for (const t of targets) {
  test(`[${t.name}] versioning: Off, enabled, excluded prefixes and folders, suspended`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("ver");
    await c.makeBucket(bucket);
    try {
      const never = await c.getBucketVersioning(bucket);
      equal(never.status, undefined);
      equal(never.statusString, OFF);
      equal((await c.putObject(bucket, "a", "0")).versionId, undefined);

      await c.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
      equal((await c.getBucketVersioning(bucket)).statusString, ENABLED);
      const v1 = (await c.putObject(bucket, "a", "1")).versionId;
      const v2 = (await c.putObject(bucket, "a", "2")).versionId;
      ok(v1 && v2 && v1 !== v2, "each write is a version");

      const excluding = new VersioningConfig(ENABLED, {
        excludedPrefixes: ["tmp/"],
        excludeFolders: true,
      });
      await c.setBucketVersioning(bucket, excluding);
      deepEqual(await c.getBucketVersioning(bucket), excluding);
      ok(
        (await c.putObject(bucket, "keep/x", "1")).versionId,
        "outside the excluded prefix: versioned",
      );
      equal(
        (await c.putObject(bucket, "tmp/x", "1")).versionId,
        undefined,
        "excluded prefix: unversioned",
      );
      equal((await c.putObject(bucket, "folder/", "")).versionId, undefined, "folder: unversioned");

      await c.setBucketVersioning(bucket, new VersioningConfig(SUSPENDED));
      deepEqual(await c.getBucketVersioning(bucket), new VersioningConfig(SUSPENDED));
      const w = await c.putObject(bucket, "a", "3");
      equal(w.versionId, undefined, "a suspended write makes the null version, without a header");
      const versions = [];
      for await (const v of c.listObjects(bucket, { includeVersion: true, prefix: "a" })) {
        versions.push(v.versionId);
      }
      equal(versions.length, 3, "the two real versions and the null version");
    } finally {
      await removeLockedBucket(c, bucket);
    }
  });

  test(`[${t.name}] versioning of an object-lock bucket cannot be suspended or excluded`, async () => {
    const c = t.client();
    await withLockedBucket(c, async (bucket) => {
      equal((await c.getBucketVersioning(bucket)).statusString, ENABLED);
      const refused = (e: unknown) => e instanceof S3Error && e.code === "InvalidBucketState";
      await rejects(c.setBucketVersioning(bucket, new VersioningConfig(SUSPENDED)), refused);
      await rejects(
        c.setBucketVersioning(
          bucket,
          new VersioningConfig(ENABLED, { excludedPrefixes: ["tmp/"] }),
        ),
        refused,
      );
    });
  });
}

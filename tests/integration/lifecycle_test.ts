// Bucket lifecycle and (what one server accepts of) bucket replication,
// against the real MinIO over HTTP and TLS.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  AbortIncompleteMultipartUpload,
  AndOperator,
  DeleteMarkerReplication,
  Destination,
  DISABLED,
  ENABLED,
  Expiration,
  Filter,
  LifecycleConfig,
  LifecycleRule,
  NoncurrentVersionExpiration,
  ReplicationConfig,
  ReplicationRule,
  S3Error,
  Tag,
  Transition,
} from "../../mod.ts";
import { EXAMPLE_LIFECYCLE, lifecycle } from "../../examples/lifecycle.ts";
import { targets, uniqueBucket, withBucket } from "./testbed.ts";
import { withVersionedBucket } from "./versioned.ts";

const RICH = new LifecycleConfig([
  new LifecycleRule(ENABLED, {
    ruleId: "logs",
    ruleFilter: new Filter({ prefix: "logs/" }),
    expiration: new Expiration({ days: 30 }),
    noncurrentVersionExpiration: new NoncurrentVersionExpiration({
      noncurrentDays: 7,
      newerNoncurrentVersions: 2,
    }),
  }),
  new LifecycleRule(DISABLED, {
    ruleId: "scratch & <tagged>",
    ruleFilter: new Filter({
      andOperator: new AndOperator({ prefix: "tmp/", tags: { class: "scratch", owner: "ci" } }),
    }),
    expiration: new Expiration({ date: new Date("2031-01-01T00:00:00Z") }),
  }),
  new LifecycleRule(ENABLED, {
    ruleId: "temp-tag",
    ruleFilter: new Filter({ tag: new Tag("temp", "yes") }),
    expiration: new Expiration({ days: 1 }),
  }),
  new LifecycleRule(ENABLED, {
    ruleId: "markers",
    ruleFilter: new Filter({ prefix: "" }),
    expiration: new Expiration({ expiredObjectDeleteMarker: true }),
  }),
  new LifecycleRule(ENABLED, {
    ruleId: "big-media",
    ruleFilter: new Filter({
      andOperator: new AndOperator({
        prefix: "media/",
        objectSizeGreaterThan: 1024,
        objectSizeLessThan: 1 << 30,
      }),
    }),
    noncurrentVersionExpiration: new NoncurrentVersionExpiration({ noncurrentDays: 3 }),
  }),
  new LifecycleRule(ENABLED, {
    ruleId: "small",
    ruleFilter: new Filter({ objectSizeLessThan: 64 }),
    expiration: new Expiration({ days: 365 }),
  }),
]);

for (const t of targets) {
  test(`[${t.name}] setBucketLifecycle → getBucketLifecycle equal; delete → null`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketLifecycle(bucket), null);
      await c.setBucketLifecycle(bucket, RICH);
      deepEqual(await c.getBucketLifecycle(bucket), RICH);
      await c.deleteBucketLifecycle(bucket);
      equal(await c.getBucketLifecycle(bucket), null);
      // Deleting again is not an error on MinIO.
      await c.deleteBucketLifecycle(bucket);
    });
  });

  test(`[${t.name}] lifecycle: MinIO drops AbortIncompleteMultipartUpload and refuses unknown tiers`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const expiration = new Expiration({ days: 2 });
      const abort = new AbortIncompleteMultipartUpload(3);
      await c.setBucketLifecycle(
        bucket,
        new LifecycleConfig([
          new LifecycleRule(ENABLED, {
            ruleId: "r",
            abortIncompleteMultipartUpload: abort,
            expiration,
          }),
        ]),
      );
      deepEqual(
        await c.getBucketLifecycle(bucket),
        new LifecycleConfig([new LifecycleRule(ENABLED, { ruleId: "r", expiration })]),
      );
      // With nothing MinIO knows left, the rule has no action at all.
      const e = await c.setBucketLifecycle(
        bucket,
        new LifecycleConfig([
          new LifecycleRule(ENABLED, { ruleId: "r", abortIncompleteMultipartUpload: abort }),
        ]),
      ).catch((e) => e);
      ok(e instanceof S3Error);
      deepEqual([e.code, e.status, e.bucket], ["InvalidArgument", 400, bucket]);
      // A transition needs a tier configured with the admin API.
      await rejects(
        c.setBucketLifecycle(
          bucket,
          new LifecycleConfig([
            new LifecycleRule(ENABLED, {
              transition: new Transition({ days: 30, storageClass: "NO-SUCH-TIER" }),
            }),
          ]),
        ),
        (e: unknown) =>
          e instanceof S3Error && e.code === "InvalidStorageClass" && e.status === 400,
      );
    });
  });

  test(`[${t.name}] lifecycle operations on a missing bucket: NoSuchBucket`, async () => {
    const c = t.client();
    const bucket = uniqueBucket();
    const noBucket = (e: unknown) => e instanceof S3Error && e.code === "NoSuchBucket";
    await rejects(c.getBucketLifecycle(bucket), noBucket);
    await rejects(c.setBucketLifecycle(bucket, RICH), noBucket);
    await rejects(c.deleteBucketLifecycle(bucket), noBucket);
  });

  test(`[${t.name}] replication on one server: null, harmless delete, MinIO's typed refusals`, async () => {
    const c = t.client();
    const config = (arn: string) =>
      new ReplicationConfig("", [
        new ReplicationRule(ENABLED, new Destination(arn), {
          ruleId: "r1",
          priority: 1,
          ruleFilter: new Filter({ prefix: "" }),
          deleteMarkerReplication: new DeleteMarkerReplication(),
        }),
      ]);
    const madeUp = "arn:minio:replication::00000000-0000-0000-0000-000000000000:nowhere";
    await withBucket(c, async (bucket) => {
      equal(await c.getBucketReplication(bucket), null);
      await c.deleteBucketReplication(bucket);
      equal(await c.getBucketReplication(bucket), null);
      const e = await c.setBucketReplication(bucket, config(madeUp)).catch((e) => e);
      ok(e instanceof S3Error);
      deepEqual([e.code, e.status], ["InvalidRequest", 400]);
      ok(e.message.includes("Versioning must be 'Enabled'"), e.message);
    });
    await withVersionedBucket(c, async (bucket) => {
      const e = await c.setBucketReplication(bucket, config(madeUp)).catch((e) => e);
      ok(e instanceof S3Error);
      deepEqual([e.code, e.status, e.bucket], [
        "XMinioAdminRemoteTargetNotFoundError",
        404,
        bucket,
      ]);
      await rejects(
        c.setBucketReplication(bucket, config("arn:aws:s3:::nowhere")),
        (e: unknown) =>
          e instanceof S3Error && e.code === "XMinioAdminRemoteArnInvalid" && e.status === 400,
      );
      await rejects(
        c.setBucketReplication(bucket, config("not-an-arn")),
        (e: unknown) => e instanceof S3Error && e.code === "MalformedXML",
      );
      equal(await c.getBucketReplication(bucket), null);
    });
  });

  test(`[${t.name}] examples/lifecycle.ts`, async () => {
    const c = t.client();
    const log = console.log;
    console.log = () => {};
    try {
      await withBucket(c, async (bucket) => {
        deepEqual(await lifecycle(c, bucket), EXAMPLE_LIFECYCLE);
        equal(await c.getBucketLifecycle(bucket), null);
      });
    } finally {
      console.log = log;
    }
  });
}

/**
 * `deleteBucketLifecycle`: removes every lifecycle rule of a bucket.
 *
 *   deno run -A examples/lifecycle/delete_bucket_lifecycle.ts
 */
import {
  ENABLED,
  Expiration,
  Filter,
  LifecycleConfig,
  LifecycleRule,
  Minio,
} from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-lifecycle-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.setBucketLifecycle(
  bucket,
  new LifecycleConfig([
    new LifecycleRule(ENABLED, {
      ruleId: "expire-tmp",
      ruleFilter: new Filter({ prefix: "tmp/" }),
      expiration: new Expiration({ days: 7 }),
    }),
  ]),
);

await client.deleteBucketLifecycle(bucket);
console.log("lifecycle:", await client.getBucketLifecycle(bucket)); // null

await client.removeBucket(bucket);

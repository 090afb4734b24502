/**
 * `setBucketLifecycle`: has the server expire what is under `tmp/` after a week.
 *
 *   deno run -A examples/lifecycle/set_bucket_lifecycle.ts
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

const bucket = `set-lifecycle-${crypto.randomUUID().slice(0, 8)}`;
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
console.log("tmp/ expires after 7 days in", bucket);

await client.deleteBucketLifecycle(bucket);
await client.removeBucket(bucket);

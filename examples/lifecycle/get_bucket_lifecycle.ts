/**
 * `getBucketLifecycle`: a bucket's lifecycle rules, `null` when none.
 *
 *   deno run -A examples/lifecycle/get_bucket_lifecycle.ts
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

const bucket = `get-lifecycle-${crypto.randomUUID().slice(0, 8)}`;
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

const config = await client.getBucketLifecycle(bucket);
for (const rule of config?.rules ?? []) {
  console.log(rule.ruleId, rule.status, rule.ruleFilter?.prefix, rule.expiration?.days);
}

await client.deleteBucketLifecycle(bucket);
await client.removeBucket(bucket);

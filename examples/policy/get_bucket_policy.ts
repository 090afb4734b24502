/**
 * `getBucketPolicy`: a bucket's policy as the JSON text the server stores.
 *
 *   deno run -A examples/policy/get_bucket_policy.ts
 */
import { type BucketPolicy, Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-policy-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.setBucketPolicy(bucket, {
  Version: "2012-10-17",
  Statement: [{
    Effect: "Allow",
    Principal: { AWS: ["*"] },
    Action: ["s3:GetObject"],
    Resource: [`arn:aws:s3:::${bucket}/public/*`],
  }],
});

const policy: BucketPolicy = JSON.parse(await client.getBucketPolicy(bucket));
for (const s of policy.Statement) console.log(s.Effect, s.Action, "on", s.Resource);

await client.deleteBucketPolicy(bucket);
await client.removeBucket(bucket);

/**
 * `deleteBucketPolicy`: removes a bucket's policy; reading it then is a
 * `NoSuchBucketPolicy` error.
 *
 *   deno run -A examples/policy/delete_bucket_policy.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-policy-${crypto.randomUUID().slice(0, 8)}`;
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

await client.deleteBucketPolicy(bucket);
const gone = await client.getBucketPolicy(bucket).catch((e) => e);
console.log(gone instanceof S3Error ? gone.code : gone); // NoSuchBucketPolicy

await client.removeBucket(bucket);

/**
 * `deleteBucketEncryption`: removes a bucket's default encryption (objects
 * already written stay encrypted).
 *
 *   deno run -A examples/encryption/delete_bucket_encryption.ts
 */
import { Minio, SSEConfig, SSERule } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-encryption-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseS3Rule()));

await client.deleteBucketEncryption(bucket);
console.log("default encryption:", (await client.getBucketEncryption(bucket)) ?? "none");

await client.removeBucket(bucket);

/**
 * `getBucketEncryption`: a bucket's default encryption, `null` when none.
 *
 *   deno run -A examples/encryption/get_bucket_encryption.ts
 */
import { Minio, SSEConfig, SSERule } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-encryption-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log(await client.getBucketEncryption(bucket)); // null

await client.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseS3Rule()));
const config = await client.getBucketEncryption(bucket);
console.log(config?.rule.sseAlgorithm); // AES256

await client.removeBucket(bucket);

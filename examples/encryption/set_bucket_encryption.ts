/**
 * `setBucketEncryption`: has the server encrypt every new object of a bucket
 * (SSE-S3; `SSERule.newSseKmsRule(key)` for SSE-KMS).
 *
 *   deno run -A examples/encryption/set_bucket_encryption.ts
 */
import { Minio, SSEConfig, SSERule } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-encryption-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

await client.setBucketEncryption(bucket, new SSEConfig(SSERule.newSseS3Rule()));
await client.putObject(bucket, "report.txt", "quarterly numbers");
const stat = await client.statObject(bucket, "report.txt");
console.log("report.txt:", stat.headers.get("x-amz-server-side-encryption")); // AES256

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `bucketExists`: whether a bucket is there, e.g. to make it only when missing.
 *
 *   deno run -A examples/bucket/bucket_exists.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `bucket-exists-${crypto.randomUUID().slice(0, 8)}`;
console.log(`${bucket} exists:`, await client.bucketExists(bucket)); // false
if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);
console.log(`${bucket} exists:`, await client.bucketExists(bucket)); // true

await client.removeBucket(bucket);

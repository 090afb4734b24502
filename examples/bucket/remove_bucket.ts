/**
 * `removeBucket`: removes a bucket, which must be empty first.
 *
 *   deno run -A examples/bucket/remove_bucket.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `remove-bucket-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "note.txt", "hello");

const refused = await client.removeBucket(bucket).catch((e) => e);
console.log("a bucket with objects:", refused instanceof S3Error ? refused.code : refused); // BucketNotEmpty

await client.removeObject(bucket, "note.txt");
await client.removeBucket(bucket);
console.log(`${bucket} removed:`, !(await client.bucketExists(bucket)));

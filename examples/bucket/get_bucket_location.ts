/**
 * `getBucketLocation`: the region a bucket lives in.
 *
 *   deno run -A examples/bucket/get_bucket_location.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `bucket-location-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

console.log(`${bucket} is in`, await client.getBucketLocation(bucket)); // us-east-1

await client.removeBucket(bucket);

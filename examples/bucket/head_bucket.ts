/**
 * `headBucket`: what the server says about a bucket (its region), or `null`
 * when there is no such bucket.
 *
 *   deno run -A examples/bucket/head_bucket.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `head-bucket-${crypto.randomUUID().slice(0, 8)}`;
console.log(await client.headBucket(bucket)); // null
await client.makeBucket(bucket);

const head = await client.headBucket(bucket);
console.log(head?.bucket, head?.region); // ... us-east-1

await client.removeBucket(bucket);

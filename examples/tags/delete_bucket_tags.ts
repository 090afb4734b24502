/**
 * `deleteBucketTags`: removes every tag of a bucket.
 *
 *   deno run -A examples/tags/delete_bucket_tags.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-bucket-tags-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.setBucketTags(bucket, { project: "edge" });

await client.deleteBucketTags(bucket);
console.log("tags:", await client.getBucketTags(bucket)); // null

await client.removeBucket(bucket);

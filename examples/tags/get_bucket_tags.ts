/**
 * `getBucketTags`: a bucket's tags, `null` when it has none.
 *
 *   deno run -A examples/tags/get_bucket_tags.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-bucket-tags-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log(await client.getBucketTags(bucket)); // null

await client.setBucketTags(bucket, { project: "edge" });
const tags = await client.getBucketTags(bucket);
console.log(tags?.get("project")); // edge

await client.removeBucket(bucket);

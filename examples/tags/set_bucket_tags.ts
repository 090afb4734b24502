/**
 * `setBucketTags`: replaces a bucket's tags (at most 50), from `Tags` or a
 * plain object.
 *
 *   deno run -A examples/tags/set_bucket_tags.ts
 */
import { Minio, Tags } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-bucket-tags-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

await client.setBucketTags(bucket, Tags.newBucketTags().set("team", "media"));
await client.setBucketTags(bucket, { team: "media", "cost-center": "42" });
console.log(Object.fromEntries((await client.getBucketTags(bucket)) ?? []));

await client.removeBucket(bucket);

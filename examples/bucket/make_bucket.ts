/**
 * `makeBucket`: makes a bucket, one with object locking (which only a new bucket
 * can get) and one with tags, and removes them.
 *
 *   deno run -A examples/bucket/make_bucket.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `make-bucket-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log(`made ${bucket}`);
await client.makeBucket(`${bucket}-locked`, { objectLock: true });
console.log(`made ${bucket}-locked with object locking`);
await client.makeBucket(`${bucket}-tagged`, { tags: { team: "media" } });
const tags = await client.getBucketTags(`${bucket}-tagged`);
console.log(`made ${bucket}-tagged with tags`, Object.fromEntries(tags ?? [])); // { team: "media" }

for (const b of [bucket, `${bucket}-locked`, `${bucket}-tagged`]) await client.removeBucket(b);

/**
 * `makeBucket`: makes a bucket, then one with object locking (which only a new
 * bucket can get), and removes both.
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

await client.removeBucket(bucket);
await client.removeBucket(`${bucket}-locked`);

/**
 * `deleteBucketCors`: removes a bucket's CORS rules. MinIO keeps none and
 * answers `NotImplemented`, as this shows.
 *
 *   deno run -A examples/cors/delete_bucket_cors.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-cors-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

try {
  await client.deleteBucketCors(bucket);
  console.log("CORS rules:", await client.getBucketCors(bucket)); // null
} catch (e) {
  if (!(e instanceof S3Error && e.code === "NotImplemented")) throw e;
  console.log("this server keeps no per-bucket CORS rules:", e.message);
}

await client.removeBucket(bucket);

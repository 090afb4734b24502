/**
 * `setBucketCors`: lets pages of an origin upload straight to a bucket (the
 * rule a browser upload needs). MinIO keeps no per-bucket CORS rules and
 * answers `NotImplemented`, as this shows; its CORS is server-wide
 * (`api cors_allow_origin`).
 *
 *   deno run -A examples/cors/set_bucket_cors.ts
 */
import { CORSConfig, Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-cors-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

try {
  await client.setBucketCors(bucket, CORSConfig.forBrowserUploads(["https://app.example.com"]));
  console.log("rules:", (await client.getBucketCors(bucket))?.rules.length);
  await client.deleteBucketCors(bucket);
} catch (e) {
  if (!(e instanceof S3Error && e.code === "NotImplemented")) throw e;
  console.log("this server keeps no per-bucket CORS rules:", e.message);
}

await client.removeBucket(bucket);

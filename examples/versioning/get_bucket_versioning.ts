/**
 * `getBucketVersioning`: a bucket's versioning status (`Off` until it was
 * first set) and MinIO's excluded prefixes.
 *
 *   deno run -A examples/versioning/get_bucket_versioning.ts
 */
import { ENABLED, Minio, VersioningConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-versioning-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log((await client.getBucketVersioning(bucket)).statusString); // Off

await client.setBucketVersioning(
  bucket,
  new VersioningConfig(ENABLED, { excludedPrefixes: ["tmp/"] }),
);
const config = await client.getBucketVersioning(bucket);
console.log(config.statusString, config.excludedPrefixes); // Enabled [ "tmp/" ]

await client.removeBucket(bucket);

/**
 * `getBucketCors`: a bucket's CORS rules, `null` when it has none (always,
 * on MinIO, whose CORS is server-wide).
 *
 *   deno run -A examples/cors/get_bucket_cors.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-cors-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const config = await client.getBucketCors(bucket);
for (const rule of config?.rules ?? []) console.log(rule.allowedOrigins, rule.allowedMethods);
console.log(config === null ? "no CORS rules" : `${config.rules.length} rule(s)`);

await client.removeBucket(bucket);

/**
 * `EnvAWSProvider` and `EnvMinioProvider`: keys from environment variables
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, or
 * MINIO_ACCESS_KEY / MINIO_SECRET_KEY), read on every request.
 *
 *   MINIO_ACCESS_KEY=minioadmin MINIO_SECRET_KEY=minioadmin deno run -A examples/credentials/env.ts
 */
import { EnvMinioProvider, Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  credentials: new EnvMinioProvider(),
});
console.log((await client.listBuckets()).length, "buckets");

/**
 * `bucketQuotaGet`: a bucket's quota (all zero when none is set).
 *
 *   deno run -A examples/admin/quota/bucket_quota_get.ts
 */
import { Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

const bucket = `quota-get-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await admin.bucketQuotaSet(bucket, 10 * 1024 ** 3);

const { quota, quotatype } = await admin.bucketQuotaGet(bucket);
console.log(`${bucket}: ${quota} bytes (${quotatype ?? "hard"})`);

await admin.bucketQuotaClear(bucket);
await client.removeBucket(bucket);

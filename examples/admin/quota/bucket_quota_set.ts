/**
 * `bucketQuotaSet`: caps a bucket at a size; writes beyond it are refused.
 *
 *   deno run -A examples/admin/quota/bucket_quota_set.ts
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

const bucket = `quota-set-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

await admin.bucketQuotaSet(bucket, 1024 * 1024); // 1 MiB
await client.putObject(bucket, "small.bin", new Uint8Array(512 * 1024));
console.log(bucket, "quota:", (await admin.bucketQuotaGet(bucket)).quota);

await admin.bucketQuotaClear(bucket);
// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `getDataUsageInfo`: objects, sizes and buckets as the server's scanner last
 * counted them.
 *
 *   deno run -A examples/admin/info/get_data_usage_info.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const usage = await admin.getDataUsageInfo();
console.log(`as of ${usage.lastUpdate}:`);
console.log(
  `${usage.bucketsCount} buckets, ${usage.objectsCount} objects, ${usage.objectsTotalSize} bytes`,
);

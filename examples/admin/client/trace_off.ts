/**
 * `traceOff` of the admin client: stops tracing.
 *
 *   deno run -A examples/admin/client/trace_off.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

let traced = 0;
admin.traceOn(() => traced++);
await admin.info();
admin.traceOff();
await admin.info();
console.log("requests traced:", traced); // 1

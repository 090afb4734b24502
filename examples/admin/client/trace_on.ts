/**
 * `traceOn` of the admin client: prints every admin request and answer
 * (headers only: admin bodies are encrypted; signatures redacted).
 *
 *   deno run -A examples/admin/client/trace_on.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

admin.traceOn(process.stdout);
await admin.info();
admin.traceOn((entry) => console.log(entry.method, entry.url, entry.status)); // one line each
await admin.userList();
admin.traceOff();

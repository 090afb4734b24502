/**
 * `setAppInfo` of the admin client: names your application in the
 * User-Agent of every admin request.
 *
 *   deno run -A examples/admin/client/set_app_info.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

admin.setAppInfo("ops-dashboard", "2.0.1");
admin.traceOn((entry) => console.log(entry.method, entry.requestHeaders["user-agent"]));
await admin.info();
admin.traceOff();

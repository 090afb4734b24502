/**
 * `setAppInfo`: names your application in the User-Agent of every request
 * (`minio-edge/<version> photo-sync/1.4.2`), so server logs and traces show
 * who sent it.
 *
 *   deno run -A examples/client/set_app_info.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

client.setAppInfo("photo-sync", "1.4.2");
client.traceOn((entry) => console.log(entry.method, entry.requestHeaders["user-agent"]));
await client.listBuckets();
client.traceOff();

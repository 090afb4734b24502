/**
 * `traceOff`: stops tracing: requests after it are not traced.
 *
 *   deno run -A examples/client/trace_off.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

let traced = 0;
client.traceOn(() => traced++);
await client.listBuckets();
client.traceOff();
await client.listBuckets();
console.log("requests traced:", traced); // 1

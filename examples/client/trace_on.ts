/**
 * `traceOn`: prints every request and answer (method, URL, headers, status;
 * signatures, tokens and keys redacted), here to stdout, until `traceOff`.
 *
 *   deno run -A examples/client/trace_on.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `trace-on-${crypto.randomUUID().slice(0, 8)}`;
client.traceOn(process.stdout); // the whole text of each request and answer
await client.makeBucket(bucket);
client.traceOn((entry) => console.log(entry.method, entry.url, entry.status)); // one line each
await client.removeBucket(bucket);
client.traceOff();

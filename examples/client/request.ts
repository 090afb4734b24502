/**
 * `request`: sends a signed S3 request the client has no method for, here
 * GetBucketAcl, and reads the raw answer.
 *
 *   deno run -A examples/client/request.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `raw-request-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const res = await client.request({ method: "GET", bucket, query: [["acl", ""]] });
const xml = await res.text();
console.log(res.status, xml.match(/<Permission>(.*?)<\/Permission>/)?.[1]); // 200 FULL_CONTROL

await client.removeBucket(bucket);

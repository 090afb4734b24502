/**
 * `presignedGetObject`: a URL anyone can download an object with until it
 * expires, here with a download file name.
 *
 *   deno run -A examples/presign/presigned_get_object.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `presigned-get-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "cat.png", "png bytes");

const url = await client.presignedGetObject(bucket, "cat.png", {
  expires: 600,
  responseHeaders: { "response-content-disposition": 'attachment; filename="cat.png"' },
});
const res = await fetch(url);
console.log(res.status, res.headers.get("content-disposition"), await res.text());

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

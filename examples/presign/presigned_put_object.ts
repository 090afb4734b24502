/**
 * `presignedPutObject`: a URL anyone can upload one object with (a plain
 * PUT) until it expires.
 *
 *   deno run -A examples/presign/presigned_put_object.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `presigned-put-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const url = await client.presignedPutObject(bucket, "upload.txt", { expires: 600 });
const res = await fetch(url, { method: "PUT", body: "uploaded without keys" });
await res.body?.cancel();
console.log(res.status, await (await client.getObject(bucket, "upload.txt")).text());

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

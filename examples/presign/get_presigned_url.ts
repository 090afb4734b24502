/**
 * `getPresignedUrl`: a presigned URL for any method, here a DELETE.
 *
 *   deno run -A examples/presign/get_presigned_url.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `presigned-url-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "old.png", "png bytes");

const url = await client.getPresignedUrl("DELETE", bucket, "old.png", { expires: 3600 });
const res = await fetch(url, { method: "DELETE" });
await res.body?.cancel();
console.log("DELETE:", res.status); // 204
const gone = await client.statObject(bucket, "old.png").catch((e) => e);
console.log(gone instanceof S3Error ? gone.code : gone); // NoSuchKey

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

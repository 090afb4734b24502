/**
 * `abortMultipartUpload`: gives up an upload; the server discards its parts.
 *
 *   deno run -A examples/multipart/abort_multipart_upload.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `abort-multipart-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const plan = await client.createPresignedMultipartUpload(bucket, "video.mp4", 12 * 1024 * 1024);

await client.abortMultipartUpload(bucket, "video.mp4", plan.uploadId);
const left = await client.listUploadedParts(bucket, "video.mp4", plan.uploadId).catch((e) => e);
console.log("after abort:", left instanceof S3Error ? left.code : left); // NoSuchUpload

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

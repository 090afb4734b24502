/**
 * `presignedUploadParts`: presigns the part URLs of an upload again, e.g. when
 * the first ones have expired, with the size and part size it was planned with.
 *
 *   deno run -A examples/multipart/presigned_upload_parts.ts
 */
import { Minio } from "@minio-edge/minio";
import { sendParts } from "./_browser.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `upload-parts-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const size = 12 * 1024 * 1024;
const plan = await client.createPresignedMultipartUpload(bucket, "video.mp4", size, {
  contentType: "video/mp4",
});

const fresh = await client.presignedUploadParts(bucket, "video.mp4", plan.uploadId, plan.size, {
  partSize: plan.partSize,
  expires: 3600,
});
console.log(`${fresh.parts.length} new URLs, valid until ${fresh.expiresAt}`);
const parts = await sendParts(fresh.parts, new Blob([new Uint8Array(size)]));
await client.completeMultipartUpload(bucket, "video.mp4", plan.uploadId, parts);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

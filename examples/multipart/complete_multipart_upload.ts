/**
 * `completeMultipartUpload`: makes the object from the parts a browser sent,
 * given their numbers and ETags in any order.
 *
 *   deno run -A examples/multipart/complete_multipart_upload.ts
 */
import { Minio } from "@minio-edge/minio";
import { sendParts } from "./_browser.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `complete-multipart-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const size = 12 * 1024 * 1024;
const plan = await client.createPresignedMultipartUpload(bucket, "video.mp4", size, {
  contentType: "video/mp4",
});

const parts = await sendParts(plan.parts, new Blob([new Uint8Array(size)]));
const { etag } = await client.completeMultipartUpload(
  bucket,
  "video.mp4",
  plan.uploadId,
  parts.reverse(),
);
console.log(`video.mp4 complete, etag ${etag}`); // "...-3": three parts

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

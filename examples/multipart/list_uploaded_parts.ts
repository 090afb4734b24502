/**
 * `listUploadedParts`: the parts the server holds for an upload, e.g. to
 * resume one from where it stopped.
 *
 *   deno run -A examples/multipart/list_uploaded_parts.ts
 */
import { Minio } from "@minio-edge/minio";
import { sendParts } from "./_browser.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `uploaded-parts-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
const size = 12 * 1024 * 1024;
const plan = await client.createPresignedMultipartUpload(bucket, "video.mp4", size, {
  contentType: "video/mp4",
});
const file = new Blob([new Uint8Array(size)]);
await sendParts(plan.parts.slice(0, 2), file); // the upload stops after two parts

const done = await client.listUploadedParts(bucket, "video.mp4", plan.uploadId);
console.log("on the server:", done.map((p) => `${p.partNumber} (${p.size} bytes)`));
const missing = plan.parts.filter((p) => !done.some((d) => d.partNumber === p.partNumber));
const rest = await sendParts(missing, file);
await client.completeMultipartUpload(bucket, "video.mp4", plan.uploadId, [...done, ...rest]);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

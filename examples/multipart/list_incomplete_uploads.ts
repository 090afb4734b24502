/**
 * `listIncompleteUploads`: multipart uploads started and never completed or
 * aborted, which hold storage until removed.
 *
 *   deno run -A examples/multipart/list_incomplete_uploads.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `incomplete-uploads-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.createPresignedMultipartUpload(bucket, "videos/a.mp4", 12 * 1024 * 1024);
await client.createPresignedMultipartUpload(bucket, "videos/b.mp4", 12 * 1024 * 1024);

for await (
  const u of client.listIncompleteUploads(bucket, { recursive: true, includeSize: true })
) {
  console.log(u.name, u.uploadId, u.initiated, u.size);
}

for (const name of ["videos/a.mp4", "videos/b.mp4"]) {
  await client.removeIncompleteUpload(bucket, name);
}
await client.removeBucket(bucket);

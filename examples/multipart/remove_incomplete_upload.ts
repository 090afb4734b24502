/**
 * `removeIncompleteUpload`: aborts every unfinished multipart upload of an
 * object, freeing its parts.
 *
 *   deno run -A examples/multipart/remove_incomplete_upload.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `remove-incomplete-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.createPresignedMultipartUpload(bucket, "big.iso", 12 * 1024 * 1024);

await client.removeIncompleteUpload(bucket, "big.iso");
let left = 0;
for await (const _ of client.listIncompleteUploads(bucket, { prefix: "big.iso" })) left++;
console.log("incomplete uploads of big.iso:", left); // 0

await client.removeBucket(bucket);

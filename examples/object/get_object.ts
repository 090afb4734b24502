/**
 * `getObject`: downloads an object, a whole one with a progress bar and a
 * range of one, and reads its properties from the same answer.
 *
 *   deno run -A examples/object/get_object.ts
 */
import { Minio } from "@minio-edge/minio";
import { progressBar } from "../_progress.ts";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "data.bin", new Uint8Array(32 * 1024 * 1024).fill(7));

const object = await client.getObject(bucket, "data.bin", { onProgress: progressBar() });
const bytes = await object.bytes();
console.log(`downloaded ${bytes.length} bytes, etag ${object.stat.etag}`);

const range = await client.getObject(bucket, "data.bin", { offset: 1024, length: 4 });
console.log("bytes 1024-1027:", await range.bytes()); // Uint8Array [7, 7, 7, 7]

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

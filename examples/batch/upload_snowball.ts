/**
 * `uploadSnowball`: packs many small objects into one tar archive, uploaded in
 * one request for the server to extract (MinIO).
 *
 *   deno run -A examples/batch/upload_snowball.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `snowball-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const objects = Array.from({ length: 100 }, (_, i) => ({
  name: `notes/note-${i}.txt`,
  body: `note number ${i}`,
}));
const result = await client.uploadSnowball(bucket, objects, {
  compression: true,
  prefix: "import",
});
console.log(`${result.objectCount} objects in a ${result.archiveSize}-byte archive`);

let count = 0;
for await (const _ of client.listObjects(bucket, { prefix: "import/", recursive: true })) count++;
console.log(`the bucket holds ${count} objects under import/`);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

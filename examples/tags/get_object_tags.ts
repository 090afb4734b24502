/**
 * `getObjectTags`: an object's tags (empty when it has none).
 *
 *   deno run -A examples/tags/get_object_tags.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-object-tags-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "photo.jpg", "jpeg bytes", undefined, { tags: { state: "raw" } });

const tags = await client.getObjectTags(bucket, "photo.jpg");
for (const [key, value] of tags ?? []) console.log(`${key}=${value}`); // state=raw

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `deleteObjectTags`: removes every tag of an object.
 *
 *   deno run -A examples/tags/delete_object_tags.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-object-tags-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "photo.jpg", "jpeg bytes", undefined, { tags: { state: "raw" } });

await client.deleteObjectTags(bucket, "photo.jpg");
console.log("tags left:", [...((await client.getObjectTags(bucket, "photo.jpg")) ?? [])].length); // 0

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `getObjectAttributes`: an object's ETag, size, storage class and, for a
 * multipart object, its parts.
 *
 *   deno run -A examples/object/get_object_attributes.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `object-attributes-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
// 12 MiB in parts of 5 MiB: three parts.
await client.putObject(bucket, "big.bin", new Uint8Array(12 * 1024 * 1024), undefined, {
  partSize: 5 * 1024 * 1024,
});

const a = await client.getObjectAttributes(bucket, "big.bin", { maxParts: 100 });
console.log(a.objectSize, a.etag, a.storageClass);
console.log("parts:", a.objectParts?.partsCount, a.objectParts?.parts.map((p) => p.size));

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

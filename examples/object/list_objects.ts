/**
 * `listObjects`: lists a bucket like folders (one level, with prefixes),
 * recursively, and with every version.
 *
 *   deno run -A examples/object/list_objects.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `list-objects-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
for (const name of ["a.txt", "photos/2024/cat.jpg", "photos/2024/dog.jpg", "photos/2025/owl.jpg"]) {
  await client.putObject(bucket, name, name);
}

for await (const o of client.listObjects(bucket, { prefix: "photos/" })) {
  console.log(o.isDir ? `dir  ${o.name}` : `file ${o.name} ${o.size}`); // the 2024/ and 2025/ "folders"
}
for await (const o of client.listObjects(bucket, { recursive: true })) {
  console.log(o.name, o.size, o.lastModified);
}
for await (const v of client.listObjects(bucket, { includeVersion: true, recursive: true })) {
  console.log(v.name, v.versionId, v.isLatest, v.isDeleteMarker);
}

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

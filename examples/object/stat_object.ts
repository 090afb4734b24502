/**
 * `statObject`: an object's size, ETag, content type and metadata, without
 * downloading it.
 *
 *   deno run -A examples/object/stat_object.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `stat-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "report.csv", "a,b\n1,2\n", undefined, {
  contentType: "text/csv",
  metadata: { department: "sales" },
});

const stat = await client.statObject(bucket, "report.csv");
console.log(stat.size, stat.etag, stat.contentType, stat.lastModified, stat.metadata);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

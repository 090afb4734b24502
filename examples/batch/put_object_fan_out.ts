/**
 * `putObjectFanOut`: writes the same bytes as several objects, each with its
 * own metadata, in one request (MinIO).
 *
 *   deno run -A examples/batch/put_object_fan_out.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `fan-out-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const results = await client.putObjectFanOut(bucket, "the same bytes", [
  { key: "copies/a.txt", contentType: "text/plain" },
  { key: "copies/b.txt", metadata: { owner: "ana" }, tags: { team: "media" } },
]);
for (const r of results) console.log(r.key, r.etag ?? r.error);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

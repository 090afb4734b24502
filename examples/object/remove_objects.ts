/**
 * `removeObjects`: removes many objects in batches (names, versions, or what
 * a listing yields) and reports each one the server did not remove.
 *
 *   deno run -A examples/object/remove_objects.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `remove-objects-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
for (let i = 0; i < 5; i++) await client.putObject(bucket, `logs/2019/day-${i}.log`, "...");
await client.putObject(bucket, "keep.txt", "keep me");

// Every object under logs/2019/, as the listing yields them.
const old = client.listObjects(bucket, { prefix: "logs/2019/", recursive: true });
for await (const e of client.removeObjects(bucket, old)) {
  console.log("not removed:", e.name, e.code, e.message);
}
for await (const o of client.listObjects(bucket, { recursive: true })) console.log("left:", o.name);

for await (const e of client.removeObjects(bucket, ["keep.txt"])) console.log(e);
await client.removeBucket(bucket);

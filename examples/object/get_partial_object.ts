/**
 * `getPartialObject`: downloads `length` bytes from `offset` (to the end
 * without a length).
 *
 *   deno run -A examples/object/get_partial_object.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `partial-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "alphabet.txt", "abcdefghijklmnopqrstuvwxyz");

const middle = await client.getPartialObject(bucket, "alphabet.txt", 10, 5);
console.log(await middle.text()); // klmno
const tail = await client.getPartialObject(bucket, "alphabet.txt", 23);
console.log(await tail.text()); // xyz

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `composeObject`: builds one object from others (whole objects or byte
 * ranges) by server-side copy. Every source but the last must be at least 5 MiB.
 *
 *   deno run -A examples/object/compose_object.ts
 */
import { ComposeSource, Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `compose-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "day-1.log", new Uint8Array(5 * 1024 * 1024).fill(49));
await client.putObject(bucket, "day-2.log", "day two\n".repeat(1000));

await client.composeObject(bucket, "all.log", [
  new ComposeSource(bucket, "day-1.log"),
  new ComposeSource(bucket, "day-2.log", { offset: 0, length: 800 }),
], { contentType: "text/plain" });
console.log("all.log:", (await client.statObject(bucket, "all.log")).size); // 5243680

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `appendObject`: appends bytes to an existing object. Servers with appends
 * (MinIO AIStor, S3 Express One Zone) add them; the community MinIO refuses the
 * call with `BadRequest`, leaving the object as it was, as this shows.
 *
 *   deno run -A examples/object/append_object.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `append-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "today.log", "first line\n");

try {
  const { size } = await client.appendObject(bucket, "today.log", "one more line\n");
  console.log(`appended: today.log now holds ${size} bytes`);
} catch (e) {
  if (!(e instanceof S3Error && e.code === "BadRequest")) throw e;
  console.log("this server does not append:", e.message);
}
console.log(await (await client.getObject(bucket, "today.log")).text());

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

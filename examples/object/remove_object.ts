/**
 * `removeObject`: removes an object; in a versioned bucket, one version of it.
 *
 *   deno run -A examples/object/remove_object.ts
 */
import { ENABLED, Minio, S3Error, VersioningConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `remove-object-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "old.txt", "outdated");

await client.removeObject(bucket, "old.txt");
const gone = await client.statObject(bucket, "old.txt").catch((e) => e);
console.log("after removeObject:", gone instanceof S3Error ? gone.code : gone); // NoSuchKey

await client.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
const { versionId } = await client.putObject(bucket, "draft.txt", "v1");
await client.putObject(bucket, "draft.txt", "v2");
await client.removeObject(bucket, "draft.txt", { versionId }); // only v1 goes
console.log("latest is still", await (await client.getObject(bucket, "draft.txt")).text()); // v2

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

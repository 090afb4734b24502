/**
 * `setBucketVersioning`: keeps every version of every object (except under
 * `tmp/`, a MinIO extension), then suspends versioning.
 *
 *   deno run -A examples/versioning/set_bucket_versioning.ts
 */
import { ENABLED, Minio, SUSPENDED, VersioningConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-versioning-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

await client.setBucketVersioning(
  bucket,
  new VersioningConfig(ENABLED, { excludedPrefixes: ["tmp/"] }),
);
await client.putObject(bucket, "notes.txt", "first draft");
await client.putObject(bucket, "notes.txt", "second draft");
for await (const v of client.listObjects(bucket, { prefix: "notes.txt", includeVersion: true })) {
  console.log(v.name, v.versionId, v.isLatest ? "(latest)" : "");
}
await client.setBucketVersioning(bucket, new VersioningConfig(SUSPENDED));

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

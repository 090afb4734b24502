/**
 * Tags on a bucket and on an object: set, read, remove. Runs against the
 * MinIO that `bash scripts/demo.sh` starts (or any server named by
 * MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/tags.ts
 *   bun examples/tags.ts
 *   TAGS_MAIN=1 node --import tsx examples/tags.ts
 */
import { Minio, Tags } from "../mod.ts";

/** Tags `bucket` and an object in it; returns both tag sets as read back. */
export async function tags(
  client: Minio,
  bucket: string,
): Promise<{ bucket: Record<string, string>; object: Record<string, string> }> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.setBucketTags(
    bucket,
    Tags.newBucketTags().set("team", "media").set("cost-center", "42"),
  );
  await client.putObject(bucket, "photo.jpg", "jpeg bytes", undefined, { tags: { state: "raw" } });
  await client.setObjectTags(bucket, "photo.jpg", { state: "reviewed", reviewer: "ana" });

  const bucketTags = Object.fromEntries((await client.getBucketTags(bucket)) ?? []);
  const objectTags = Object.fromEntries((await client.getObjectTags(bucket, "photo.jpg")) ?? []);
  console.log("bucket tags:", bucketTags);
  console.log("photo.jpg tags:", objectTags);

  await client.deleteObjectTags(bucket, "photo.jpg");
  await client.deleteBucketTags(bucket);
  console.log("bucket tags after delete:", await client.getBucketTags(bucket)); // null
  return { bucket: bucketTags, object: objectTags };
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("TAGS_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await tags(client, "tags-example");
}

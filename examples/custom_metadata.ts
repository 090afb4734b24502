/**
 * Custom metadata: store your own key/value pairs (and standard headers
 * such as Cache-Control) with an object, and read them back with
 * statObject. Runs against the MinIO that `bash scripts/demo.sh` starts (or
 * any server named by MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/custom_metadata.ts
 *   bun examples/custom_metadata.ts
 *   CUSTOM_METADATA_MAIN=1 node --import tsx examples/custom_metadata.ts
 */
import { Minio, type ObjectStat } from "../mod.ts";

/** Uploads `photo.jpg` with metadata to `bucket`; returns its stat. */
export async function customMetadata(client: Minio, bucket: string): Promise<ObjectStat> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.putObject(bucket, "photo.jpg", new Uint8Array([0xff, 0xd8, 0xff]), undefined, {
    contentType: "image/jpeg",
    // Plain keys travel as x-amz-meta-*; standard headers are stored as they are.
    metadata: { photographer: "Ana", "camera-model": "X100V", "Cache-Control": "max-age=3600" },
  });

  const stat = await client.statObject(bucket, "photo.jpg");
  console.log(`${stat.size} bytes of ${stat.contentType}`);
  for (const [k, v] of Object.entries(stat.metadata)) console.log(`  ${k}: ${v}`);
  console.log("  cache-control:", stat.headers.get("cache-control"));
  return stat;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("CUSTOM_METADATA_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await customMetadata(client, "metadata-example");
}

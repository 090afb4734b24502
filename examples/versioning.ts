/**
 * Bucket versioning: turn it on (leaving scratch files unversioned, a MinIO
 * extension), keep two versions of a file, list them, then suspend it. Runs
 * against the MinIO that `bash scripts/demo.sh` starts (or any server named
 * by MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/versioning.ts
 *   bun examples/versioning.ts
 *   VERSIONING_MAIN=1 node --import tsx examples/versioning.ts
 */
import { ENABLED, Minio, SUSPENDED, VersioningConfig } from "../mod.ts";

/** Versions `bucket`, writes `notes.txt` twice, suspends; returns the version ids written. */
export async function versioning(client: Minio, bucket: string): Promise<string[]> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.setBucketVersioning(
    bucket,
    new VersioningConfig(ENABLED, { excludedPrefixes: ["scratch/"] }),
  );
  console.log("versioning:", (await client.getBucketVersioning(bucket)).statusString);

  const ids: string[] = [];
  for (const text of ["first draft", "second draft"]) {
    const { versionId } = await client.putObject(bucket, "notes.txt", text);
    ids.push(versionId!);
  }
  for await (const v of client.listObjects(bucket, { prefix: "notes.txt", includeVersion: true })) {
    console.log(`${v.name} version ${v.versionId}${v.isLatest ? " (latest)" : ""}`);
  }
  const first = await client.getObject(bucket, "notes.txt", { versionId: ids[0] });
  console.log("first version says:", await first.text());

  await client.setBucketVersioning(bucket, new VersioningConfig(SUSPENDED));
  console.log("versioning:", (await client.getBucketVersioning(bucket)).statusString);
  return ids;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("VERSIONING_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await versioning(client, "versioning-example");
}

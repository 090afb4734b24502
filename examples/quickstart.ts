/**
 * Quickstart: create a bucket, upload, list and download, against the MinIO
 * that `bash scripts/demo.sh` starts (or any server named by MINIO_ENDPOINT,
 * MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/quickstart.ts
 *   bun examples/quickstart.ts
 *   node --import tsx examples/quickstart.ts
 */
import { Minio } from "../mod.ts";

/** Runs the quickstart with `client` in `bucket`; returns what it downloaded. */
export async function quickstart(client: Minio, bucket: string): Promise<string> {
  if (!(await client.bucketExists(bucket))) {
    await client.makeBucket(bucket);
    console.log(`created bucket ${bucket}`);
  }
  const { etag } = await client.putObject(
    bucket,
    "hello/world.txt",
    "Hello from minio-edge!",
    undefined,
    {
      contentType: "text/plain",
      metadata: { origin: "quickstart" },
    },
  );
  console.log(`uploaded hello/world.txt (etag ${etag})`);

  for await (const item of client.listObjects(bucket, { recursive: true })) {
    console.log(`listed ${item.name} (${item.size} bytes)`);
  }

  const object = await client.getObject(bucket, "hello/world.txt");
  const text = await object.text();
  console.log(
    `downloaded: ${text} [${object.stat.contentType}, origin=${object.stat.metadata.origin}]`,
  );
  return text;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("QUICKSTART_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await quickstart(client, "quickstart");
}

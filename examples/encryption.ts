/**
 * Default bucket encryption: every object written to the bucket is
 * encrypted by the server (SSE-S3, or SSE-KMS with a key name), without the
 * writer asking. Runs against the MinIO that `bash scripts/demo.sh` starts
 * (or any server named by MINIO_ENDPOINT, MINIO_ACCESS_KEY and
 * MINIO_SECRET_KEY; MINIO_KMS_KEY picks SSE-KMS with that key).
 *
 *   deno run -A examples/encryption.ts
 *   bun examples/encryption.ts
 *   ENCRYPTION_MAIN=1 node --import tsx examples/encryption.ts
 */
import { Minio, SSEConfig, SSERule } from "../mod.ts";

/**
 * Sets SSE-S3 (or SSE-KMS with `kmsKey`) as the default of `bucket`, writes
 * an object, removes the default again; returns the encryption the object
 * got (`AES256` or `aws:kms`).
 */
export async function encryption(client: Minio, bucket: string, kmsKey?: string): Promise<string> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  const rule = kmsKey ? SSERule.newSseKmsRule(kmsKey) : SSERule.newSseS3Rule();
  await client.setBucketEncryption(bucket, new SSEConfig(rule));
  console.log("default encryption:", (await client.getBucketEncryption(bucket))?.rule.sseAlgorithm);

  await client.putObject(bucket, "report.txt", "quarterly numbers");
  const stat = await client.statObject(bucket, "report.txt");
  const applied = stat.headers.get("x-amz-server-side-encryption") ?? "none";
  console.log("report.txt is encrypted with", applied);

  await client.deleteBucketEncryption(bucket);
  console.log("default encryption removed:", (await client.getBucketEncryption(bucket)) === null);
  return applied;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("ENCRYPTION_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await encryption(client, "encryption-example", env("MINIO_KMS_KEY"));
}

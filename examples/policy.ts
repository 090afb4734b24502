/**
 * A bucket policy that lets anyone download what is under `public/`, read
 * back as JSON, then removed. Runs against the MinIO that
 * `bash scripts/demo.sh` starts (or any server named by MINIO_ENDPOINT,
 * MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/policy.ts
 *   bun examples/policy.ts
 *   POLICY_MAIN=1 node --import tsx examples/policy.ts
 */
import { type BucketPolicy, Minio } from "../mod.ts";

/** A policy allowing anonymous downloads of `bucket/public/*`. */
export function publicReadPolicy(bucket: string): BucketPolicy {
  return {
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { AWS: ["*"] },
      Action: ["s3:GetObject"],
      Resource: [`arn:aws:s3:::${bucket}/public/*`],
    }],
  };
}

/** Sets the policy on `bucket`, reads it back, removes it; returns what was read. */
export async function policy(client: Minio, bucket: string): Promise<BucketPolicy> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.setBucketPolicy(bucket, publicReadPolicy(bucket));
  const stored: BucketPolicy = JSON.parse(await client.getBucketPolicy(bucket));
  for (const s of stored.Statement) console.log(s.Effect, s.Action, "on", s.Resource);

  await client.deleteBucketPolicy(bucket);
  console.log("policy removed");
  return stored;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("POLICY_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await policy(client, "policy-example");
}

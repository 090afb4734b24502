/**
 * Bucket lifecycle: expire scratch files after a day and old versions after
 * a month, read the configuration back, then remove it. Runs against the
 * MinIO that `bash scripts/demo.sh` starts (or any server named by
 * MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/lifecycle.ts
 *   bun examples/lifecycle.ts
 *   node --import tsx examples/lifecycle.ts
 */
import {
  ENABLED,
  Expiration,
  Filter,
  LifecycleConfig,
  LifecycleRule,
  Minio,
  NoncurrentVersionExpiration,
} from "../mod.ts";

/** The lifecycle this example sets. */
export const EXAMPLE_LIFECYCLE: LifecycleConfig = new LifecycleConfig([
  new LifecycleRule(ENABLED, {
    ruleId: "expire-scratch",
    ruleFilter: new Filter({ prefix: "scratch/" }),
    expiration: new Expiration({ days: 1 }),
  }),
  new LifecycleRule(ENABLED, {
    ruleId: "trim-old-versions",
    ruleFilter: new Filter({ prefix: "" }),
    noncurrentVersionExpiration: new NoncurrentVersionExpiration({ noncurrentDays: 30 }),
  }),
]);

/**
 * Sets {@link EXAMPLE_LIFECYCLE} on `bucket`, reads it back, removes it;
 * returns what was read back.
 */
export async function lifecycle(client: Minio, bucket: string): Promise<LifecycleConfig | null> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.setBucketLifecycle(bucket, EXAMPLE_LIFECYCLE);
  const config = await client.getBucketLifecycle(bucket);
  for (const rule of config?.rules ?? []) {
    console.log(
      `rule ${rule.ruleId} (${rule.status}) on "${rule.ruleFilter?.prefix}":`,
      rule.expiration ? `expire after ${rule.expiration.days} days` : "",
      rule.noncurrentVersionExpiration
        ? `expire old versions after ${rule.noncurrentVersionExpiration.noncurrentDays} days`
        : "",
    );
  }

  await client.deleteBucketLifecycle(bucket);
  console.log("lifecycle removed:", (await client.getBucketLifecycle(bucket)) === null);
  return config;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("LIFECYCLE_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await lifecycle(client, "lifecycle-example");
}

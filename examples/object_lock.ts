/**
 * Object lock: a bucket whose new objects are kept for a day by default, a
 * longer retention and a legal hold on one version, and how such a version
 * is removed again (lift the hold, bypass governance). Runs against the
 * MinIO that `bash scripts/demo.sh` starts (or any server named by
 * MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY).
 *
 *   deno run -A examples/object_lock.ts
 *   bun examples/object_lock.ts
 *   OBJECT_LOCK_MAIN=1 node --import tsx examples/object_lock.ts
 */
import { DAYS, GOVERNANCE, Minio, ObjectLockConfig, Retention } from "../mod.ts";

/** What the example saw of the locked version. */
export interface ObjectLockSeen {
  /** The bucket's default retention. */
  config: ObjectLockConfig;
  /** The version's retention after it was extended. */
  retention: Retention | null;
  /** Whether the legal hold was on. */
  legalHold: boolean;
  /** Whether deleting the held version was refused. */
  deleteRefused: boolean;
}

/** Runs the example in a new object-lock `bucket`, removing it at the end. */
export async function objectLock(client: Minio, bucket: string): Promise<ObjectLockSeen> {
  await client.makeBucket(bucket, { objectLock: true });
  await client.setObjectLockConfig(bucket, new ObjectLockConfig(GOVERNANCE, 1, DAYS));
  const config = await client.getObjectLockConfig(bucket);
  console.log(`default retention: ${config.mode} for ${config.duration} ${config.durationUnit}`);

  const { versionId } = await client.putObject(bucket, "contract.pdf", "signed");
  const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  await client.setObjectRetention(bucket, "contract.pdf", new Retention(GOVERNANCE, inAWeek), {
    versionId,
  });
  const retention = await client.getObjectRetention(bucket, "contract.pdf", { versionId });
  console.log(`retained until ${retention?.retainUntilDate.toISOString()}`);

  await client.enableObjectLegalHold(bucket, "contract.pdf", { versionId });
  const legalHold = await client.isObjectLegalHoldEnabled(bucket, "contract.pdf", { versionId });
  const deleteRefused = await client.removeObject(bucket, "contract.pdf", {
    versionId,
    governanceBypass: true,
  }).then(() => false, () => true);
  console.log(`legal hold: ${legalHold}, delete refused: ${deleteRefused}`);

  // Cleaning up: a legal hold must be lifted; governance retention may be bypassed.
  await client.disableObjectLegalHold(bucket, "contract.pdf", { versionId });
  await client.removeObject(bucket, "contract.pdf", { versionId, governanceBypass: true });
  await client.removeBucket(bucket);
  return { config, retention, legalHold, deleteRefused };
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("OBJECT_LOCK_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await objectLock(client, `object-lock-example-${Date.now()}`);
}

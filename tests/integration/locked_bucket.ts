/**
 * Object-lock buckets for integration tests, removed properly afterwards:
 * every legal hold lifted, every version removed bypassing governance
 * retention, then the bucket.
 */
import type { Minio } from "../../mod.ts";
import { uniqueBucket } from "./testbed.ts";

/**
 * Lifts legal holds, removes every version and delete marker, then the
 * bucket; for any versioned bucket, with object lock or without.
 */
export async function removeLockedBucket(c: Minio, bucket: string): Promise<void> {
  const locked = await c.getObjectLockConfig(bucket).then(() => true, () => false);
  const versions: { name: string; versionId?: string }[] = [];
  for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
    const versionId = v.versionId;
    if (
      locked && !v.isDeleteMarker && await c.isObjectLegalHoldEnabled(bucket, v.name, { versionId })
    ) {
      await c.disableObjectLegalHold(bucket, v.name, { versionId: v.versionId });
    }
    versions.push({ name: v.name, versionId: v.versionId });
  }
  for await (const e of c.removeObjects(bucket, versions, { governanceBypass: true })) {
    throw new Error(`cleanup could not remove ${e.name} ${e.versionId}: ${e.code}`);
  }
  await c.removeBucket(bucket);
}

/** Runs `fn` with a fresh object-lock bucket, removing it and everything in it after. */
export async function withLockedBucket(
  c: Minio,
  fn: (bucket: string) => Promise<void>,
): Promise<void> {
  const bucket = uniqueBucket("lk");
  await c.makeBucket(bucket, { objectLock: true });
  try {
    await fn(bucket);
  } finally {
    await removeLockedBucket(c, bucket);
  }
}

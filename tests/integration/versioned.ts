/**
 * A versioned bucket for integration tests: made with object locking (which
 * turns versioning on) and emptied of every version, locked ones included,
 * afterwards.
 */
import type { Minio } from "../../mod.ts";
import { uniqueBucket } from "./testbed.ts";

/** Removes every version and delete marker (bypassing governance locks), then the bucket. */
async function removeVersionedBucket(c: Minio, bucket: string): Promise<void> {
  const versions = [];
  for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
    versions.push({ name: v.name, versionId: v.versionId });
  }
  for await (const e of c.removeObjects(bucket, versions, { governanceBypass: true })) {
    throw new Error(`cleanup could not remove ${e.name} ${e.versionId}: ${e.code}`);
  }
  await c.removeBucket(bucket);
}

/** Runs `fn` with a fresh versioned, object-lock bucket, removing every version after. */
export async function withVersionedBucket(
  c: Minio,
  fn: (bucket: string) => Promise<void>,
): Promise<void> {
  const bucket = uniqueBucket("iv");
  await c.makeBucket(bucket, { objectLock: true });
  try {
    await fn(bucket);
  } finally {
    await removeVersionedBucket(c, bucket);
  }
}

/**
 * `deleteObjectLockConfig`: removes a bucket's default retention (object
 * locking itself stays on).
 *
 *   deno run -A examples/lock/delete_object_lock_config.ts
 */
import { DAYS, GOVERNANCE, Minio, ObjectLockConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `delete-lock-config-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
await client.setObjectLockConfig(bucket, new ObjectLockConfig(GOVERNANCE, 30, DAYS));

await client.deleteObjectLockConfig(bucket);
const config = await client.getObjectLockConfig(bucket);
console.log("default retention:", config.mode ?? "none");

await client.removeBucket(bucket);

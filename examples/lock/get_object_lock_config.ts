/**
 * `getObjectLockConfig`: a bucket's default retention.
 *
 *   deno run -A examples/lock/get_object_lock_config.ts
 */
import { COMPLIANCE, DAYS, Minio, ObjectLockConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-lock-config-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
await client.setObjectLockConfig(bucket, new ObjectLockConfig(COMPLIANCE, 7, DAYS));

const config = await client.getObjectLockConfig(bucket);
console.log(config.mode, config.duration, config.durationUnit); // COMPLIANCE 7 DAYS

await client.removeBucket(bucket);

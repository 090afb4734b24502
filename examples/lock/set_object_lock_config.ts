/**
 * `setObjectLockConfig`: keeps every new object of a bucket for a day by
 * default (the bucket must be made with object locking).
 *
 *   deno run -A examples/lock/set_object_lock_config.ts
 */
import { DAYS, GOVERNANCE, Minio, ObjectLockConfig } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-lock-config-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });

await client.setObjectLockConfig(bucket, new ObjectLockConfig(GOVERNANCE, 1, DAYS));
const { versionId } = await client.putObject(bucket, "invoice.pdf", "pdf bytes");
const retention = await client.getObjectRetention(bucket, "invoice.pdf", { versionId });
console.log(`invoice.pdf kept until ${retention?.retainUntilDate.toISOString()}`);

// Clean up: governance retention can be bypassed by those allowed to.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all, { governanceBypass: true })) {
  console.error("left:", e.name, e.code);
}
await client.removeBucket(bucket);

/**
 * `isObjectLegalHoldEnabled`: whether an object version is under legal hold.
 *
 *   deno run -A examples/lock/is_object_legal_hold_enabled.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `legal-hold-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
const { versionId } = await client.putObject(bucket, "evidence.txt", "exhibit A");
console.log(await client.isObjectLegalHoldEnabled(bucket, "evidence.txt", { versionId })); // false

await client.enableObjectLegalHold(bucket, "evidence.txt", { versionId });
console.log(await client.isObjectLegalHoldEnabled(bucket, "evidence.txt", { versionId })); // true

await client.disableObjectLegalHold(bucket, "evidence.txt", { versionId });
// Clean up: governance retention can be bypassed by those allowed to.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all, { governanceBypass: true })) {
  console.error("left:", e.name, e.code);
}
await client.removeBucket(bucket);

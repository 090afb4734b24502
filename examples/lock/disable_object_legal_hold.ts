/**
 * `disableObjectLegalHold`: lifts the legal hold of an object version, after
 * which it can be removed.
 *
 *   deno run -A examples/lock/disable_object_legal_hold.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `legal-hold-off-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
const { versionId } = await client.putObject(bucket, "evidence.txt", "exhibit A");
await client.enableObjectLegalHold(bucket, "evidence.txt", { versionId });

await client.disableObjectLegalHold(bucket, "evidence.txt", { versionId });
await client.removeObject(bucket, "evidence.txt", { versionId });
console.log("removed once the hold was lifted");

await client.removeBucket(bucket);

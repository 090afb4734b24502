/**
 * `enableObjectLegalHold`: keeps an object version, whatever its retention,
 * until the hold is lifted.
 *
 *   deno run -A examples/lock/enable_object_legal_hold.ts
 */
import { Minio, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `legal-hold-on-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
const { versionId } = await client.putObject(bucket, "evidence.txt", "exhibit A");

await client.enableObjectLegalHold(bucket, "evidence.txt", { versionId });
const refused = await client.removeObject(bucket, "evidence.txt", { versionId }).catch((e) => e);
console.log("delete under legal hold:", refused instanceof S3Error ? refused.code : refused);

await client.disableObjectLegalHold(bucket, "evidence.txt", { versionId });
// Clean up: governance retention can be bypassed by those allowed to.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all, { governanceBypass: true })) {
  console.error("left:", e.name, e.code);
}
await client.removeBucket(bucket);

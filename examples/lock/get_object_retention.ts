/**
 * `getObjectRetention`: how long an object version is kept, `null` when it
 * has no retention.
 *
 *   deno run -A examples/lock/get_object_retention.ts
 */
import { GOVERNANCE, Minio, Retention } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `get-retention-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
const { versionId } = await client.putObject(bucket, "report.pdf", "pdf bytes");
console.log(await client.getObjectRetention(bucket, "report.pdf", { versionId })); // null

const until = new Date(Date.now() + 24 * 3600 * 1000);
await client.setObjectRetention(bucket, "report.pdf", new Retention(GOVERNANCE, until), {
  versionId,
});
const r = await client.getObjectRetention(bucket, "report.pdf", { versionId });
console.log(r?.mode, r?.retainUntilDate.toISOString());

// Clean up: governance retention can be bypassed by those allowed to.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all, { governanceBypass: true })) {
  console.error("left:", e.name, e.code);
}
await client.removeBucket(bucket);

/**
 * `setObjectRetention`: keeps one object version until a date; a governance
 * retention can be shortened again with `governanceBypass`.
 *
 *   deno run -A examples/lock/set_object_retention.ts
 */
import { GOVERNANCE, Minio, Retention, S3Error } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-retention-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket, { objectLock: true });
const { versionId } = await client.putObject(bucket, "contract.pdf", "signed");

const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
await client.setObjectRetention(bucket, "contract.pdf", new Retention(GOVERNANCE, inAWeek), {
  versionId,
});
const refused = await client.removeObject(bucket, "contract.pdf", { versionId }).catch((e) => e);
console.log("delete while retained:", refused instanceof S3Error ? refused.code : refused);

// Clean up: governance retention can be bypassed by those allowed to.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all, { governanceBypass: true })) {
  console.error("left:", e.name, e.code);
}
await client.removeBucket(bucket);

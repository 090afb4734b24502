/**
 * `kmsKeyCreate`: creates a master key in the server's KMS (such as KES; a
 * static key cannot), then encrypts an object with it (SSE-KMS).
 *
 *   deno run -A examples/admin/kms/kms_key_create.ts
 */
import { Minio, SseKMS } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

const key = `photos-${crypto.randomUUID().slice(0, 8)}`;
await admin.kmsKeyCreate(key);
console.log(`created ${key}:`, (await admin.kmsKeyStatus({ key }))["key-id"]);

const bucket = `kms-key-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "secret.txt", "for the KMS", undefined, { sse: new SseKMS(key) });
console.log(
  (await client.statObject(bucket, "secret.txt")).headers.get("x-amz-server-side-encryption"),
);

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `kmsKeyStatus`: checks that the KMS can use a key (default: the server's),
 * by making and decrypting a data key.
 *
 *   deno run -A examples/admin/kms/kms_key_status.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const status = await admin.kmsKeyStatus();
console.log(status["key-id"], status["encryption-error"] ?? status["decryption-error"] ?? "ok");

/**
 * `configGet`: the configuration of a subsystem (`api`) or of one target
 * (`notify_webhook:primary`), as key/value pairs.
 *
 *   deno run -A examples/admin/config/config_get.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const [api] = await admin.configGet("api");
for (const { key, value } of api.kv) console.log(`${api.subSystem} ${key}=${value}`);

/**
 * `configHistory`: the configuration changes the server keeps, oldest first.
 *
 *   deno run -A examples/admin/config/config_history.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const name = `example${crypto.randomUUID().slice(0, 8)}`;
const key = `logger_webhook:${name}`; // a target of our own, left disabled
await admin.configSet(key, { endpoint: "http://127.0.0.1:9/log", enable: "off" });

for (const entry of await admin.configHistory({ count: 5 })) {
  console.log(entry.createTime, entry.restoreId, entry.data);
}

await admin.configReset("logger_webhook", { name });

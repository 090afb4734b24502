/**
 * `configRestore`: writes the change of a history entry back to the stored
 * configuration (it applies at the next restart, or the next set of that
 * subsystem).
 *
 *   deno run -A examples/admin/config/config_restore.ts
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
const entry = (await admin.configHistory({ count: 1000 })).find((e) => e.data.includes(name))!;
await admin.configReset("logger_webhook", { name }); // a mistake, say

await admin.configRestore(entry.restoreId);
await admin.configSet(key, { comment: "restored" }); // applies the stored configuration
const [target] = await admin.configGet(key);
console.log(target.kv.find((e) => e.key === "endpoint")?.value); // http://127.0.0.1:9/log

await admin.configReset("logger_webhook", { name });

/**
 * `configSet`: sets configuration values; `restart` says whether the servers
 * must restart for them to apply.
 *
 *   deno run -A examples/admin/config/config_set.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const name = `example${crypto.randomUUID().slice(0, 8)}`;
const key = `logger_webhook:${name}`; // a target of our own, left disabled

const { restart } = await admin.configSet(key, {
  endpoint: "http://127.0.0.1:9/log",
  enable: "off",
  comment: "audit log, off for now",
});
const [target] = await admin.configGet(key);
console.log(target.kv.map((e) => `${e.key}=${e.value}`).join(" "), "restart:", restart);

await admin.configReset("logger_webhook", { name });

/**
 * `configReset`: puts a subsystem, or one target of it (`name`), back to its
 * defaults; a target goes away.
 *
 *   deno run -A examples/admin/config/config_reset.ts
 */
import { MinioAdmin, MinioAdminException } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const name = `example${crypto.randomUUID().slice(0, 8)}`;
const key = `logger_webhook:${name}`; // a target of our own, left disabled
await admin.configSet(key, { endpoint: "http://127.0.0.1:9/log", enable: "off" });

const { restart } = await admin.configReset("logger_webhook", { name });
const gone = await admin.configGet(key).catch((e) => e);
console.log(
  "restart:",
  restart,
  "after reset:",
  gone instanceof MinioAdminException ? gone.code : gone,
);

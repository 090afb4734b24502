/**
 * `userEnable`: enables a disabled user again.
 *
 *   deno run -A examples/admin/users/user_enable.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.userDisable(user);

await admin.userEnable(user);
console.log(user, (await admin.userInfo(user)).status); // enabled

await admin.userRemove(user);

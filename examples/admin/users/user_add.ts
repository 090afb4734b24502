/**
 * `userAdd`: creates a user (or sets an existing one's secret key), gives it a
 * policy, and uses it.
 *
 *   deno run -A examples/admin/users/user_add.ts
 */
import { Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const admin = new MinioAdmin(server);

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.attachPolicy(["readwrite"], { user });

const asAna = new Minio({ ...server, accessKey: user, secretKey: `${user}-secret-key` });
console.log(`${user} sees ${(await asAna.listBuckets()).length} bucket(s)`);

await admin.userRemove(user);

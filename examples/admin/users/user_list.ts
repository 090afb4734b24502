/**
 * `userList`: every user of the deployment, by access key.
 *
 *   deno run -A examples/admin/users/user_list.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);

for (const [name, info] of Object.entries(await admin.userList())) {
  console.log(name, info.status, info.policyName ?? "");
}

await admin.userRemove(user);

/**
 * `deleteServiceAccount`: removes a service account; its keys stop working.
 *
 *   deno run -A examples/admin/service_accounts/delete_service_account.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
const { credentials } = await admin.addServiceAccount({ targetUser: user, name: "ci" });

await admin.deleteServiceAccount(credentials.accessKey);
const { accounts } = await admin.listServiceAccount(user);
console.log(`${user} has ${accounts.length} service account(s)`); // 0

await admin.userRemove(user);

/**
 * `updateServiceAccount`: changes a service account's status, name,
 * description, policy, expiry or secret.
 *
 *   deno run -A examples/admin/service_accounts/update_service_account.ts
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

await admin.updateServiceAccount(credentials.accessKey, {
  status: "disabled",
  description: "paused while rotating",
});
const info = await admin.getServiceAccount(credentials.accessKey);
console.log(info.accountStatus, info.description); // off paused while rotating

await admin.deleteServiceAccount(credentials.accessKey);
await admin.userRemove(user);

/**
 * `listServiceAccount`: the service accounts of a user.
 *
 *   deno run -A examples/admin/service_accounts/list_service_account.ts
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

const { accounts } = await admin.listServiceAccount(user);
for (const a of accounts) console.log(a.accessKey, a.name, a.accountStatus);

await admin.deleteServiceAccount(credentials.accessKey);
await admin.userRemove(user);

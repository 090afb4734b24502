/**
 * `getServiceAccount`: a service account's parent user, status and policy.
 *
 *   deno run -A examples/admin/service_accounts/get_service_account.ts
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

const { parentUser, accountStatus, name, impliedPolicy } = await admin.getServiceAccount(
  credentials.accessKey,
);
console.log(parentUser, accountStatus, name, impliedPolicy ? "the parent's policy" : "own policy");

await admin.deleteServiceAccount(credentials.accessKey);
await admin.userRemove(user);

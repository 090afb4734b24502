/**
 * `userInfo`: a user's status, policies and groups.
 *
 *   deno run -A examples/admin/users/user_info.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.attachPolicy(["readwrite"], { user });

const { status, policyName, memberOf } = await admin.userInfo(user);
console.log(user, status, policyName, memberOf ?? []);

await admin.userRemove(user);

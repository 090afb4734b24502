/**
 * `detachPolicy`: takes policies from a user or a group.
 *
 *   deno run -A examples/admin/policies/detach_policy.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.attachPolicy(["readonly", "diagnostics"], { user });

const { policiesDetached } = await admin.detachPolicy(["diagnostics"], { user });
console.log("detached", policiesDetached, "left", (await admin.userInfo(user)).policyName);

await admin.userRemove(user);

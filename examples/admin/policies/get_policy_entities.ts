/**
 * `getPolicyEntities`: which policies users and groups have, and who has a
 * policy.
 *
 *   deno run -A examples/admin/policies/get_policy_entities.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.attachPolicy(["readonly"], { user });

const { userMappings, policyMappings } = await admin.getPolicyEntities([user], [], ["readonly"]);
for (const m of userMappings ?? []) console.log(m.user, "has", m.policies);
for (const m of policyMappings ?? []) console.log(m.policy, "is had by", m.users, m.groups);

await admin.userRemove(user);

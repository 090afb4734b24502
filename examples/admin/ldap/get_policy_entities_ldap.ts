/**
 * `getPolicyEntitiesLdap`: which policies LDAP users and groups have, and
 * which LDAP users and groups have a policy.
 *
 *   deno run -A examples/admin/ldap/get_policy_entities_ldap.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const base = process.env.MINIO_LDAP_BASE_DN || "dc=example,dc=org";
const alice = `uid=alice,ou=people,${base}`; // an LDAP user, by DN
const policy = `read-photos-${crypto.randomUUID().slice(0, 8)}`;
await admin.policyAdd(policy, {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] }],
});
await admin.attachPolicyLdap([policy], { user: alice });

const { userMappings, policyMappings } = await admin.getPolicyEntitiesLdap([alice], [], [policy]);
for (const m of userMappings ?? []) console.log(m.user, "has", m.policies);
for (const m of policyMappings ?? []) console.log(m.policy, "is had by", m.users, m.groups);

await admin.detachPolicyLdap([policy], { user: alice });
await admin.policyRemove(policy);

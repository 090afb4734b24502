/**
 * `detachPolicyLdap`: takes a policy from an LDAP user or group (by DN).
 *
 *   deno run -A examples/admin/ldap/detach_policy_ldap.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const base = process.env.MINIO_LDAP_BASE_DN || "dc=example,dc=org";
const readers = `cn=readers,ou=groups,${base}`; // an LDAP group, by DN
const policy = `read-photos-${crypto.randomUUID().slice(0, 8)}`;
await admin.policyAdd(policy, {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] }],
});
await admin.attachPolicyLdap([policy], { group: readers });

const { policiesDetached } = await admin.detachPolicyLdap([policy], { group: readers });
console.log(readers, "lost", policiesDetached);

await admin.policyRemove(policy);

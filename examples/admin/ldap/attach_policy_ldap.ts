/**
 * `attachPolicyLdap`: gives an LDAP user or group (by DN) a policy, on a
 * MinIO that takes its identities from LDAP.
 *
 *   deno run -A examples/admin/ldap/attach_policy_ldap.ts
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

const { policiesAttached } = await admin.attachPolicyLdap([policy], { user: alice });
console.log(alice, "now has", policiesAttached);

await admin.detachPolicyLdap([policy], { user: alice });
await admin.policyRemove(policy);

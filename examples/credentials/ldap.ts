/**
 * `LdapIdentityProvider`: an LDAP user's name and password exchanged at
 * MinIO's STS (`AssumeRoleWithLDAPIdentity`) for temporary credentials with
 * the policies mapped to the user or its groups.
 *
 *   deno run -A examples/credentials/ldap.ts
 */
import { LdapIdentityProvider, Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const endPoint = process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000";
const root = {
  endPoint,
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
// Set-up by an administrator: alice may read and write.
const alice = `uid=alice,ou=people,${process.env.MINIO_LDAP_BASE_DN || "dc=example,dc=org"}`;
const admin = new MinioAdmin(root);
await admin.attachPolicyLdap(["readwrite"], { user: alice });

const credentials = new LdapIdentityProvider(
  endPoint,
  "alice",
  process.env.MINIO_LDAP_PASSWORD ?? "alice-password",
);
const client = new Minio({ endPoint, credentials });
const bucket = `ldap-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log(await client.bucketExists(bucket)); // true
await client.removeBucket(bucket);

await admin.detachPolicyLdap(["readwrite"], { user: alice });

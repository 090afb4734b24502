/**
 * `listAccessKeysLdapBulk`: the access keys of several LDAP users, or of all.
 *
 *   deno run -A examples/admin/ldap/list_access_keys_ldap_bulk.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

// A service account of alice's, named by her login name.
const { credentials } = await admin.addServiceAccount({ targetUser: "alice", name: "backup" });

const byUser = await admin.listAccessKeysLdapBulk([], "svcacc-only", true); // every user
for (const [dn, keys] of Object.entries(byUser)) {
  console.log(dn, keys.serviceAccounts?.map((k) => k.accessKey));
}

await admin.deleteServiceAccount(credentials.accessKey);

/**
 * `listAccessKeysLdap`: the access keys (service accounts, STS keys) of an
 * LDAP user.
 *
 *   deno run -A examples/admin/ldap/list_access_keys_ldap.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const base = process.env.MINIO_LDAP_BASE_DN || "dc=example,dc=org";
const alice = `uid=alice,ou=people,${base}`; // an LDAP user, by DN
// A service account of alice's, named by her login name.
const { credentials } = await admin.addServiceAccount({ targetUser: "alice", name: "backup" });

const { serviceAccounts, stsKeys } = await admin.listAccessKeysLdap(alice, "all");
console.log("service accounts:", serviceAccounts?.map((k) => k.accessKey));
console.log("STS keys:", stsKeys?.length ?? 0);

await admin.deleteServiceAccount(credentials.accessKey);

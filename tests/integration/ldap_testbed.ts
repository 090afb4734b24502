/**
 * The OpenLDAP directory and the MinIO that uses it, started by
 * scripts/testbed_ldap.sh. Without them the LDAP tests fail loudly; they
 * never skip.
 */
import { MinioAdmin } from "../../admin.ts";
import { env } from "./testbed.ts";

/** An LDAP test-bed variable (`MINIO_TEST_LDAP_<name>`); throws when that test bed is not running. */
export function ldapEnv(name: string): string {
  try {
    return env(`MINIO_TEST_LDAP_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_LDAP_${name} is not set: the LDAP tests need OpenLDAP and its MinIO ` +
        "(bash scripts/testbed_ldap.sh start; source .testbed/ldap.env)",
    );
  }
}

/** The users of the directory; `editors` holds alice and bob, `readers` bob and carol. */
export type LdapUser = "alice" | "bob" | "carol";

/** A user's DN. */
export function userDn(user: LdapUser): string {
  return `uid=${user},ou=people,${ldapEnv("BASE_DN")}`;
}

/** A group's DN. */
export function groupDn(group: "editors" | "readers"): string {
  return `cn=${group},ou=groups,${ldapEnv("BASE_DN")}`;
}

/** A user's LDAP password. */
export function ldapPassword(user: LdapUser): string {
  return ldapEnv(`PASSWORD_${user.toUpperCase()}`);
}

/** The MinIO's URL, which is also its STS endpoint. */
export function ldapMinioUrl(): string {
  return `http://${ldapEnv("HOST")}:${ldapEnv("PORT")}`;
}

/** The root user's options for a client of the MinIO with LDAP. */
export function ldapRootOptions() {
  return {
    endPoint: ldapEnv("HOST"),
    port: Number(ldapEnv("PORT")),
    useSSL: false,
    accessKey: ldapEnv("ACCESS_KEY"),
    secretKey: ldapEnv("SECRET_KEY"),
  };
}

/** An admin client of the MinIO with LDAP, as its root user. */
export function ldapAdmin(): MinioAdmin {
  return new MinioAdmin(ldapRootOptions());
}

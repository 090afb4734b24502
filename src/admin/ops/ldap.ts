/**
 * Policy mappings and access keys of LDAP users. Attach/detach take an
 * encrypted body and answer encrypted (see policies.ts); both listings
 * answer encrypted. A server without LDAP refuses them all.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminJson } from "../transport/transport.ts";
import { checkName, checkNames } from "./_check.ts";
import type { ServiceAccountListEntry } from "./service_accounts.ts";

/**
 * Which access keys to list.
 *
 * @example
 * ```ts
 * import type { AccessKeyListType } from "@minio-edge/minio/admin";
 * const listType: AccessKeyListType = "sts-only";
 * const dn = "uid=alice,ou=people,dc=example,dc=org";
 * const { stsKeys } = await admin.listAccessKeysLdap(dn, listType);
 * ```
 */
export type AccessKeyListType = "sts-only" | "svcacc-only" | "all";

/**
 * The access keys of one LDAP user.
 *
 * @example
 * ```ts
 * import type { LdapAccessKeys } from "@minio-edge/minio/admin";
 * const dn = "uid=alice,ou=people,dc=example,dc=org";
 * const keys: LdapAccessKeys = await admin.listAccessKeysLdap(dn, "all");
 * for (const k of keys.serviceAccounts ?? []) console.log(k.accessKey, k.accountStatus);
 * console.log(`${keys.stsKeys?.length ?? 0} STS keys`);
 * ```
 */
export interface LdapAccessKeys {
  /** Its service accounts. */
  serviceAccounts: ServiceAccountListEntry[] | null;
  /** Its STS credentials. */
  stsKeys: ServiceAccountListEntry[] | null;
}

const LIST_TYPES: readonly string[] = ["sts-only", "svcacc-only", "all"];

function checkListType(listType: unknown): void {
  if (!LIST_TYPES.includes(listType as string)) {
    throw new InvalidArgumentError(`listType must be one of ${LIST_TYPES.join(", ")}`);
  }
}

/**
 * The access keys of an LDAP user.
 *
 * @example
 * ```ts
 * const { serviceAccounts } = await admin.listAccessKeysLdap("uid=alice,dc=example,dc=org", "all");
 * ```
 */
export async function listAccessKeysLdap(
  core: MinioCore,
  userDn: string,
  listType: AccessKeyListType,
  options?: RequestOptions,
): Promise<LdapAccessKeys> {
  checkName(userDn, "userDn");
  checkListType(listType);
  return await adminJson<LdapAccessKeys>(core, {
    method: "GET",
    command: "idp/ldap/list-access-keys",
    query: [["userDN", userDn], ["listType", listType]],
    decryptResponse: true,
    options,
  });
}

/**
 * The access keys of several LDAP users, or of all (`allUsers`).
 *
 * @example
 * ```ts
 * const byUser = await admin.listAccessKeysLdapBulk([], "svcacc-only", true);
 * ```
 */
export async function listAccessKeysLdapBulk(
  core: MinioCore,
  users: readonly string[],
  listType: AccessKeyListType,
  allUsers: boolean,
  options?: RequestOptions,
): Promise<Record<string, LdapAccessKeys>> {
  checkNames(users, "users");
  checkListType(listType);
  if (allUsers && users.length) {
    throw new InvalidArgumentError("give either users or allUsers, not both");
  }
  const query: QueryParam[] = [["listType", listType]];
  if (allUsers) query.push(["all", "true"]);
  for (const u of users) query.push(["userDNs", u]);
  return await adminJson<Record<string, LdapAccessKeys>>(core, {
    method: "GET",
    command: "idp/ldap/list-access-keys-bulk",
    query,
    decryptResponse: true,
    options,
  });
}

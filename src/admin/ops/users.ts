/**
 * Users of MinIO's built-in identity provider: add, enable/disable, remove,
 * describe and list. `add-user` takes an encrypted body and `list-users`
 * answers encrypted; the others are plain.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import { checkName } from "./_check.ts";

/**
 * Whether an account may sign requests.
 *
 * @example
 * ```ts
 * import type { AccountStatus } from "@minio-edge/minio/admin";
 * const status: AccountStatus = "disabled";
 * await admin.updateServiceAccount("ci-key", { status });
 * ```
 */
export type AccountStatus = "enabled" | "disabled";

/**
 * A user as `user-info` and `list-users` describe it.
 *
 * @example
 * ```ts
 * import type { UserInfo } from "@minio-edge/minio/admin";
 * const user: UserInfo = await admin.userInfo("alice");
 * console.log(user.status, user.policyName, user.memberOf); // "enabled" "readwrite" ["editors"]
 * ```
 */
export interface UserInfo {
  /** `enabled` or `disabled`. */
  status: AccountStatus;
  /** Policies attached to the user, comma-separated. */
  policyName?: string;
  /** Groups the user belongs to. */
  memberOf?: string[];
  /** When the user was last changed (RFC 3339). */
  updatedAt?: string;
  /** How the user authenticates, for users of an external provider. */
  userAuthInfo?: { type: string; authServer?: string; authServerUserID?: string };
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * Creates a user (or sets an existing user's secret key).
 *
 * @example
 * ```ts
 * await admin.userAdd("alice", "alice-secret-key");
 * ```
 */
export async function userAdd(
  core: MinioCore,
  accessKey: string,
  secretKey: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(accessKey, "accessKey");
  checkName(secretKey, "secretKey");
  await adminCall(core, {
    method: "PUT",
    command: "add-user",
    query: [["accessKey", accessKey]],
    body: { status: "enabled", secretKey },
    encryptBody: true,
    options,
  });
}

/** Enables or disables a user. */
export async function userSetStatus(
  core: MinioCore,
  accessKey: string,
  status: AccountStatus,
  options?: RequestOptions,
): Promise<void> {
  checkName(accessKey, "accessKey");
  await adminCall(core, {
    method: "PUT",
    command: "set-user-status",
    query: [["accessKey", accessKey], ["status", status]],
    options,
  });
}

/**
 * Removes a user.
 *
 * @example
 * ```ts
 * await admin.userRemove("alice");
 * ```
 */
export async function userRemove(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(accessKey, "accessKey");
  await adminCall(core, {
    method: "DELETE",
    command: "remove-user",
    query: [["accessKey", accessKey]],
    options,
  });
}

/**
 * Describes a user: status, policies, groups.
 *
 * @example
 * ```ts
 * const { status, policyName, memberOf } = await admin.userInfo("alice");
 * ```
 */
export async function userInfo(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<UserInfo> {
  checkName(accessKey, "accessKey");
  return await adminJson<UserInfo>(core, {
    method: "GET",
    command: "user-info",
    query: [["accessKey", accessKey]],
    options,
  });
}

/**
 * Every user, by access key.
 *
 * @example
 * ```ts
 * for (const [name, u] of Object.entries(await admin.userList())) console.log(name, u.status);
 * ```
 */
export async function userList(
  core: MinioCore,
  options?: RequestOptions,
): Promise<Record<string, UserInfo>> {
  const users = await adminJson<Record<string, UserInfo> | null>(core, {
    method: "GET",
    command: "list-users",
    decryptResponse: true,
    options,
  });
  return users ?? {};
}

/**
 * Disables a user.
 *
 * @example
 * ```ts
 * await admin.userDisable("alice");
 * ```
 */
export function userDisable(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<void> {
  return userSetStatus(core, accessKey, "disabled", options);
}

/**
 * Enables a user.
 *
 * @example
 * ```ts
 * await admin.userEnable("alice");
 * ```
 */
export function userEnable(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<void> {
  return userSetStatus(core, accessKey, "enabled", options);
}

/**
 * Service accounts (access keys derived from a user). MinIO encrypts both
 * ways on add; the update body is encrypted; info and list answer
 * encrypted; delete is plain.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { adminCall, adminJson, parseAdminJson } from "../transport/transport.ts";
import { checkName, isoDate, policyObject } from "./_check.ts";
import type { AccountStatus } from "./users.ts";
import type { PolicyDocument } from "./policies.ts";

/**
 * Options of `addServiceAccount`.
 *
 * @example
 * ```ts
 * import type { AddServiceAccountOptions } from "@minio-edge/minio/admin";
 * const options: AddServiceAccountOptions = {
 *   targetUser: "alice",
 *   name: "backup-reader",
 *   policy: await admin.policyInfo("readonly"), // a read-only key
 *   expiration: new Date(Date.now() + 30 * 24 * 3600 * 1000), // in 30 days
 * };
 * const { credentials } = await admin.addServiceAccount(options);
 * ```
 */
export interface AddServiceAccountOptions extends RequestOptions {
  /** Access key to use; with `secretKey`, or both left to the server. */
  accessKey?: string;
  /** Secret key to use; with `accessKey`. */
  secretKey?: string;
  /** Display name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Session policy restricting the account below its parent's rights. */
  policy?: PolicyDocument | string;
  /** When the account stops working. */
  expiration?: Date | string;
  /** Initial status (default enabled). */
  status?: AccountStatus;
  /** The user to make the account for (default: the caller). */
  targetUser?: string;
}

/**
 * Options of `updateServiceAccount`: at least one change.
 *
 * @example
 * ```ts
 * import type { UpdateServiceAccountOptions } from "@minio-edge/minio/admin";
 * const options: UpdateServiceAccountOptions = {
 *   description: "CI uploads",
 *   expiration: "2030-01-01T00:00:00Z",
 *   status: "enabled",
 * };
 * await admin.updateServiceAccount("ci-key", options);
 * ```
 */
export interface UpdateServiceAccountOptions extends RequestOptions {
  /** New secret key. */
  secretKey?: string;
  /** New display name. */
  name?: string;
  /** New description. */
  description?: string;
  /** New session policy. */
  policy?: PolicyDocument | string;
  /** New expiry. */
  expiration?: Date | string;
  /** New status. */
  status?: AccountStatus;
}

/**
 * The credentials of a new service account.
 *
 * @example
 * ```ts
 * import { Minio } from "@minio-edge/minio";
 * import { type ServiceAccountCredentials } from "@minio-edge/minio/admin";
 * const result = await admin.addServiceAccount({ name: "ci" });
 * const creds: ServiceAccountCredentials = result.credentials; // the secret key is shown only here
 * const ci = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: creds.accessKey, secretKey: creds.secretKey,
 * });
 * ```
 */
export interface ServiceAccountCredentials {
  /** Access key. */
  accessKey: string;
  /** Secret key: shown once, here. */
  secretKey: string;
  /** Expiry (RFC 3339); the zero time `0001-01-01T00:00:00Z` when none. */
  expiration?: string;
}

/**
 * What `addServiceAccount` answers.
 *
 * @example
 * ```ts
 * import type { AddServiceAccountResult } from "@minio-edge/minio/admin";
 * const result: AddServiceAccountResult = await admin.addServiceAccount({ targetUser: "alice" });
 * console.log(result.credentials.accessKey, result.credentials.expiration);
 * ```
 */
export interface AddServiceAccountResult {
  /** The new account's credentials. */
  credentials: ServiceAccountCredentials;
}

/**
 * One service account as `getServiceAccount` describes it.
 *
 * @example
 * ```ts
 * import type { ServiceAccountInfo } from "@minio-edge/minio/admin";
 * const info: ServiceAccountInfo = await admin.getServiceAccount("ci-key");
 * console.log(info.parentUser, info.accountStatus, info.impliedPolicy); // "alice" "on" false
 * console.log(info.policy.Statement);
 * ```
 */
export interface ServiceAccountInfo {
  /** The user the account derives from. */
  parentUser: string;
  /** `on` or `off`. */
  accountStatus: string;
  /** Whether the account has its parent's policy (no session policy). */
  impliedPolicy: boolean;
  /** The effective policy: the session policy, or the parent's combined one. */
  policy: PolicyDocument;
  /** Display name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Expiry (RFC 3339), when set. */
  expiration?: string;
}

/**
 * One entry of `listServiceAccount`.
 *
 * @example
 * ```ts
 * import type { ServiceAccountListEntry } from "@minio-edge/minio/admin";
 * const { accounts } = await admin.listServiceAccount("alice");
 * const active: ServiceAccountListEntry[] = accounts.filter((a) => a.accountStatus === "on");
 * for (const a of active) console.log(a.accessKey, a.name, a.expiration);
 * ```
 */
export interface ServiceAccountListEntry {
  /** Access key. */
  accessKey: string;
  /** The user the account derives from. */
  parentUser: string;
  /** `on` or `off`. */
  accountStatus: string;
  /** Whether the account has its parent's policy. */
  impliedPolicy: boolean;
  /** Display name. */
  name?: string;
  /** Description. */
  description?: string;
  /** Expiry (RFC 3339). */
  expiration?: string;
}

/**
 * What `listServiceAccount` answers.
 *
 * @example
 * ```ts
 * import type { ListServiceAccountsResult } from "@minio-edge/minio/admin";
 * const result: ListServiceAccountsResult = await admin.listServiceAccount("alice");
 * console.log(result.accounts.map((a) => a.accessKey));
 * ```
 */
export interface ListServiceAccountsResult {
  /** The accounts (empty when there are none). */
  accounts: ServiceAccountListEntry[];
}

const STATUSES = ["enabled", "disabled"];

function checkStatus(status: unknown): void {
  if (status !== undefined && !STATUSES.includes(status as string)) {
    throw new InvalidArgumentError("status must be enabled or disabled");
  }
}

/**
 * Creates a service account; its secret key is in the answer (only there).
 *
 * @example
 * ```ts
 * const { credentials } = await admin.addServiceAccount({ targetUser: "alice", name: "ci" });
 * ```
 */
export async function addServiceAccount(
  core: MinioCore,
  options: AddServiceAccountOptions = {},
): Promise<AddServiceAccountResult> {
  const { accessKey, secretKey, name, description, policy, expiration, status, targetUser } =
    options;
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new InvalidArgumentError("accessKey and secretKey must be given together");
  }
  if (accessKey !== undefined) checkName(accessKey, "accessKey");
  if (secretKey !== undefined) checkName(secretKey, "secretKey");
  if (targetUser !== undefined) checkName(targetUser, "targetUser");
  checkStatus(status);
  const body: Record<string, unknown> = { status: status ?? "enabled" };
  if (accessKey) body.accessKey = accessKey;
  if (secretKey) body.secretKey = secretKey;
  if (name) body.name = name;
  if (description) body.description = description;
  if (policy !== undefined) body.policy = policyObject(policy);
  if (expiration !== undefined) body.expiration = isoDate(expiration, "expiration");
  if (targetUser) body.targetUser = targetUser;
  return await adminJson<AddServiceAccountResult>(core, {
    method: "PUT",
    command: "add-service-account",
    body,
    encryptBody: true,
    decryptResponse: true,
    options,
  });
}

/**
 * Changes a service account's secret, name, description, policy, expiry or status.
 *
 * @example
 * ```ts
 * await admin.updateServiceAccount("ci-key", { status: "disabled" });
 * ```
 */
export async function updateServiceAccount(
  core: MinioCore,
  accessKey: string,
  options: UpdateServiceAccountOptions = {},
): Promise<void> {
  checkName(accessKey, "accessKey");
  const { secretKey, name, description, policy, expiration, status } = options;
  if (secretKey !== undefined) checkName(secretKey, "secretKey");
  checkStatus(status);
  const body: Record<string, unknown> = {};
  if (secretKey) body.newSecretKey = secretKey;
  if (name) body.newName = name;
  if (description) body.newDescription = description;
  if (policy !== undefined) body.newPolicy = policyObject(policy);
  if (expiration !== undefined) body.newExpiration = isoDate(expiration, "expiration");
  if (status) body.newStatus = status;
  if (Object.keys(body).length === 0) {
    throw new InvalidArgumentError(
      "give at least one of secretKey, name, description, policy, expiration or status",
    );
  }
  await adminCall(core, {
    method: "POST",
    command: "update-service-account",
    query: [["accessKey", accessKey]],
    body,
    encryptBody: true,
    options,
  });
}

/**
 * Removes a service account.
 *
 * @example
 * ```ts
 * await admin.deleteServiceAccount("ci-key");
 * ```
 */
export async function deleteServiceAccount(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(accessKey, "accessKey");
  await adminCall(core, {
    method: "DELETE",
    command: "delete-service-account",
    query: [["accessKey", accessKey]],
    options,
  });
}

/**
 * Describes a service account, with its effective policy.
 *
 * @example
 * ```ts
 * const { parentUser, policy } = await admin.getServiceAccount("ci-key");
 * ```
 */
export async function getServiceAccount(
  core: MinioCore,
  accessKey: string,
  options?: RequestOptions,
): Promise<ServiceAccountInfo> {
  checkName(accessKey, "accessKey");
  const info = await adminJson<Omit<ServiceAccountInfo, "policy"> & { policy?: string }>(core, {
    method: "GET",
    command: "info-service-account",
    query: [["accessKey", accessKey]],
    decryptResponse: true,
    options,
  });
  if (
    info === null || typeof info !== "object" || (info.policy && typeof info.policy !== "string")
  ) {
    throw new InvalidResponseError(
      "info-service-account answered no account",
      200,
      "application/json",
    );
  }
  // The server sends the policy as JSON text inside the JSON answer.
  return {
    ...info,
    policy: info.policy
      ? parseAdminJson(info.policy, "info-service-account policy") as PolicyDocument
      : {},
  };
}

/**
 * The service accounts of a user.
 *
 * @example
 * ```ts
 * const { accounts } = await admin.listServiceAccount("alice");
 * ```
 */
export async function listServiceAccount(
  core: MinioCore,
  user: string,
  options?: RequestOptions,
): Promise<ListServiceAccountsResult> {
  checkName(user, "user");
  const res = await adminJson<{ accounts?: ServiceAccountListEntry[] | null }>(core, {
    method: "GET",
    command: "list-service-accounts",
    query: [["user", user]],
    decryptResponse: true,
    options,
  });
  return { ...res, accounts: res.accounts ?? [] };
}

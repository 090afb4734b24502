/**
 * IAM policies: the canned-policy store (plain JSON both ways) and policy
 * mappings. Attach/detach (`idp/builtin/policy/...`, and the LDAP variant in
 * ldap.ts) take an encrypted body and answer encrypted; `policy-entities`
 * answers encrypted; the deprecated `set-user-or-group-policy` is plain.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import { checkName, checkNames, policyObject, targetOf } from "./_check.ts";

/**
 * An IAM policy document (`Version`, `Statement`, ...).
 *
 * @example
 * ```ts
 * import type { PolicyDocument } from "@minio-edge/minio/admin";
 * const policy: PolicyDocument = {
 *   Version: "2012-10-17",
 *   Statement: [
 *     { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] },
 *   ],
 * };
 * await admin.policyAdd("read-photos", policy);
 * ```
 */
export interface PolicyDocument {
  /** Policy language version, such as `2012-10-17`. */
  Version?: string;
  /** The statements. */
  Statement?: Record<string, unknown>[];
  /** Anything else the document holds. */
  [key: string]: unknown;
}

/**
 * Exactly one user or one group, the subject of a policy mapping, and request options.
 *
 * @example
 * ```ts
 * import type { PolicyTarget } from "@minio-edge/minio/admin";
 * const alice: PolicyTarget = { user: "alice" };
 * const editors: PolicyTarget = { group: "editors", signal: AbortSignal.timeout(10_000) };
 * await admin.attachPolicy(["readonly"], alice);
 * await admin.attachPolicy(["readwrite"], editors);
 * ```
 */
export type PolicyTarget =
  & ({ user: string; group?: undefined } | { group: string; user?: undefined })
  & RequestOptions;

/**
 * What attaching or detaching changed.
 *
 * @example
 * ```ts
 * import type { PolicyAssociationResult } from "@minio-edge/minio/admin";
 * const res: PolicyAssociationResult = await admin.attachPolicy(["readonly"], { user: "alice" });
 * console.log(res.policiesAttached, res.updatedAt); // ["readonly"] "2025-..."
 * ```
 */
export interface PolicyAssociationResult {
  /** Policies newly attached (attach only). */
  policiesAttached?: string[];
  /** Policies detached (detach only). */
  policiesDetached?: string[];
  /** When the mapping changed (RFC 3339). */
  updatedAt?: string;
}

/**
 * Who has which policy, as `getPolicyEntities` answers.
 *
 * @example
 * ```ts
 * import type { PolicyEntitiesResult } from "@minio-edge/minio/admin";
 * const result: PolicyEntitiesResult = await admin.getPolicyEntities(["alice"], [], ["readonly"]);
 * for (const u of result.userMappings ?? []) console.log(u.user, u.policies);
 * for (const p of result.policyMappings ?? []) console.log(p.policy, p.users, p.groups);
 * ```
 */
export interface PolicyEntitiesResult {
  /** When the answer was made (RFC 3339). */
  timestamp: string;
  /** Per asked user: its policies, and those it gets through its groups. */
  userMappings?: {
    user: string;
    policies: string[];
    memberOfMappings?: { group: string; policies: string[] }[];
  }[];
  /** Per asked group: its policies. */
  groupMappings?: { group: string; policies: string[] }[];
  /** Per asked policy: the users and groups it is attached to. */
  policyMappings?: { policy: string; users?: string[]; groups?: string[] }[];
}

/**
 * Adds or replaces a canned policy.
 *
 * @example
 * ```ts
 * await admin.policyAdd("read-photos", {
 *   Version: "2012-10-17",
 *   Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] }],
 * });
 * ```
 */
export async function policyAdd(
  core: MinioCore,
  name: string,
  policy: PolicyDocument | string,
  options?: RequestOptions,
): Promise<void> {
  checkName(name, "policy name");
  const doc = policyObject(policy);
  await adminCall(core, {
    method: "PUT",
    command: "add-canned-policy",
    query: [["name", name]],
    body: doc,
    options,
  });
}

/**
 * Removes a canned policy.
 *
 * @example
 * ```ts
 * await admin.policyRemove("read-photos");
 * ```
 */
export async function policyRemove(
  core: MinioCore,
  name: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(name, "policy name");
  await adminCall(core, {
    method: "DELETE",
    command: "remove-canned-policy",
    query: [["name", name]],
    options,
  });
}

/**
 * The document of a canned policy.
 *
 * @example
 * ```ts
 * const doc = await admin.policyInfo("readonly");
 * ```
 */
export async function policyInfo(
  core: MinioCore,
  name: string,
  options?: RequestOptions,
): Promise<PolicyDocument> {
  checkName(name, "policy name");
  return await adminJson<PolicyDocument>(core, {
    method: "GET",
    command: "info-canned-policy",
    query: [["name", name]],
    options,
  });
}

/**
 * Every canned policy, by name.
 *
 * @example
 * ```ts
 * console.log(Object.keys(await admin.policyList()));
 * ```
 */
export async function policyList(
  core: MinioCore,
  options?: RequestOptions,
): Promise<Record<string, PolicyDocument>> {
  return await adminJson<Record<string, PolicyDocument>>(core, {
    method: "GET",
    command: "list-canned-policies",
    options,
  });
}

/**
 * Replaces a user's or group's policies (the older API; see {@link attachPolicy}).
 *
 * @example
 * ```ts
 * await admin.policySet("readwrite", { user: "alice" });
 * ```
 */
export async function policySet(
  core: MinioCore,
  policy: string | readonly string[],
  target: PolicyTarget,
): Promise<void> {
  const names = typeof policy === "string" ? [policy] : policy;
  checkNames(names, "policy", true);
  const [kind, entity] = targetOf(target);
  await adminCall(core, {
    method: "PUT",
    command: "set-user-or-group-policy",
    query: [
      ["policyName", names.join(",")],
      ["userOrGroup", entity],
      ["isGroup", String(kind === "group")],
    ],
    options: target,
  });
}

/** Attaches or detaches policies through one identity provider's policy API. */
export async function policyAssociation(
  core: MinioCore,
  idp: "builtin" | "ldap",
  operation: "attach" | "detach",
  policies: readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  checkNames(policies, "policies", true);
  const [kind, entity] = targetOf(target);
  return await adminJson<PolicyAssociationResult>(core, {
    method: "POST",
    command: `idp/${idp}/policy/${operation}`,
    body: { policies, [kind]: entity },
    encryptBody: true,
    decryptResponse: true,
    options: target,
  });
}

/**
 * Which policies the given users and groups have, and who has the given
 * policies, in one identity provider's mappings: a server with LDAP leaves
 * LDAP users and groups out of the builtin answer.
 *
 * @example
 * ```ts
 * const { policyMappings } = await admin.getPolicyEntities([], [], ["readonly"]);
 * ```
 */
export async function getPolicyEntities(
  core: MinioCore,
  users: readonly string[],
  groups: readonly string[],
  policies: readonly string[],
  options?: RequestOptions,
  idp: "builtin" | "ldap" = "builtin",
): Promise<PolicyEntitiesResult> {
  checkNames(users, "users");
  checkNames(groups, "groups");
  checkNames(policies, "policies");
  const query: QueryParam[] = [
    ...users.map((u): QueryParam => ["user", u]),
    ...groups.map((g): QueryParam => ["group", g]),
    ...policies.map((p): QueryParam => ["policy", p]),
  ];
  return await adminJson<PolicyEntitiesResult>(core, {
    method: "GET",
    command: `idp/${idp}/policy-entities`,
    query,
    decryptResponse: true,
    options,
  });
}

/**
 * Detaches policies from a user or group.
 *
 * @example
 * ```ts
 * await admin.policyUnset("readwrite", { user: "alice" });
 * ```
 */
export function policyUnset(
  core: MinioCore,
  policy: string | readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  const names = typeof policy === "string" ? [policy] : policy;
  return policyAssociation(core, "builtin", "detach", names, target);
}

/**
 * Attaches policies to a user or group.
 *
 * @example
 * ```ts
 * const { policiesAttached } = await admin.attachPolicy(["readonly"], { group: "editors" });
 * ```
 */
export function attachPolicy(
  core: MinioCore,
  policyNames: readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  return policyAssociation(core, "builtin", "attach", policyNames, target);
}

/**
 * Detaches policies from a user or group.
 *
 * @example
 * ```ts
 * const { policiesDetached } = await admin.detachPolicy(["readonly"], { user: "alice" });
 * ```
 */
export function detachPolicy(
  core: MinioCore,
  policyNames: readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  return policyAssociation(core, "builtin", "detach", policyNames, target);
}

/**
 * Attaches policies to an LDAP user or group (by DN).
 *
 * @example
 * ```ts
 * await admin.attachPolicyLdap(["readwrite"], { user: "uid=alice,ou=people,dc=example,dc=org" });
 * ```
 */
export function attachPolicyLdap(
  core: MinioCore,
  policyNames: readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  return policyAssociation(core, "ldap", "attach", policyNames, target);
}

/**
 * Detaches policies from an LDAP user or group (by DN).
 *
 * @example
 * ```ts
 * await admin.detachPolicyLdap(["readwrite"], { group: "cn=devs,ou=groups,dc=example,dc=org" });
 * ```
 */
export function detachPolicyLdap(
  core: MinioCore,
  policyNames: readonly string[],
  target: PolicyTarget,
): Promise<PolicyAssociationResult> {
  return policyAssociation(core, "ldap", "detach", policyNames, target);
}

/**
 * Which policies LDAP users and groups (by DN) have, and which LDAP users
 * and groups have given policies (`getPolicyEntities` leaves LDAP out).
 *
 * @example
 * ```ts
 * const { userMappings } = await admin.getPolicyEntitiesLdap(
 *   ["uid=alice,ou=people,dc=example,dc=org"], [], [],
 * );
 * ```
 */
export function getPolicyEntitiesLdap(
  core: MinioCore,
  users: readonly string[],
  groups: readonly string[],
  policyNames: readonly string[],
  options?: RequestOptions,
): Promise<PolicyEntitiesResult> {
  return getPolicyEntities(core, users, groups, policyNames, options, "ldap");
}

/**
 * Groups of the built-in identity provider. All plain JSON: MinIO encrypts
 * none of these bodies.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import { checkName, checkNames } from "./_check.ts";

/**
 * A group as the `group` call describes it.
 *
 * @example
 * ```ts
 * import type { GroupInfo } from "@minio-edge/minio/admin";
 * const group: GroupInfo = await admin.groupInfo("editors");
 * console.log(group.status, group.members, group.policy); // "enabled" ["alice", "bob"] "readwrite"
 * ```
 */
export interface GroupInfo {
  /** Group name. */
  name: string;
  /** `enabled` or `disabled`. */
  status: string;
  /** Access keys of the members. */
  members: string[];
  /** Policies attached to the group, comma-separated. */
  policy: string;
  /** When the group was last changed (RFC 3339). */
  updatedAt?: string;
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * Options of `groupRemove`.
 *
 * @example
 * ```ts
 * import type { GroupRemoveOptions } from "@minio-edge/minio/admin";
 * const options: GroupRemoveOptions = { members: ["bob"] };
 * await admin.groupRemove("editors", options); // without members: removes the (empty) group
 * ```
 */
export interface GroupRemoveOptions extends RequestOptions {
  /** Members to remove; without them the (empty) group itself is removed. */
  members?: string | readonly string[];
}

function memberList(members: string | readonly string[]): readonly string[] {
  const list = typeof members === "string" ? [members] : members;
  checkNames(list, "members");
  return list;
}

/**
 * Adds users to a group, creating it when needed.
 *
 * @example
 * ```ts
 * await admin.groupAdd("editors", ["alice", "bob"]);
 * ```
 */
export async function groupAdd(
  core: MinioCore,
  group: string,
  members: string | readonly string[],
  options?: RequestOptions,
): Promise<void> {
  checkName(group, "group");
  const list = memberList(members);
  await adminCall(core, {
    method: "PUT",
    command: "update-group-members",
    body: { group, members: list, isRemove: false },
    options,
  });
}

/**
 * Removes members from a group; without members, removes the group itself
 * (which the server allows only for an empty group).
 *
 * @example
 * ```ts
 * await admin.groupRemove("editors", { members: ["bob"] });
 * ```
 */
export async function groupRemove(
  core: MinioCore,
  group: string,
  options: GroupRemoveOptions = {},
): Promise<void> {
  checkName(group, "group");
  const { members } = options;
  const body: Record<string, unknown> = { group, isRemove: true };
  if (members !== undefined) body.members = memberList(members);
  await adminCall(core, { method: "PUT", command: "update-group-members", body, options });
}

/** Enables or disables a group. */
export async function groupSetStatus(
  core: MinioCore,
  group: string,
  status: "enabled" | "disabled",
  options?: RequestOptions,
): Promise<void> {
  checkName(group, "group");
  await adminCall(core, {
    method: "PUT",
    command: "set-group-status",
    query: [["group", group], ["status", status]],
    options,
  });
}

/**
 * Describes a group: status, members, policies.
 *
 * @example
 * ```ts
 * const { members, policy } = await admin.groupInfo("editors");
 * ```
 */
export async function groupInfo(
  core: MinioCore,
  group: string,
  options?: RequestOptions,
): Promise<GroupInfo> {
  checkName(group, "group");
  return await adminJson<GroupInfo>(core, {
    method: "GET",
    command: "group",
    query: [["group", group]],
    options,
  });
}

/**
 * The names of all groups.
 *
 * @example
 * ```ts
 * console.log(await admin.groupList());
 * ```
 */
export async function groupList(core: MinioCore, options?: RequestOptions): Promise<string[]> {
  // The server answers `null` when there are no groups.
  return await adminJson<string[] | null>(core, { method: "GET", command: "groups", options }) ??
    [];
}

/**
 * Disables a group.
 *
 * @example
 * ```ts
 * await admin.groupDisable("editors");
 * ```
 */
export function groupDisable(
  core: MinioCore,
  group: string,
  options?: RequestOptions,
): Promise<void> {
  return groupSetStatus(core, group, "disabled", options);
}

/**
 * Enables a group.
 *
 * @example
 * ```ts
 * await admin.groupEnable("editors");
 * ```
 */
export function groupEnable(
  core: MinioCore,
  group: string,
  options?: RequestOptions,
): Promise<void> {
  return groupSetStatus(core, group, "enabled", options);
}

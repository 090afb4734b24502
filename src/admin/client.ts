/**
 * The MinIO admin client: every method of minio-py's `MinioAdmin`, camelCased,
 * each a thin wrapper over an operation function in ./ops. Importing this
 * module (and only this) pulls in the admin code and payload crypto.
 *
 * @module
 */

import { type ClientOptions, MinioCore, type RequestOptions } from "../core/core.ts";
import { InvalidArgumentError } from "../core/errors.ts";
import type { PeerInfo, PeerSite, SiteReplicationStatusOptions } from "./config/site_peers.ts";
import * as users from "./ops/users.ts";
import * as groups from "./ops/groups.ts";
import * as policies from "./ops/policies.ts";
import * as svc from "./ops/service_accounts.ts";
import * as config from "./ops/config.ts";
import * as quota from "./ops/quota.ts";
import * as kms from "./ops/kms.ts";
import * as service from "./ops/service.ts";
import * as infoOps from "./ops/info.ts";
import * as sr from "./ops/site_replication.ts";
import * as ldap from "./ops/ldap.ts";
import type { SubsysConfig } from "./ops/config_parse.ts";
import * as remote from "./ops/remote_targets.ts";
import type { BucketTarget, BucketTargetType } from "./config/bucket_target.ts";

/**
 * Options of the {@link MinioAdmin} constructor: the S3 client's, without addressing style.
 *
 * @example
 * ```ts
 * import { MinioAdmin, type MinioAdminOptions } from "@minio-edge/minio";
 * const options: MinioAdminOptions = {
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * };
 * const admin = new MinioAdmin(options);
 * ```
 */
export type MinioAdminOptions = Omit<ClientOptions, "pathStyle">;

/**
 * A client of MinIO's admin API (`/minio/admin/v3/...`): users, groups,
 * policies, service accounts, configuration, quotas, KMS, service control,
 * diagnostics, LDAP and site replication. Answers are decoded JSON; failures
 * are `MinioAdminException` (bad input: `InvalidArgumentError`, before any
 * request).
 *
 * @example
 * ```ts
 * import { MinioAdmin } from "@minio-edge/minio";
 * const admin = new MinioAdmin({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * await admin.userAdd("alice", "alice-secret-key");
 * console.log(await admin.userInfo("alice"));
 * ```
 */
export class MinioAdmin {
  // Private, so neither the credentials nor the core leak through the client.
  readonly #core: MinioCore;

  /** Validates the options; throws `InvalidArgumentError` on bad ones. */
  constructor(options: MinioAdminOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("admin client options must be an object");
    }
    // A fixed region: admin calls name no bucket whose region could be looked up.
    this.#core = new MinioCore({ ...options, region: options.region ?? "us-east-1" });
  }

  /**
   * Restarts every server of the deployment.
   *
   * @example
   * ```ts
   * const { results } = await admin.serviceRestart();
   * ```
   */
  serviceRestart(options?: service.ServiceOptions): Promise<service.ServiceActionResult> {
    return service.serviceAction(this.#core, "restart", options);
  }

  /**
   * Stops every server of the deployment.
   *
   * @example
   * ```ts
   * await admin.serviceStop();
   * ```
   */
  serviceStop(options?: service.ServiceOptions): Promise<service.ServiceActionResult> {
    return service.serviceAction(this.#core, "stop", options);
  }

  /**
   * Updates every server to the latest release (needs MinIO's release site or `updateURL`).
   *
   * @example
   * ```ts
   * const { results } = await admin.update({ dryRun: true });
   * ```
   */
  update(options?: service.UpdateOptions): Promise<service.ServerUpdateResult> {
    return service.update(this.#core, options);
  }

  /**
   * Information about the deployment and each server.
   *
   * @example
   * ```ts
   * const { mode, servers } = await admin.info();
   * ```
   */
  info(options?: RequestOptions): Promise<infoOps.InfoMessage> {
    return infoOps.info(this.#core, options);
  }

  /**
   * The caller's account: its policy and the buckets it can access.
   *
   * @example
   * ```ts
   * const { AccountName, Buckets } = await admin.accountInfo({ prefixUsage: true });
   * ```
   */
  accountInfo(options?: infoOps.AccountInfoOptions): Promise<infoOps.AccountInfo> {
    return infoOps.accountInfo(this.#core, options);
  }

  /**
   * The scanner's latest data usage totals.
   *
   * @example
   * ```ts
   * const { objectsCount, objectsTotalSize } = await admin.getDataUsageInfo();
   * ```
   */
  getDataUsageInfo(options?: RequestOptions): Promise<infoOps.DataUsageInfo> {
    return infoOps.getDataUsageInfo(this.#core, options);
  }

  /**
   * The oldest locks held in the deployment (an erasure-coded deployment's).
   *
   * @example
   * ```ts
   * for (const lock of await admin.topLocks({ count: 5 })) console.log(lock.resource);
   * ```
   */
  topLocks(options?: infoOps.TopLocksOptions): Promise<infoOps.LockEntry[]> {
    return infoOps.topLocks(this.#core, options);
  }

  /**
   * Profiles the servers for `duration` seconds; returns the zip archive.
   *
   * @example
   * ```ts
   * const zip = await admin.profileStart({ profilers: ["cpu", "mem"], duration: 10 });
   * ```
   */
  profileStart(options?: infoOps.ProfileOptions): Promise<Uint8Array> {
    return infoOps.profileStart(this.#core, options);
  }

  /**
   * Creates a user (or sets an existing user's secret key).
   *
   * @example
   * ```ts
   * await admin.userAdd("alice", "alice-secret-key");
   * ```
   */
  userAdd(accessKey: string, secretKey: string, options?: RequestOptions): Promise<void> {
    return users.userAdd(this.#core, accessKey, secretKey, options);
  }

  /**
   * Disables a user.
   *
   * @example
   * ```ts
   * await admin.userDisable("alice");
   * ```
   */
  userDisable(accessKey: string, options?: RequestOptions): Promise<void> {
    return users.userSetStatus(this.#core, accessKey, "disabled", options);
  }

  /**
   * Enables a user.
   *
   * @example
   * ```ts
   * await admin.userEnable("alice");
   * ```
   */
  userEnable(accessKey: string, options?: RequestOptions): Promise<void> {
    return users.userSetStatus(this.#core, accessKey, "enabled", options);
  }

  /**
   * Removes a user.
   *
   * @example
   * ```ts
   * await admin.userRemove("alice");
   * ```
   */
  userRemove(accessKey: string, options?: RequestOptions): Promise<void> {
    return users.userRemove(this.#core, accessKey, options);
  }

  /**
   * Describes a user: status, policies, groups.
   *
   * @example
   * ```ts
   * const { status, policyName, memberOf } = await admin.userInfo("alice");
   * ```
   */
  userInfo(accessKey: string, options?: RequestOptions): Promise<users.UserInfo> {
    return users.userInfo(this.#core, accessKey, options);
  }

  /**
   * Every user, by access key.
   *
   * @example
   * ```ts
   * for (const [name, u] of Object.entries(await admin.userList())) console.log(name, u.status);
   * ```
   */
  userList(options?: RequestOptions): Promise<Record<string, users.UserInfo>> {
    return users.userList(this.#core, options);
  }

  /**
   * Adds users to a group, creating it when needed.
   *
   * @example
   * ```ts
   * await admin.groupAdd("editors", ["alice", "bob"]);
   * ```
   */
  groupAdd(
    group: string,
    members: string | readonly string[],
    options?: RequestOptions,
  ): Promise<void> {
    return groups.groupAdd(this.#core, group, members, options);
  }

  /**
   * Disables a group.
   *
   * @example
   * ```ts
   * await admin.groupDisable("editors");
   * ```
   */
  groupDisable(group: string, options?: RequestOptions): Promise<void> {
    return groups.groupSetStatus(this.#core, group, "disabled", options);
  }

  /**
   * Enables a group.
   *
   * @example
   * ```ts
   * await admin.groupEnable("editors");
   * ```
   */
  groupEnable(group: string, options?: RequestOptions): Promise<void> {
    return groups.groupSetStatus(this.#core, group, "enabled", options);
  }

  /**
   * Removes members from a group, or (without `members`) the empty group itself.
   *
   * @example
   * ```ts
   * await admin.groupRemove("editors", { members: ["bob"] });
   * ```
   */
  groupRemove(group: string, options?: groups.GroupRemoveOptions): Promise<void> {
    return groups.groupRemove(this.#core, group, options);
  }

  /**
   * Describes a group: status, members, policies.
   *
   * @example
   * ```ts
   * const { members, policy } = await admin.groupInfo("editors");
   * ```
   */
  groupInfo(group: string, options?: RequestOptions): Promise<groups.GroupInfo> {
    return groups.groupInfo(this.#core, group, options);
  }

  /**
   * The names of all groups.
   *
   * @example
   * ```ts
   * console.log(await admin.groupList());
   * ```
   */
  groupList(options?: RequestOptions): Promise<string[]> {
    return groups.groupList(this.#core, options);
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
  policyAdd(
    name: string,
    policy: policies.PolicyDocument | string,
    options?: RequestOptions,
  ): Promise<void> {
    return policies.policyAdd(this.#core, name, policy, options);
  }

  /**
   * Removes a canned policy.
   *
   * @example
   * ```ts
   * await admin.policyRemove("read-photos");
   * ```
   */
  policyRemove(name: string, options?: RequestOptions): Promise<void> {
    return policies.policyRemove(this.#core, name, options);
  }

  /**
   * The document of a canned policy.
   *
   * @example
   * ```ts
   * const doc = await admin.policyInfo("readonly");
   * ```
   */
  policyInfo(name: string, options?: RequestOptions): Promise<policies.PolicyDocument> {
    return policies.policyInfo(this.#core, name, options);
  }

  /**
   * Every canned policy, by name.
   *
   * @example
   * ```ts
   * console.log(Object.keys(await admin.policyList()));
   * ```
   */
  policyList(options?: RequestOptions): Promise<Record<string, policies.PolicyDocument>> {
    return policies.policyList(this.#core, options);
  }

  /**
   * Replaces a user's or group's policies (the older API; see {@link attachPolicy}).
   *
   * @example
   * ```ts
   * await admin.policySet("readwrite", { user: "alice" });
   * ```
   */
  policySet(policy: string | readonly string[], target: policies.PolicyTarget): Promise<void> {
    return policies.policySet(this.#core, policy, target);
  }

  /**
   * Detaches policies from a user or group.
   *
   * @example
   * ```ts
   * await admin.policyUnset("readwrite", { user: "alice" });
   * ```
   */
  policyUnset(
    policy: string | readonly string[],
    target: policies.PolicyTarget,
  ): Promise<policies.PolicyAssociationResult> {
    const names = typeof policy === "string" ? [policy] : policy;
    return policies.policyAssociation(this.#core, "builtin", "detach", names, target);
  }

  /**
   * Attaches policies to a user or group.
   *
   * @example
   * ```ts
   * const { policiesAttached } = await admin.attachPolicy(["readonly"], { group: "editors" });
   * ```
   */
  attachPolicy(
    policyNames: readonly string[],
    target: policies.PolicyTarget,
  ): Promise<policies.PolicyAssociationResult> {
    return policies.policyAssociation(this.#core, "builtin", "attach", policyNames, target);
  }

  /**
   * Detaches policies from a user or group.
   *
   * @example
   * ```ts
   * const { policiesDetached } = await admin.detachPolicy(["readonly"], { user: "alice" });
   * ```
   */
  detachPolicy(
    policyNames: readonly string[],
    target: policies.PolicyTarget,
  ): Promise<policies.PolicyAssociationResult> {
    return policies.policyAssociation(this.#core, "builtin", "detach", policyNames, target);
  }

  /**
   * Which policies users and groups have, and who has given policies.
   *
   * @example
   * ```ts
   * const { policyMappings } = await admin.getPolicyEntities([], [], ["readonly"]);
   * ```
   */
  getPolicyEntities(
    users: readonly string[],
    groups: readonly string[],
    policyNames: readonly string[],
    options?: RequestOptions,
  ): Promise<policies.PolicyEntitiesResult> {
    return policies.getPolicyEntities(this.#core, users, groups, policyNames, options);
  }

  /**
   * Creates a service account; its secret key is in the answer (only there).
   *
   * @example
   * ```ts
   * const { credentials } = await admin.addServiceAccount({ targetUser: "alice", name: "ci" });
   * ```
   */
  addServiceAccount(options?: svc.AddServiceAccountOptions): Promise<svc.AddServiceAccountResult> {
    return svc.addServiceAccount(this.#core, options);
  }

  /**
   * Changes a service account's secret, name, description, policy, expiry or status.
   *
   * @example
   * ```ts
   * await admin.updateServiceAccount("ci-key", { status: "disabled" });
   * ```
   */
  updateServiceAccount(
    accessKey: string,
    options?: svc.UpdateServiceAccountOptions,
  ): Promise<void> {
    return svc.updateServiceAccount(this.#core, accessKey, options);
  }

  /**
   * Removes a service account.
   *
   * @example
   * ```ts
   * await admin.deleteServiceAccount("ci-key");
   * ```
   */
  deleteServiceAccount(accessKey: string, options?: RequestOptions): Promise<void> {
    return svc.deleteServiceAccount(this.#core, accessKey, options);
  }

  /**
   * Describes a service account, with its effective policy.
   *
   * @example
   * ```ts
   * const { parentUser, policy } = await admin.getServiceAccount("ci-key");
   * ```
   */
  getServiceAccount(accessKey: string, options?: RequestOptions): Promise<svc.ServiceAccountInfo> {
    return svc.getServiceAccount(this.#core, accessKey, options);
  }

  /**
   * The service accounts of a user.
   *
   * @example
   * ```ts
   * const { accounts } = await admin.listServiceAccount("alice");
   * ```
   */
  listServiceAccount(
    user: string,
    options?: RequestOptions,
  ): Promise<svc.ListServiceAccountsResult> {
    return svc.listServiceAccount(this.#core, user, options);
  }

  /**
   * The configuration of a subsystem (`api`) or target (`notify_webhook:primary`).
   *
   * @example
   * ```ts
   * const [api] = await admin.configGet("api");
   * console.log(api.kv.find((e) => e.key === "requests_max")?.value);
   * ```
   */
  configGet(key: string, options?: RequestOptions): Promise<SubsysConfig[]> {
    return config.configGet(this.#core, key, options);
  }

  /**
   * Sets configuration values; `restart` says whether the server must restart.
   *
   * @example
   * ```ts
   * const { restart } = await admin.configSet("api", { requests_max: "1000" });
   * ```
   */
  configSet(
    key: string,
    values: Record<string, string>,
    options?: RequestOptions,
  ): Promise<config.ConfigChangeResult> {
    return config.configSet(this.#core, key, values, options);
  }

  /**
   * Resets a subsystem, or one target (`name`), to its defaults.
   *
   * @example
   * ```ts
   * await admin.configReset("api");
   * ```
   */
  configReset(
    key: string,
    options?: config.ConfigResetOptions,
  ): Promise<config.ConfigChangeResult> {
    return config.configReset(this.#core, key, options);
  }

  /**
   * Configuration changes kept in the history, oldest first.
   *
   * @example
   * ```ts
   * const entries = await admin.configHistory({ count: 100 });
   * ```
   */
  configHistory(options?: config.ConfigHistoryOptions): Promise<config.ConfigHistoryEntry[]> {
    return config.configHistory(this.#core, options);
  }

  /**
   * Applies a history entry to the stored configuration (live after a restart).
   *
   * @example
   * ```ts
   * const [entry] = await admin.configHistory();
   * await admin.configRestore(entry.restoreId);
   * ```
   */
  configRestore(restoreId: string, options?: RequestOptions): Promise<void> {
    return config.configRestore(this.#core, restoreId, options);
  }

  /**
   * Sets a hard quota of `size` bytes on a bucket.
   *
   * @example
   * ```ts
   * await admin.bucketQuotaSet("photos", 10 * 1024 ** 3);
   * ```
   */
  bucketQuotaSet(bucket: string, size: number, options?: RequestOptions): Promise<void> {
    return quota.bucketQuotaSet(this.#core, bucket, size, options);
  }

  /**
   * A bucket's quota (all zero when none is set).
   *
   * @example
   * ```ts
   * const { size } = await admin.bucketQuotaGet("photos");
   * ```
   */
  bucketQuotaGet(bucket: string, options?: RequestOptions): Promise<quota.BucketQuota> {
    return quota.bucketQuotaGet(this.#core, bucket, options);
  }

  /**
   * Clears a bucket's quota.
   *
   * @example
   * ```ts
   * await admin.bucketQuotaClear("photos");
   * ```
   */
  bucketQuotaClear(bucket: string, options?: RequestOptions): Promise<void> {
    return quota.bucketQuotaSet(this.#core, bucket, 0, options);
  }

  /**
   * Creates a KMS master key (a KMS such as KES is needed; a static key cannot).
   *
   * @example
   * ```ts
   * await admin.kmsKeyCreate("my-key");
   * ```
   */
  kmsKeyCreate(key: string, options?: RequestOptions): Promise<void> {
    return kms.kmsKeyCreate(this.#core, key, options);
  }

  /**
   * Checks a KMS key (default: the server's) by a data key round trip.
   *
   * @example
   * ```ts
   * const status = await admin.kmsKeyStatus({ key: "my-key" });
   * console.log(status["encryption-error"] ?? "ok");
   * ```
   */
  kmsKeyStatus(options?: kms.KmsKeyStatusOptions): Promise<kms.KmsKeyStatus> {
    return kms.kmsKeyStatus(this.#core, options);
  }

  /**
   * Attaches policies to an LDAP user or group (by DN).
   *
   * @example
   * ```ts
   * await admin.attachPolicyLdap(["readwrite"], { user: "uid=alice,ou=people,dc=example,dc=org" });
   * ```
   */
  attachPolicyLdap(
    policyNames: readonly string[],
    target: policies.PolicyTarget,
  ): Promise<policies.PolicyAssociationResult> {
    return policies.policyAssociation(this.#core, "ldap", "attach", policyNames, target);
  }

  /**
   * Detaches policies from an LDAP user or group (by DN).
   *
   * @example
   * ```ts
   * await admin.detachPolicyLdap(["readwrite"], { group: "cn=devs,ou=groups,dc=example,dc=org" });
   * ```
   */
  detachPolicyLdap(
    policyNames: readonly string[],
    target: policies.PolicyTarget,
  ): Promise<policies.PolicyAssociationResult> {
    return policies.policyAssociation(this.#core, "ldap", "detach", policyNames, target);
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
  getPolicyEntitiesLdap(
    users: readonly string[],
    groups: readonly string[],
    policyNames: readonly string[],
    options?: RequestOptions,
  ): Promise<policies.PolicyEntitiesResult> {
    return policies.getPolicyEntities(this.#core, users, groups, policyNames, options, "ldap");
  }

  /**
   * The access keys of an LDAP user.
   *
   * @example
   * ```ts
   * const { serviceAccounts } = await admin.listAccessKeysLdap("uid=alice,dc=example,dc=org", "all");
   * ```
   */
  listAccessKeysLdap(
    userDn: string,
    listType: ldap.AccessKeyListType,
    options?: RequestOptions,
  ): Promise<ldap.LdapAccessKeys> {
    return ldap.listAccessKeysLdap(this.#core, userDn, listType, options);
  }

  /**
   * The access keys of several LDAP users, or of all (`allUsers`).
   *
   * @example
   * ```ts
   * const byUser = await admin.listAccessKeysLdapBulk([], "svcacc-only", true);
   * ```
   */
  listAccessKeysLdapBulk(
    users: readonly string[],
    listType: ldap.AccessKeyListType,
    allUsers: boolean,
    options?: RequestOptions,
  ): Promise<Record<string, ldap.LdapAccessKeys>> {
    return ldap.listAccessKeysLdapBulk(this.#core, users, listType, allUsers, options);
  }

  /**
   * Joins deployments to site replication.
   *
   * @example
   * ```ts
   * await admin.addSiteReplication([
   *   new PeerSite("a", "https://a.example.net", "admin", "secret-a"),
   *   new PeerSite("b", "https://b.example.net", "admin", "secret-b"),
   * ]);
   * ```
   */
  addSiteReplication(
    peerSites: readonly PeerSite[],
    options?: sr.AddSiteReplicationOptions,
  ): Promise<sr.SiteReplicationAddResult> {
    return sr.addSiteReplication(this.#core, peerSites, options);
  }

  /**
   * Changes a replicated site's endpoint, name, sync mode or bandwidth limit.
   *
   * @example
   * ```ts
   * await admin.editSiteReplication(new PeerInfo(deploymentId, "https://b2.example.net", 0, false));
   * ```
   */
  editSiteReplication(
    peerInfo: PeerInfo,
    options?: sr.EditSiteReplicationOptions,
  ): Promise<sr.SiteReplicationChangeResult> {
    return sr.editSiteReplication(this.#core, peerInfo, options);
  }

  /**
   * Removes sites, or all (`allSites`), from site replication.
   *
   * @example
   * ```ts
   * await admin.removeSiteReplication({ sites: ["b"] });
   * ```
   */
  removeSiteReplication(
    options?: sr.RemoveSiteReplicationOptions,
  ): Promise<sr.SiteReplicationChangeResult> {
    return sr.removeSiteReplication(this.#core, options);
  }

  /**
   * The site replication setup as this deployment sees it.
   *
   * @example
   * ```ts
   * const { enabled, sites } = await admin.getSiteReplicationInfo();
   * ```
   */
  getSiteReplicationInfo(options?: RequestOptions): Promise<sr.SiteReplicationInfo> {
    return sr.getSiteReplicationInfo(this.#core, options);
  }

  /**
   * How far the sites agree on buckets, users, groups and policies.
   *
   * @example
   * ```ts
   * const status = await admin.getSiteReplicationStatus(
   *   new SiteReplicationStatusOptions({ buckets: true }),
   * );
   * ```
   */
  getSiteReplicationStatus(
    status?: SiteReplicationStatusOptions,
    options?: RequestOptions,
  ): Promise<Record<string, unknown>> {
    return sr.getSiteReplicationStatus(this.#core, status, options);
  }

  /**
   * Adds a remote target (a replication destination) to a versioned bucket;
   * answers the ARN a replication rule names. The server checks the target
   * bucket exists and is versioned, and answers the existing ARN for a
   * target it already has.
   *
   * @example
   * ```ts
   * const arn = await admin.setRemoteTarget(
   *   "photos",
   *   new BucketTarget("https://minio-b.example.net", "photos-replica", {
   *     accessKey: "replicator",
   *     secretKey: "replicator-secret",
   *   }),
   * );
   * ```
   */
  setRemoteTarget(bucket: string, target: BucketTarget, options?: RequestOptions): Promise<string> {
    return remote.setRemoteTarget(this.#core, bucket, target, options);
  }

  /**
   * The remote targets of a bucket, or of every bucket (no `bucket`); their
   * credentials hold no secret key.
   *
   * @example
   * ```ts
   * for (const t of await admin.listRemoteTargets("photos", "replication")) {
   *   console.log(t.arn, t.endpoint, t.state?.online);
   * }
   * ```
   */
  listRemoteTargets(
    bucket?: string,
    arnType?: BucketTargetType | "",
    options?: RequestOptions,
  ): Promise<BucketTarget[]> {
    return remote.listRemoteTargets(this.#core, bucket, arnType, options);
  }

  /**
   * Changes a remote target, found by `target.arn`: the settings named in
   * `updates`, by default every setting the target holds (its credentials
   * only when they include a secret key). Answers the ARN.
   *
   * @example
   * ```ts
   * const [target] = await admin.listRemoteTargets("photos");
   * await admin.updateRemoteTarget("photos", target.with({ healthCheckDuration: 30_000 }), [
   *   "healthCheck",
   * ]);
   * ```
   */
  updateRemoteTarget(
    bucket: string,
    target: BucketTarget,
    updates?: readonly remote.RemoteTargetUpdate[],
    options?: RequestOptions,
  ): Promise<string> {
    return remote.updateRemoteTarget(this.#core, bucket, target, updates, options);
  }

  /**
   * Removes a remote target (refused while a replication rule names it).
   *
   * @example
   * ```ts
   * await admin.removeRemoteTarget("photos", "arn:minio:replication::id:photos-replica");
   * ```
   */
  removeRemoteTarget(bucket: string, arn: string, options?: RequestOptions): Promise<void> {
    return remote.removeRemoteTarget(this.#core, bucket, arn, options);
  }
}

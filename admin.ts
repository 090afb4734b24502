/**
 * The MinIO admin API: `MinioAdmin` (users, groups, policies, service
 * accounts, configuration, quotas, KMS, service control, diagnostics, LDAP,
 * site replication and bucket remote targets), its errors and option types,
 * and the argon2id WebAssembly that encrypts admin payloads. A separate
 * entry, so an application that imports only the S3 client (`.`) never loads
 * the admin code or the WebAssembly; both entries share one copy of the
 * common code, so `instanceof InvalidArgumentError` holds across them.
 *
 * @example
 * ```ts
 * import { MinioAdmin } from "@minio-edge/minio/admin";
 * const admin = new MinioAdmin({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * await admin.userAdd("alice", "alice-secret-key");
 * await admin.attachPolicy(["readwrite"], { user: "alice" });
 * console.log(await admin.userInfo("alice"));
 * ```
 *
 * @module
 */

// The client, and the option and result types of its methods (generated with it).
export * from "./src/admin/client.ts";
export { MinioAdminException } from "./src/admin/transport/errors.ts";
export {
  PeerInfo,
  type PeerInfoOptions,
  PeerSite,
  type SiteReplicationEntity,
  type SiteReplicationStatusFields,
  SiteReplicationStatusOptions,
} from "./src/admin/config/site_peers.ts";
export type { AccountStatus } from "./src/admin/ops/users.ts";
export type {
  ServiceAccountCredentials,
  ServiceAccountListEntry,
} from "./src/admin/ops/service_accounts.ts";
export type { ConfigKV, EnvOverride } from "./src/admin/ops/config_parse.ts";
export type { ServicePeerResult } from "./src/admin/ops/service.ts";
export type { BucketAccessInfo, ProfilerType, ServerProperties } from "./src/admin/ops/info.ts";
export type { SitePeer } from "./src/admin/ops/site_replication.ts";
export {
  BucketTarget,
  type BucketTargetChanges,
  type BucketTargetCredentials,
  type BucketTargetOptions,
  type BucketTargetPath,
  type BucketTargetState,
} from "./src/admin/config/bucket_target.ts";
export {
  argon2Backend,
  releaseArgon2Wasm,
  setArgon2WasmModule,
} from "./src/admin/crypto/argon2.ts";

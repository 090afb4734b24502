/**
 * Site replication across deployments. MinIO decrypts the add and edit
 * bodies with the caller's secret key; remove takes plain JSON (minio-py
 * encrypts it, which the server cannot read); every answer is plain JSON.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminJson } from "../transport/transport.ts";
import { PeerInfo, PeerSite, SiteReplicationStatusOptions } from "../config/site_peers.ts";
import { checkNames } from "./_check.ts";

// madmin-go's SiteReplAPIVersion.
const API_VERSION: QueryParam = ["api-version", "1"];

/**
 * What adding sites answers.
 *
 * @example
 * ```ts
 * import { PeerSite, type SiteReplicationAddResult } from "@minio-edge/minio/admin";
 * const result: SiteReplicationAddResult = await admin.addSiteReplication([
 *   new PeerSite("a", "https://a.example.net", "minioadmin", "minioadmin"),
 *   new PeerSite("b", "https://b.example.net", "minioadmin", "minioadmin"),
 * ]);
 * if (!result.success) console.error(result.status, result.errorDetail);
 * ```
 */
export interface SiteReplicationAddResult {
  /** Whether the sites were joined. */
  success: boolean;
  /** A status message. */
  status: string;
  /** Why it failed. */
  errorDetail?: string;
  /** Why the first sync failed. */
  initialSyncErrorMessage?: string;
}

/**
 * What editing or removing sites answers.
 *
 * @example
 * ```ts
 * import type { SiteReplicationChangeResult } from "@minio-edge/minio/admin";
 * const result: SiteReplicationChangeResult = await admin.removeSiteReplication({ sites: ["b"] });
 * console.log(result.status, result.errorDetail ?? "");
 * ```
 */
export interface SiteReplicationChangeResult {
  /** Whether it worked (edit only). */
  success?: boolean;
  /** A status message. */
  status: string;
  /** Why it failed. */
  errorDetail?: string;
  /** The server's site replication API version (remove only). */
  apiVersion?: string;
}

/**
 * A site as `getSiteReplicationInfo` describes it (madmin's `PeerInfo`).
 *
 * @example
 * ```ts
 * import type { SitePeer } from "@minio-edge/minio/admin";
 * const peers: SitePeer[] = (await admin.getSiteReplicationInfo()).sites ?? [];
 * for (const p of peers) console.log(p.name, p.endpoint, p.deploymentID, p.sync);
 * ```
 */
export interface SitePeer {
  /** Endpoint. */
  endpoint: string;
  /** Site name. */
  name: string;
  /** Deployment id. */
  deploymentID: string;
  /** `enable` or `disable` (synchronous replication). */
  sync?: string;
  /** Default per-bucket bandwidth limit. */
  defaultbandwidth?: { bandwidthLimitPerBucket: number; set: boolean; updatedAt?: string };
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * What `getSiteReplicationInfo` answers.
 *
 * @example
 * ```ts
 * import type { SiteReplicationInfo } from "@minio-edge/minio/admin";
 * const info: SiteReplicationInfo = await admin.getSiteReplicationInfo();
 * if (info.enabled) console.log(info.name, info.sites?.map((s) => s.name));
 * ```
 */
export interface SiteReplicationInfo {
  /** Whether site replication is set up. */
  enabled: boolean;
  /** This site's name. */
  name?: string;
  /** The sites. */
  sites?: SitePeer[];
  /** The service account replication uses. */
  serviceAccountAccessKey?: string;
  /** The server's site replication API version. */
  apiVersion?: string;
}

/**
 * Options of `addSiteReplication`.
 *
 * @example
 * ```ts
 * import { type AddSiteReplicationOptions, PeerSite } from "@minio-edge/minio/admin";
 * const options: AddSiteReplicationOptions = { replicateIlmExpiry: true };
 * await admin.addSiteReplication([
 *   new PeerSite("a", "https://a.example.net", "minioadmin", "minioadmin"),
 *   new PeerSite("b", "https://b.example.net", "minioadmin", "minioadmin"),
 * ], options);
 * ```
 */
export interface AddSiteReplicationOptions extends RequestOptions {
  /** Also replicate ILM expiry rules. */
  replicateIlmExpiry?: boolean;
}

/**
 * Options of `editSiteReplication`.
 *
 * @example
 * ```ts
 * import { type EditSiteReplicationOptions, PeerInfo } from "@minio-edge/minio/admin";
 * const { sites = [] } = await admin.getSiteReplicationInfo();
 * const b = sites.find((s) => s.name === "b")!;
 * const options: EditSiteReplicationOptions = { enableIlmExpiryReplication: true };
 * await admin.editSiteReplication(new PeerInfo(b.deploymentID, b.endpoint, 0, false), options);
 * ```
 */
export interface EditSiteReplicationOptions extends RequestOptions {
  /** Start replicating ILM expiry rules. */
  enableIlmExpiryReplication?: boolean;
  /** Stop replicating ILM expiry rules. */
  disableIlmExpiryReplication?: boolean;
}

/**
 * Options of `removeSiteReplication`: `sites` or `allSites`.
 *
 * @example
 * ```ts
 * import type { RemoveSiteReplicationOptions } from "@minio-edge/minio/admin";
 * const some: RemoveSiteReplicationOptions = { sites: ["b", "c"] };
 * const all: RemoveSiteReplicationOptions = { allSites: true }; // ends site replication
 * await admin.removeSiteReplication(some);
 * ```
 */
export interface RemoveSiteReplicationOptions extends RequestOptions {
  /** Names of the sites to remove. */
  sites?: string | readonly string[];
  /** Remove every site (ends site replication). */
  allSites?: boolean;
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
export async function addSiteReplication(
  core: MinioCore,
  peerSites: readonly PeerSite[],
  options: AddSiteReplicationOptions = {},
): Promise<SiteReplicationAddResult> {
  if (!Array.isArray(peerSites) || peerSites.some((p) => !(p instanceof PeerSite))) {
    throw new InvalidArgumentError("peerSites must be an array of PeerSite");
  }
  const query: QueryParam[] = [API_VERSION];
  if (options.replicateIlmExpiry) query.push(["replicateILMExpiry", "true"]);
  return await adminJson<SiteReplicationAddResult>(core, {
    method: "PUT",
    command: "site-replication/add",
    query,
    body: peerSites.map((p) => p.toDict()),
    encryptBody: true,
    options,
  });
}

/**
 * Changes a replicated site's endpoint, name, sync mode or bandwidth limit.
 *
 * @example
 * ```ts
 * await admin.editSiteReplication(new PeerInfo(deploymentId, "https://b2.example.net", 0, false));
 * ```
 */
export async function editSiteReplication(
  core: MinioCore,
  peerInfo: PeerInfo,
  options: EditSiteReplicationOptions = {},
): Promise<SiteReplicationChangeResult> {
  if (!(peerInfo instanceof PeerInfo)) {
    throw new InvalidArgumentError("peerInfo must be a PeerInfo");
  }
  if (options.enableIlmExpiryReplication && options.disableIlmExpiryReplication) {
    throw new InvalidArgumentError("ILM expiry replication cannot be both enabled and disabled");
  }
  const query: QueryParam[] = [API_VERSION];
  if (options.enableIlmExpiryReplication) query.push(["enableILMExpiryReplication", "true"]);
  if (options.disableIlmExpiryReplication) query.push(["disableILMExpiryReplication", "true"]);
  return await adminJson<SiteReplicationChangeResult>(core, {
    method: "PUT",
    command: "site-replication/edit",
    query,
    body: peerInfo.toDict(),
    encryptBody: true,
    options,
  });
}

/**
 * Removes sites, or all (`allSites`), from site replication.
 *
 * @example
 * ```ts
 * await admin.removeSiteReplication({ sites: ["b"] });
 * ```
 */
export async function removeSiteReplication(
  core: MinioCore,
  options: RemoveSiteReplicationOptions = {},
): Promise<SiteReplicationChangeResult> {
  const sites = typeof options.sites === "string" ? [options.sites] : options.sites;
  if (options.allSites && sites !== undefined) {
    throw new InvalidArgumentError("give either sites or allSites, not both");
  }
  if (!options.allSites) checkNames(sites, "sites", true);
  return await adminJson<SiteReplicationChangeResult>(core, {
    method: "PUT",
    command: "site-replication/remove",
    query: [API_VERSION],
    body: options.allSites ? { all: true } : { sites },
    options,
  });
}

/**
 * The site replication setup as this deployment sees it.
 *
 * @example
 * ```ts
 * const { enabled, sites } = await admin.getSiteReplicationInfo();
 * ```
 */
export async function getSiteReplicationInfo(
  core: MinioCore,
  options?: RequestOptions,
): Promise<SiteReplicationInfo> {
  return await adminJson<SiteReplicationInfo>(core, {
    method: "GET",
    command: "site-replication/info",
    options,
  });
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
export async function getSiteReplicationStatus(
  core: MinioCore,
  status: SiteReplicationStatusOptions = new SiteReplicationStatusOptions(),
  options?: RequestOptions,
): Promise<Record<string, unknown>> {
  if (!(status instanceof SiteReplicationStatusOptions)) {
    throw new InvalidArgumentError("options must be a SiteReplicationStatusOptions");
  }
  return await adminJson<Record<string, unknown>>(core, {
    method: "GET",
    command: "site-replication/status",
    query: status.toQueryParams(),
    options,
  });
}

/**
 * Reports about the deployment: server info, the caller's account, data
 * usage, the oldest locks, and a profile of the servers. All plain: MinIO
 * encrypts none of these answers.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkInteger } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import type { BucketQuota } from "./quota.ts";

/**
 * One server of the deployment, as `info` describes it.
 *
 * @example
 * ```ts
 * import type { ServerProperties } from "@minio-edge/minio/admin";
 * const servers: ServerProperties[] = (await admin.info()).servers ?? [];
 * for (const s of servers) console.log(s.endpoint, s.state, s.version, s.drives?.length);
 * ```
 */
export interface ServerProperties {
  /** `online` or `offline`. */
  state?: string;
  /** `host:port`. */
  endpoint?: string;
  /** `http` or `https`. */
  scheme?: string;
  /** Seconds since start. */
  uptime?: number;
  /** Release version. */
  version?: string;
  /** Source commit. */
  commitID?: string;
  /** The server's drives. */
  drives?: Record<string, unknown>[];
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * What `info` answers (madmin's `InfoMessage`).
 *
 * @example
 * ```ts
 * import type { InfoMessage } from "@minio-edge/minio/admin";
 * const info: InfoMessage = await admin.info();
 * console.log(info.mode, info.deploymentID, info.buckets?.count, info.usage?.size);
 * ```
 */
export interface InfoMessage {
  /** `online` when the deployment serves requests. */
  mode?: string;
  /** Region. */
  region?: string;
  /** Deployment id. */
  deploymentID?: string;
  /** ARNs of configured notification targets. */
  sqsARN?: string[];
  /** Bucket count. */
  buckets?: { count: number; error?: string };
  /** Object count. */
  objects?: { count: number; error?: string };
  /** Total usage in bytes. */
  usage?: { size: number; error?: string };
  /** Erasure backend layout. */
  backend?: {
    backendType?: string;
    onlineDisks?: number;
    offlineDisks?: number;
    standardSCParity?: number;
    rrSCParity?: number;
    totalSets?: number[];
    totalDrivesPerSet?: number[];
  };
  /** The servers. */
  servers?: ServerProperties[];
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * One bucket the caller can access, as `accountInfo` lists it.
 *
 * @example
 * ```ts
 * import type { BucketAccessInfo } from "@minio-edge/minio/admin";
 * const buckets: BucketAccessInfo[] = (await admin.accountInfo()).Buckets ?? [];
 * for (const b of buckets) console.log(b.name, b.size, b.access.write ? "read-write" : "read");
 * ```
 */
export interface BucketAccessInfo {
  /** Bucket name. */
  name: string;
  /** Bytes stored. */
  size: number;
  /** Objects stored. */
  objects: number;
  /** When the bucket was made (RFC 3339). */
  created: string;
  /** What the caller may do. */
  access: { read: boolean; write: boolean };
  /** Versioning, locking, replication, tags, quota. */
  details?: {
    versioning: boolean;
    versioningSuspended: boolean;
    locking: boolean;
    replication: boolean;
    tags?: unknown;
    quota?: BucketQuota | null;
  } | null;
  /** Usage by prefix, when asked for. */
  prefixUsage?: Record<string, number> | null;
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * What `accountInfo` answers (madmin's `AccountInfo`, keys as the server spells them).
 *
 * @example
 * ```ts
 * import type { AccountInfo } from "@minio-edge/minio/admin";
 * const account: AccountInfo = await admin.accountInfo();
 * console.log(account.AccountName, account.Policy, account.Buckets?.length ?? 0);
 * ```
 */
export interface AccountInfo {
  /** The caller's account. */
  AccountName: string;
  /** Backend information. */
  Server: Record<string, unknown>;
  /** The caller's effective policy. */
  Policy: Record<string, unknown> | null;
  /** Buckets the caller can access. */
  Buckets: BucketAccessInfo[] | null;
}

/**
 * Options of `accountInfo`.
 *
 * @example
 * ```ts
 * import type { AccountInfoOptions } from "@minio-edge/minio/admin";
 * const options: AccountInfoOptions = { prefixUsage: true };
 * const { Buckets } = await admin.accountInfo(options);
 * for (const b of Buckets ?? []) console.log(b.name, b.prefixUsage);
 * ```
 */
export interface AccountInfoOptions extends RequestOptions {
  /** Also report usage per prefix. */
  prefixUsage?: boolean;
}

/**
 * What `getDataUsageInfo` answers: the scanner's last totals.
 *
 * @example
 * ```ts
 * import type { DataUsageInfo } from "@minio-edge/minio/admin";
 * const usage: DataUsageInfo = await admin.getDataUsageInfo();
 * console.log(usage.lastUpdate, usage.bucketsCount, usage.objectsCount, usage.objectsTotalSize);
 * ```
 */
export interface DataUsageInfo {
  /** When the totals were last updated (RFC 3339). */
  lastUpdate: string;
  /** Objects in all buckets. */
  objectsCount: number;
  /** Bytes in all buckets. */
  objectsTotalSize: number;
  /** Buckets. */
  bucketsCount: number;
  /** Per bucket usage. */
  bucketsUsageInfo?: Record<string, Record<string, unknown>> | null;
  /** Anything else the server sends. */
  [key: string]: unknown;
}

/**
 * A lock held in the deployment.
 *
 * @example
 * ```ts
 * import type { LockEntry } from "@minio-edge/minio/admin";
 * const locks: LockEntry[] = await admin.topLocks({ count: 5 });
 * for (const l of locks) console.log(l.resource, l.type, l.owner, `${l.elapsed / 1e9} s`);
 * ```
 */
export interface LockEntry {
  /** When it was granted (RFC 3339). */
  time: string;
  /** How long it has been held, in nanoseconds. */
  elapsed: number;
  /** Bucket and object. */
  resource: string;
  /** `WRITE` or `READ`. */
  type: string;
  /** Where in the server it was taken. */
  source: string;
  /** Servers holding it. */
  serverlist: string[];
  /** The owning server. */
  owner: string;
  /** Request id. */
  id: string;
  /** Servers needed to hold it. */
  quorum: number;
}

/**
 * Options of `topLocks`.
 *
 * @example
 * ```ts
 * import type { TopLocksOptions } from "@minio-edge/minio/admin";
 * const options: TopLocksOptions = { count: 20, stale: true };
 * const locks = await admin.topLocks(options);
 * ```
 */
export interface TopLocksOptions extends RequestOptions {
  /** How many, oldest first (default 10). */
  count?: number;
  /** Also list stale locks (held by fewer servers than quorum). */
  stale?: boolean;
}

/**
 * A profiler the server can run.
 *
 * @example
 * ```ts
 * import type { ProfilerType } from "@minio-edge/minio/admin";
 * const profilers: ProfilerType[] = ["cpu", "mem", "goroutines"];
 * const zip = await admin.profileStart({ profilers, duration: 30 });
 * ```
 */
export type ProfilerType =
  | "cpu"
  | "cpuio"
  | "mem"
  | "block"
  | "mutex"
  | "trace"
  | "threads"
  | "goroutines"
  | "runtime";

const PROFILERS: readonly string[] = [
  "cpu",
  "cpuio",
  "mem",
  "block",
  "mutex",
  "trace",
  "threads",
  "goroutines",
  "runtime",
];

/**
 * Options of `profileStart`.
 *
 * @example
 * ```ts
 * import type { ProfileOptions } from "@minio-edge/minio/admin";
 * const options: ProfileOptions = { profilers: ["cpu", "mutex"], duration: 15 };
 * const zip: Uint8Array = await admin.profileStart(options); // a zip archive of the profiles
 * ```
 */
export interface ProfileOptions extends RequestOptions {
  /** What to profile (default `["cpu"]`). */
  profilers?: readonly ProfilerType[];
  /** How long to profile, in seconds (default: the server's, one minute). */
  duration?: number;
}

/**
 * Information about the deployment and each server.
 *
 * @example
 * ```ts
 * const { mode, servers } = await admin.info();
 * ```
 */
export async function info(core: MinioCore, options?: RequestOptions): Promise<InfoMessage> {
  return await adminJson<InfoMessage>(core, { method: "GET", command: "info", options });
}

/**
 * The caller's account: its policy and the buckets it can access.
 *
 * @example
 * ```ts
 * const { AccountName, Buckets } = await admin.accountInfo({ prefixUsage: true });
 * ```
 */
export async function accountInfo(
  core: MinioCore,
  options: AccountInfoOptions = {},
): Promise<AccountInfo> {
  return await adminJson<AccountInfo>(core, {
    method: "GET",
    command: "accountinfo",
    query: options.prefixUsage ? [["prefix-usage", "true"]] : [],
    options,
  });
}

/**
 * The scanner's latest data usage totals.
 *
 * @example
 * ```ts
 * const { objectsCount, objectsTotalSize } = await admin.getDataUsageInfo();
 * ```
 */
export async function getDataUsageInfo(
  core: MinioCore,
  options?: RequestOptions,
): Promise<DataUsageInfo> {
  return await adminJson<DataUsageInfo>(core, { method: "GET", command: "datausageinfo", options });
}

/**
 * The oldest locks held in the deployment (an erasure-coded deployment's).
 *
 * @example
 * ```ts
 * for (const lock of await admin.topLocks({ count: 5 })) console.log(lock.resource);
 * ```
 */
export async function topLocks(
  core: MinioCore,
  options: TopLocksOptions = {},
): Promise<LockEntry[]> {
  const { count, stale } = options;
  const query: QueryParam[] = [];
  if (count !== undefined) {
    checkInteger(count, "count", 1);
    query.push(["count", String(count)]);
  }
  if (stale) query.push(["stale", "true"]);
  // The server answers `null` when no lock is held.
  return await adminJson<LockEntry[] | null>(core, {
    method: "GET",
    command: "top/locks",
    query,
    options,
  }) ?? [];
}

/**
 * Profiles the servers for `duration` seconds; returns the zip archive.
 *
 * @example
 * ```ts
 * const zip = await admin.profileStart({ profilers: ["cpu", "mem"], duration: 10 });
 * ```
 */
export async function profileStart(
  core: MinioCore,
  options: ProfileOptions = {},
): Promise<Uint8Array> {
  const { profilers = ["cpu"], duration } = options;
  if (
    !Array.isArray(profilers) || profilers.length === 0 ||
    profilers.some((p) => !PROFILERS.includes(p))
  ) {
    throw new InvalidArgumentError(`profilers must be a non-empty list of ${PROFILERS.join(", ")}`);
  }
  const query: QueryParam[] = [["profilerType", profilers.join(",")]];
  if (duration !== undefined) {
    if (typeof duration !== "number" || !(duration > 0) || !Number.isFinite(duration)) {
      throw new InvalidArgumentError("duration must be a positive number of seconds");
    }
    query.push(["duration", `${duration}s`]);
  }
  return await adminCall(core, { method: "POST", command: "profile", query, options });
}

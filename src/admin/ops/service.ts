/**
 * Restarting, stopping and updating the servers. The `type=2` forms of these
 * calls answer per-server results as plain JSON (the older forms answer
 * nothing).
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminJson } from "../transport/transport.ts";
import { InvalidArgumentError } from "../../base/errors.ts";

/**
 * Options of `serviceRestart`, `serviceStop` and `update`.
 *
 * @example
 * ```ts
 * import type { ServiceOptions } from "@minio-edge/minio/admin";
 * const options: ServiceOptions = { dryRun: true };
 * const { results } = await admin.serviceRestart(options);
 * ```
 */
export interface ServiceOptions extends RequestOptions {
  /** Only report what would happen. */
  dryRun?: boolean;
}

/**
 * Options of `update`.
 *
 * @example
 * ```ts
 * import type { UpdateOptions } from "@minio-edge/minio/admin";
 * const options: UpdateOptions = {
 *   dryRun: true,
 *   updateURL: "https://mirror.example.net/minio/release/linux-amd64/minio.sha256sum",
 * };
 * const { results } = await admin.update(options);
 * ```
 */
export interface UpdateOptions extends ServiceOptions {
  /** Where to read the release information (default: MinIO's release site). */
  updateURL?: string;
}

/**
 * How one server took a service action.
 *
 * @example
 * ```ts
 * import type { ServicePeerResult } from "@minio-edge/minio/admin";
 * const peers: ServicePeerResult[] = (await admin.serviceRestart()).results ?? [];
 * for (const p of peers) console.log(p.host, p.err ?? "ok");
 * ```
 */
export interface ServicePeerResult {
  /** The server. */
  host: string;
  /** Why it failed, if it did. */
  err?: string;
  /** Drives the server is waiting on, by path. */
  waitingDrives?: Record<string, unknown>;
}

/**
 * What `serviceRestart` and `serviceStop` answer.
 *
 * @example
 * ```ts
 * import type { ServiceActionResult } from "@minio-edge/minio/admin";
 * const result: ServiceActionResult = await admin.serviceRestart({ dryRun: true });
 * console.log(result.action, result.dryRun, result.results?.length); // "restart" true 4
 * ```
 */
export interface ServiceActionResult {
  /** `restart` or `stop`. */
  action: string;
  /** Whether it was a dry run. */
  dryRun: boolean;
  /** Per server. */
  results?: ServicePeerResult[];
}

/**
 * What `update` answers.
 *
 * @example
 * ```ts
 * import type { ServerUpdateResult } from "@minio-edge/minio/admin";
 * const result: ServerUpdateResult = await admin.update({ dryRun: true });
 * for (const r of result.results ?? []) console.log(r.host, r.currentVersion, r.updatedVersion);
 * ```
 */
export interface ServerUpdateResult {
  /** Whether it was a dry run. */
  dryRun: boolean;
  /** Per server: versions before and after. */
  results?: (ServicePeerResult & { currentVersion: string; updatedVersion: string })[];
}

function dryRunQuery(options: ServiceOptions): QueryParam[] {
  if (options.dryRun !== undefined && typeof options.dryRun !== "boolean") {
    throw new InvalidArgumentError("dryRun must be a boolean");
  }
  return options.dryRun ? [["dry-run", "true"]] : [];
}

/** Restarts or stops every server of the deployment. */
export async function serviceAction(
  core: MinioCore,
  action: "restart" | "stop",
  options: ServiceOptions = {},
): Promise<ServiceActionResult> {
  return await adminJson<ServiceActionResult>(core, {
    method: "POST",
    command: "service",
    query: [["action", action], ["type", "2"], ...dryRunQuery(options)],
    options,
  });
}

/**
 * Updates every server to the latest release (needs MinIO's release site or `updateURL`).
 *
 * @example
 * ```ts
 * const { results } = await admin.update({ dryRun: true });
 * ```
 */
export async function update(
  core: MinioCore,
  options: UpdateOptions = {},
): Promise<ServerUpdateResult> {
  const { updateURL = "" } = options;
  if (typeof updateURL !== "string") throw new InvalidArgumentError("updateURL must be a string");
  return await adminJson<ServerUpdateResult>(core, {
    method: "POST",
    command: "update",
    query: [["updateURL", updateURL], ["type", "2"], ...dryRunQuery(options)],
    options,
  });
}

/**
 * Restarts every server of the deployment.
 *
 * @example
 * ```ts
 * const { results } = await admin.serviceRestart();
 * ```
 */
export function serviceRestart(
  core: MinioCore,
  options?: ServiceOptions,
): Promise<ServiceActionResult> {
  return serviceAction(core, "restart", options);
}

/**
 * Stops every server of the deployment.
 *
 * @example
 * ```ts
 * await admin.serviceStop();
 * ```
 */
export function serviceStop(
  core: MinioCore,
  options?: ServiceOptions,
): Promise<ServiceActionResult> {
  return serviceAction(core, "stop", options);
}

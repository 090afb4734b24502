/**
 * Bucket remote targets, the destinations of bucket replication (after
 * madmin-go's remote-target-commands.go). MinIO decrypts the set and update
 * bodies with the caller's secret key; list answers plain JSON (without the
 * targets' secret keys); set and update answer the target's ARN as a JSON
 * string; remove answers 204.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { checkBucketName } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import { BucketTarget, type BucketTargetType } from "../config/bucket_target.ts";
import { checkName } from "./_check.ts";

/**
 * Which settings `updateRemoteTarget` takes from the target given:
 * `credentials` (with the endpoint, TLS and target bucket), `sync`
 * (`replicationSync`), `proxy` (`disableProxy`), `bandwidth`, `healthCheck`,
 * `path`, `edge`, `edgeSyncBeforeExpiry`.
 *
 * @example
 * ```ts
 * import type { RemoteTargetUpdate } from "@minio-edge/minio/admin";
 * const [target] = await admin.listRemoteTargets("photos");
 * const updates: RemoteTargetUpdate[] = ["bandwidth", "sync"];
 * const changed = target.with({ bandwidthLimit: 0, replicationSync: true });
 * await admin.updateRemoteTarget("photos", changed, updates);
 * ```
 */
export type RemoteTargetUpdate =
  | "credentials"
  | "sync"
  | "proxy"
  | "bandwidth"
  | "healthCheck"
  | "path"
  | "edge"
  | "edgeSyncBeforeExpiry";

// Each update's query flag, as madmin-go's GetTargetUpdateOps reads them.
const UPDATE_FLAGS: Record<RemoteTargetUpdate, string> = {
  credentials: "creds",
  sync: "sync",
  proxy: "proxy",
  bandwidth: "bandwidth",
  healthCheck: "healthcheck",
  path: "path",
  edge: "edge",
  edgeSyncBeforeExpiry: "edgeSyncBeforeExpiry",
};

const UPDATES = Object.keys(UPDATE_FLAGS) as RemoteTargetUpdate[];

function checkTarget(target: unknown): asserts target is BucketTarget {
  if (!(target instanceof BucketTarget)) {
    throw new InvalidArgumentError("target must be a BucketTarget");
  }
}

async function arnOf(
  core: MinioCore,
  query: QueryParam[],
  target: BucketTarget,
  options?: RequestOptions,
) {
  const arn = await adminJson<unknown>(core, {
    method: "PUT",
    command: "set-remote-target",
    query,
    body: target.toDict(),
    encryptBody: true,
    options,
  });
  if (typeof arn !== "string" || arn === "") {
    throw new InvalidResponseError("set-remote-target answered no ARN", 200, "application/json");
  }
  return arn;
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
export async function setRemoteTarget(
  core: MinioCore,
  bucket: string,
  target: BucketTarget,
  options?: RequestOptions,
): Promise<string> {
  checkBucketName(bucket);
  checkTarget(target);
  if (!target.hasSecretKey) {
    throw new InvalidArgumentError("a new remote target needs credentials with a secret key");
  }
  return await arnOf(core, [["bucket", bucket]], target, options);
}

/**
 * Changes a remote target (found by `target.arn`): the settings named in
 * `updates`, by default all of them (credentials only when the target holds
 * a secret key). Answers the ARN.
 *
 * @example
 * ```ts
 * const [target] = await admin.listRemoteTargets("photos");
 * await admin.updateRemoteTarget("photos", target.with({ healthCheckDuration: 30_000 }), [
 *   "healthCheck",
 * ]);
 * ```
 */
export async function updateRemoteTarget(
  core: MinioCore,
  bucket: string,
  target: BucketTarget,
  updates?: readonly RemoteTargetUpdate[],
  options?: RequestOptions,
): Promise<string> {
  checkBucketName(bucket);
  checkTarget(target);
  if (!target.arn) throw new InvalidArgumentError("the target to update needs its arn");
  const ops: readonly RemoteTargetUpdate[] = updates ??
    UPDATES.filter((u) => u !== "credentials" || target.hasSecretKey);
  if (!Array.isArray(ops) || ops.length === 0 || !ops.every((u) => UPDATES.includes(u))) {
    throw new InvalidArgumentError(`updates must name at least one of ${UPDATES.join(", ")}`);
  }
  if (ops.includes("credentials") && !target.hasSecretKey) {
    throw new InvalidArgumentError("a credentials update needs a secret key");
  }
  const query: QueryParam[] = [["bucket", bucket], ["update", "true"]];
  for (const u of new Set<RemoteTargetUpdate>(ops)) query.push([UPDATE_FLAGS[u], "true"]);
  return await arnOf(core, query, target, options);
}

/**
 * The remote targets of a bucket, or of every bucket (`bucket` empty),
 * optionally of one type. The credentials hold no secret key.
 *
 * @example
 * ```ts
 * for (const t of await admin.listRemoteTargets("photos", "replication")) {
 *   console.log(t.arn, t.endpoint, t.state?.online);
 * }
 * ```
 */
export async function listRemoteTargets(
  core: MinioCore,
  bucket = "",
  arnType: BucketTargetType | "" = "",
  options?: RequestOptions,
): Promise<BucketTarget[]> {
  if (bucket !== "") checkBucketName(bucket);
  if (arnType !== "" && arnType !== "replication") {
    throw new InvalidArgumentError('arnType must be "replication" or empty');
  }
  // The server's route needs both parameters, empty or not.
  const list = await adminJson<unknown>(core, {
    method: "GET",
    command: "list-remote-targets",
    query: [["bucket", bucket], ["type", arnType]],
    options,
  });
  // A Go nil slice: no targets.
  if (list === null) return [];
  if (!Array.isArray(list)) {
    throw new InvalidResponseError("list-remote-targets answered no list", 200, "application/json");
  }
  try {
    return list.map((t) => BucketTarget.fromDict(t));
  } catch (e) {
    throw new InvalidResponseError(
      `list-remote-targets answered a bad target: ${(e as Error).message}`,
      200,
      "application/json",
    );
  }
}

/**
 * Removes a remote target (refused while a replication rule names it).
 *
 * @example
 * ```ts
 * await admin.removeRemoteTarget("photos", "arn:minio:replication::id:photos-replica");
 * ```
 */
export async function removeRemoteTarget(
  core: MinioCore,
  bucket: string,
  arn: string,
  options?: RequestOptions,
): Promise<void> {
  checkBucketName(bucket);
  checkName(arn, "arn");
  await adminCall(core, {
    method: "DELETE",
    command: "remove-remote-target",
    query: [["bucket", bucket], ["arn", arn]],
    options,
  });
}

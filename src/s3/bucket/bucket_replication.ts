/**
 * Bucket replication: PutBucketReplication, GetBucketReplication,
 * DeleteBucketReplication.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { ReplicationConfig } from "../../config/replication.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { deleteConfig, getConfig, putConfig } from "../common/config_request.ts";

/**
 * Replaces the replication configuration of a bucket (minio-py
 * `set_bucket_replication`). The bucket must be versioned; on MinIO each
 * destination ARN names a remote target set up with the admin API.
 *
 * @example
 * ```ts
 * import {
 *   DeleteMarkerReplication, Destination, ENABLED, Filter, ReplicationConfig, ReplicationRule,
 * } from "@minio-edge/minio";
 * await client.setBucketReplication("photos", new ReplicationConfig("", [
 *   new ReplicationRule(ENABLED, new Destination("arn:minio:replication::c5be6b16:backup"), {
 *     ruleId: "all",
 *     priority: 1,
 *     ruleFilter: new Filter({ prefix: "" }),
 *     deleteMarkerReplication: new DeleteMarkerReplication(),
 *   }),
 * ]));
 * ```
 */
export async function setBucketReplication(
  core: MinioCore,
  bucket: string,
  config: ReplicationConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof ReplicationConfig)) {
    throw new InvalidArgumentError("config must be a ReplicationConfig");
  }
  await putConfig(core, { bucket, query: [["replication", ""]], options }, config.toXml());
}

/**
 * Reads the replication configuration of a bucket; `null` when it has
 * none (minio-py `get_bucket_replication`).
 *
 * @example
 * ```ts
 * const config = await client.getBucketReplication("photos");
 * console.log(config?.rules.map((r) => r.destination.bucketArn));
 * ```
 */
export async function getBucketReplication(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<ReplicationConfig | null> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["replication", ""]], options }, [
    "ReplicationConfigurationNotFoundError",
  ]);
  return xml === null ? null : ReplicationConfig.fromXml(xml);
}

/**
 * Removes the replication configuration of a bucket (on MinIO, with the
 * bucket's remote targets).
 *
 * @example
 * ```ts
 * await client.deleteBucketReplication("photos");
 * ```
 */
export async function deleteBucketReplication(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  // MinIO removes the configuration first and then the bucket's remote
  // targets; a bucket without targets answers XMinioAdminRemoteTargetNotFoundError
  // although the configuration is gone, so that answer means done.
  await deleteConfig(core, { bucket, query: [["replication", ""]], options }, [
    "XMinioAdminRemoteTargetNotFoundError",
  ]);
}

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

/** Replaces the replication configuration of a (versioned) bucket. */
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

/** Reads the replication configuration of a bucket; `null` when it has none. */
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

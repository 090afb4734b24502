/**
 * Bucket replication: PutBucketReplication, GetBucketReplication,
 * DeleteBucketReplication.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { ReplicationConfig } from "../../config/replication.ts";
import {
  classDocument,
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const REPLICATION: ConfigResource<ReplicationConfig, ReplicationConfig | null> = {
  key: "replication",
  document: (config) => classDocument(config, ReplicationConfig, "a ReplicationConfig"),
  parse: (xml) => ReplicationConfig.fromXml(xml),
  none: { codes: ["ReplicationConfigurationNotFoundError"], value: null },
  // MinIO removes the configuration first and then the bucket's remote
  // targets; a bucket without targets answers XMinioAdminRemoteTargetNotFoundError
  // although the configuration is gone, so that answer means done.
  deleted: ["XMinioAdminRemoteTargetNotFoundError"],
};

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
export function setBucketReplication(
  core: MinioCore,
  bucket: string,
  config: ReplicationConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, REPLICATION, bucket, undefined, config, options);
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
export function getBucketReplication(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<ReplicationConfig | null> {
  return getConfig(core, REPLICATION, bucket, undefined, options);
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
export function deleteBucketReplication(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, REPLICATION, bucket, undefined, options);
}

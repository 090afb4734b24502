/**
 * Bucket lifecycle: PutBucketLifecycleConfiguration,
 * GetBucketLifecycleConfiguration, DeleteBucketLifecycle.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { LifecycleConfig } from "../../config/lifecycle.ts";
import {
  classDocument,
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const LIFECYCLE: ConfigResource<LifecycleConfig, LifecycleConfig | null> = {
  key: "lifecycle",
  document: (config) => classDocument(config, LifecycleConfig, "a LifecycleConfig"),
  parse: (xml) => LifecycleConfig.fromXml(xml),
  none: { codes: ["NoSuchLifecycleConfiguration"], value: null },
};

/**
 * Replaces the lifecycle configuration of a bucket (minio-py
 * `set_bucket_lifecycle`). MinIO ignores `AbortIncompleteMultipartUpload`
 * and needs a configured tier for a transition's storage class.
 *
 * @example
 * ```ts
 * import { ENABLED, Expiration, Filter, LifecycleConfig, LifecycleRule } from "@minio-edge/minio";
 * await client.setBucketLifecycle("logs", new LifecycleConfig([
 *   new LifecycleRule(ENABLED, {
 *     ruleId: "expire-tmp",
 *     ruleFilter: new Filter({ prefix: "tmp/" }),
 *     expiration: new Expiration({ days: 7 }),
 *   }),
 * ]));
 * ```
 */
export function setBucketLifecycle(
  core: MinioCore,
  bucket: string,
  config: LifecycleConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, LIFECYCLE, bucket, undefined, config, options);
}

/**
 * Reads the lifecycle configuration of a bucket; `null` when it has none
 * (minio-py `get_bucket_lifecycle`).
 *
 * @example
 * ```ts
 * const config = await client.getBucketLifecycle("logs");
 * for (const rule of config?.rules ?? []) console.log(rule.ruleId, rule.expiration?.days);
 * ```
 */
export function getBucketLifecycle(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<LifecycleConfig | null> {
  return getConfig(core, LIFECYCLE, bucket, undefined, options);
}

/**
 * Removes the lifecycle configuration of a bucket (minio-py
 * `delete_bucket_lifecycle`).
 *
 * @example
 * ```ts
 * await client.deleteBucketLifecycle("logs");
 * ```
 */
export function deleteBucketLifecycle(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, LIFECYCLE, bucket, undefined, options);
}

/**
 * Bucket lifecycle: PutBucketLifecycleConfiguration,
 * GetBucketLifecycleConfiguration, DeleteBucketLifecycle.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { LifecycleConfig } from "../../config/lifecycle.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { deleteConfig, getConfig, putConfig } from "../common/config_request.ts";

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
export async function setBucketLifecycle(
  core: MinioCore,
  bucket: string,
  config: LifecycleConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof LifecycleConfig)) {
    throw new InvalidArgumentError("config must be a LifecycleConfig");
  }
  await putConfig(core, { bucket, query: [["lifecycle", ""]], options }, config.toXml());
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
export async function getBucketLifecycle(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<LifecycleConfig | null> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["lifecycle", ""]], options }, [
    "NoSuchLifecycleConfiguration",
  ]);
  return xml === null ? null : LifecycleConfig.fromXml(xml);
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
export async function deleteBucketLifecycle(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  await deleteConfig(core, { bucket, query: [["lifecycle", ""]], options });
}

/**
 * A bucket's object-lock configuration: PutObjectLockConfiguration and
 * GetObjectLockConfiguration.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { ObjectLockConfig } from "../../config/object_lock.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { getConfig, putConfig } from "../common/config_request.ts";

/**
 * Sets the default retention of an object-lock bucket (minio-py
 * `set_object_lock_config`).
 *
 * @example
 * ```ts
 * import { DAYS, GOVERNANCE, ObjectLockConfig } from "@minio-edge/minio";
 * await client.setObjectLockConfig("records", new ObjectLockConfig(GOVERNANCE, 30, DAYS));
 * ```
 */
export async function setObjectLockConfig(
  core: MinioCore,
  bucket: string,
  config: ObjectLockConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof ObjectLockConfig)) {
    throw new InvalidArgumentError("config must be an ObjectLockConfig");
  }
  await putConfig(core, { bucket, query: [["object-lock", ""]], options }, config.toXml());
}

/**
 * Reads the object-lock configuration of a bucket. As in minio-py, a bucket
 * made without object lock is an error
 * (`ObjectLockConfigurationNotFoundError`).
 *
 * @example
 * ```ts
 * const config = await client.getObjectLockConfig("records");
 * console.log(config.mode, config.duration, config.durationUnit);
 * ```
 */
export async function getObjectLockConfig(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<ObjectLockConfig> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["object-lock", ""]], options });
  return ObjectLockConfig.fromXml(xml!);
}

/**
 * Removes the default retention of an object-lock bucket (object lock
 * itself stays on: S3 cannot turn it off).
 *
 * @example
 * ```ts
 * await client.deleteObjectLockConfig("records");
 * ```
 */
export function deleteObjectLockConfig(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return setObjectLockConfig(core, bucket, new ObjectLockConfig(), options);
}

/**
 * A bucket's object-lock configuration: PutObjectLockConfiguration and
 * GetObjectLockConfiguration.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { ObjectLockConfig } from "../../config/object_lock.ts";
import {
  classDocument,
  type ConfigResource,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const OBJECT_LOCK: ConfigResource<ObjectLockConfig, ObjectLockConfig> = {
  key: "object-lock",
  document: (config) => classDocument(config, ObjectLockConfig, "an ObjectLockConfig"),
  parse: (xml) => ObjectLockConfig.fromXml(xml),
};

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
export function setObjectLockConfig(
  core: MinioCore,
  bucket: string,
  config: ObjectLockConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, OBJECT_LOCK, bucket, undefined, config, options);
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
export function getObjectLockConfig(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<ObjectLockConfig> {
  return getConfig(core, OBJECT_LOCK, bucket, undefined, options);
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

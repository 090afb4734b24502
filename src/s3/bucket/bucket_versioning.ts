/**
 * Bucket versioning: PutBucketVersioning and GetBucketVersioning.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { VersioningConfig } from "../../config/versioning.ts";
import {
  classDocument,
  type ConfigResource,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const VERSIONING: ConfigResource<VersioningConfig, VersioningConfig> = {
  key: "versioning",
  document: (config) => classDocument(config, VersioningConfig, "a VersioningConfig"),
  parse: (xml) => VersioningConfig.fromXml(xml),
};

/**
 * Sets the versioning of a bucket (minio-py `set_bucket_versioning`),
 * with MinIO's excluded prefixes and excluded folders.
 *
 * @example
 * ```ts
 * import { ENABLED, SUSPENDED, VersioningConfig } from "@minio-edge/minio";
 * await client.setBucketVersioning("photos", new VersioningConfig(ENABLED, {
 *   excludedPrefixes: ["tmp/"],
 *   excludeFolders: true,
 * }));
 * await client.setBucketVersioning("photos", new VersioningConfig(SUSPENDED));
 * ```
 */
export function setBucketVersioning(
  core: MinioCore,
  bucket: string,
  config: VersioningConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, VERSIONING, bucket, undefined, config, options);
}

/**
 * Reads the versioning configuration of a bucket; a bucket that was never
 * versioned has no status (`statusString` is `Off`).
 *
 * @example
 * ```ts
 * const config = await client.getBucketVersioning("photos");
 * console.log(config.statusString, config.excludedPrefixes);
 * ```
 */
export function getBucketVersioning(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<VersioningConfig> {
  return getConfig(core, VERSIONING, bucket, undefined, options);
}

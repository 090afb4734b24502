/**
 * Bucket versioning: PutBucketVersioning and GetBucketVersioning.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { VersioningConfig } from "../../config/versioning.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { getConfig, putConfig } from "../common/config_request.ts";

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
export async function setBucketVersioning(
  core: MinioCore,
  bucket: string,
  config: VersioningConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof VersioningConfig)) {
    throw new InvalidArgumentError("config must be a VersioningConfig");
  }
  await putConfig(core, { bucket, query: [["versioning", ""]], options }, config.toXml());
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
export async function getBucketVersioning(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<VersioningConfig> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["versioning", ""]], options });
  return VersioningConfig.fromXml(xml!);
}

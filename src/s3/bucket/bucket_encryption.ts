/**
 * A bucket's default encryption: PutBucketEncryption, GetBucketEncryption,
 * DeleteBucketEncryption.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { SSEConfig } from "../../config/encryption.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { deleteConfig, getConfig, putConfig } from "../common/config_request.ts";

const NOT_FOUND = ["ServerSideEncryptionConfigurationNotFoundError"];

/**
 * Sets the default encryption of a bucket (minio-py
 * `set_bucket_encryption`).
 *
 * @example
 * ```ts
 * import { SSEConfig, SSERule } from "@minio-edge/minio";
 * await client.setBucketEncryption("photos", new SSEConfig(SSERule.newSseS3Rule()));
 * await client.setBucketEncryption("secrets", new SSEConfig(SSERule.newSseKmsRule("my-key")));
 * ```
 */
export async function setBucketEncryption(
  core: MinioCore,
  bucket: string,
  config: SSEConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof SSEConfig)) throw new InvalidArgumentError("config must be an SSEConfig");
  await putConfig(core, { bucket, query: [["encryption", ""]], options }, config.toXml());
}

/**
 * Reads the default encryption of a bucket (minio-py
 * `get_bucket_encryption`); `null` when none is set.
 *
 * @example
 * ```ts
 * const config = await client.getBucketEncryption("photos");
 * console.log(config?.rule.sseAlgorithm ?? "none");
 * ```
 */
export async function getBucketEncryption(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<SSEConfig | null> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["encryption", ""]], options }, NOT_FOUND);
  return xml === null ? null : SSEConfig.fromXml(xml);
}

/**
 * Removes the default encryption of a bucket (minio-py
 * `delete_bucket_encryption`); succeeds when none is set.
 *
 * @example
 * ```ts
 * await client.deleteBucketEncryption("photos");
 * ```
 */
export async function deleteBucketEncryption(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  await deleteConfig(core, { bucket, query: [["encryption", ""]], options }, NOT_FOUND);
}

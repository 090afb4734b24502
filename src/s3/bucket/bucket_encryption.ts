/**
 * A bucket's default encryption: PutBucketEncryption, GetBucketEncryption,
 * DeleteBucketEncryption.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { SSEConfig } from "../../config/encryption.ts";
import {
  classDocument,
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const NOT_FOUND = ["ServerSideEncryptionConfigurationNotFoundError"];

const ENCRYPTION: ConfigResource<SSEConfig, SSEConfig | null> = {
  key: "encryption",
  document: (config) => classDocument(config, SSEConfig, "an SSEConfig"),
  parse: (xml) => SSEConfig.fromXml(xml),
  none: { codes: NOT_FOUND, value: null },
  deleted: NOT_FOUND,
};

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
export function setBucketEncryption(
  core: MinioCore,
  bucket: string,
  config: SSEConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, ENCRYPTION, bucket, undefined, config, options);
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
export function getBucketEncryption(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<SSEConfig | null> {
  return getConfig(core, ENCRYPTION, bucket, undefined, options);
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
export function deleteBucketEncryption(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, ENCRYPTION, bucket, undefined, options);
}

/**
 * minio-js's plain-object forms of the object-lock and default-encryption
 * configurations, read into and out of this SDK's configuration classes.
 *
 * @module
 */

import type { MinioCore } from "../core/core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import type { RetentionMode } from "../config/common.ts";
import { ObjectLockConfig, type RetentionDurationUnit } from "../config/object_lock.ts";
import { type SseAlgorithm, SSEConfig, SSERule } from "../config/encryption.ts";
import { getObjectLockConfig, setObjectLockConfig } from "../s3/bucket/bucket_object_lock.ts";
import { getBucketEncryption, setBucketEncryption } from "../s3/bucket/bucket_encryption.ts";
import { only } from "./base_client.ts";

/**
 * minio-js's `ObjectLockInfo`: the bucket's default retention, if any.
 *
 * @example
 * ```ts
 * import { Client, type ObjectLockInfo } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const info: ObjectLockInfo = await client.getObjectLockConfig("records");
 * console.log(info.mode, info.validity, info.unit);
 * ```
 */
export interface ObjectLockInfo {
  /** Always `Enabled` (a bucket without object lock answers an error). */
  objectLockEnabled: "Enabled";
  /** Default retention mode. */
  mode?: RetentionMode;
  /** `Days` or `Years`. */
  unit?: RetentionDurationUnit;
  /** How many days or years. */
  validity?: number;
}

/**
 * minio-js's `EncryptionConfig`: one default-encryption rule.
 *
 * @example
 * ```ts
 * import { Client, type EncryptionConfig } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const config: EncryptionConfig = { Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] };
 * await client.setBucketEncryption("photos", config);
 * ```
 */
export interface EncryptionConfig {
  /** Exactly one rule. */
  Rule: {
    ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SseAlgorithm; KMSMasterKeyID?: string };
  }[];
}

/** The bucket's object-lock configuration as minio-js's `ObjectLockInfo`. */
export async function lockInfo(core: MinioCore, bucket: string): Promise<ObjectLockInfo> {
  const c = await getObjectLockConfig(core, bucket);
  const info: ObjectLockInfo = { objectLockEnabled: "Enabled" };
  if (c.mode) Object.assign(info, { mode: c.mode, unit: c.durationUnit, validity: c.duration });
  return info;
}

/** Sets the default retention from minio-js's `{ mode, unit, validity }` (`{}` clears it). */
export async function setLock(
  core: MinioCore,
  bucket: string,
  options: { mode?: RetentionMode; unit?: RetentionDurationUnit; validity?: number },
): Promise<void> {
  const { mode, unit, validity } = only(options, ["mode", "unit", "validity"], "lockConfigOpts");
  const given = [mode, unit, validity].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) {
    throw new InvalidArgumentError(
      "lockConfigOpts takes mode, unit and validity together, or none",
    );
  }
  await setObjectLockConfig(core, bucket, new ObjectLockConfig(mode, validity, unit));
}

/** Sets default encryption from minio-js's config (default: SSE-S3, `AES256`). */
export async function setEncryption(
  core: MinioCore,
  bucket: string,
  config?: EncryptionConfig,
): Promise<void> {
  const rules = config === undefined ? [] : only(config, ["Rule"], "encryptionConfig").Rule;
  if (!Array.isArray(rules) || rules.length > 1) {
    throw new InvalidArgumentError("encryptionConfig.Rule must be an array of one rule");
  }
  const d = rules[0]?.ApplyServerSideEncryptionByDefault ?? { SSEAlgorithm: "AES256" };
  await setBucketEncryption(
    core,
    bucket,
    new SSEConfig(new SSERule(d.SSEAlgorithm, d.KMSMasterKeyID)),
  );
}

/** The default encryption as minio-js's config, or `null` when the bucket has none. */
export async function encryptionConfig(
  core: MinioCore,
  bucket: string,
): Promise<EncryptionConfig | null> {
  const c = await getBucketEncryption(core, bucket);
  if (!c) return null;
  const rule: EncryptionConfig["Rule"][number]["ApplyServerSideEncryptionByDefault"] = {
    SSEAlgorithm: c.rule.sseAlgorithm,
  };
  if (c.rule.kmsMasterKeyId) rule.KMSMasterKeyID = c.rule.kmsMasterKeyId;
  return { Rule: [{ ApplyServerSideEncryptionByDefault: rule }] };
}

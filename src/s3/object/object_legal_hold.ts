/**
 * Object legal hold: PutObjectLegalHold and GetObjectLegalHold, on the
 * latest version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { LegalHold } from "../../config/legal_hold.ts";
import { checkBucketName, checkObjectName } from "../../core/validate.ts";
import {
  getConfig,
  putConfig,
  subresourceQuery,
  type VersionOptions,
} from "../common/config_request.ts";

async function setLegalHold(
  core: MinioCore,
  bucket: string,
  name: string,
  on: boolean,
  options: VersionOptions,
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("legal-hold", options.versionId);
  await putConfig(core, { bucket, object: name, query, options }, new LegalHold(on).toXml());
}

/**
 * Puts an object version under legal hold (minio-py
 * `enable_object_legal_hold`).
 *
 * @example
 * ```ts
 * await client.enableObjectLegalHold("records", "report.pdf");
 * ```
 */
export function enableObjectLegalHold(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<void> {
  return setLegalHold(core, bucket, name, true, options);
}

/**
 * Lifts the legal hold of an object version (minio-py
 * `disable_object_legal_hold`).
 *
 * @example
 * ```ts
 * await client.disableObjectLegalHold("records", "report.pdf", { versionId: "3f2c..." });
 * ```
 */
export function disableObjectLegalHold(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<void> {
  return setLegalHold(core, bucket, name, false, options);
}

/**
 * Whether an object version is under legal hold (minio-py
 * `is_object_legal_hold_enabled`).
 *
 * @example
 * ```ts
 * console.log(await client.isObjectLegalHoldEnabled("records", "report.pdf"));
 * ```
 */
export async function isObjectLegalHoldEnabled(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<boolean> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("legal-hold", options.versionId);
  const xml = await getConfig(core, { bucket, object: name, query, options }, [
    "NoSuchObjectLockConfiguration",
  ]);
  return xml !== null && LegalHold.fromXml(xml).status;
}

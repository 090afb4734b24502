/**
 * Object legal hold: PutObjectLegalHold and GetObjectLegalHold, on the
 * latest version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { LegalHold } from "../../config/legal_hold.ts";
import {
  type ConfigResource,
  getConfig,
  setConfig,
  type VersionOptions,
} from "../common/config_request.ts";

const LEGAL_HOLD: ConfigResource<boolean, boolean> = {
  key: "legal-hold",
  document: (on) => new LegalHold(on).toXml(),
  parse: (xml) => LegalHold.fromXml(xml).status,
  none: { codes: ["NoSuchObjectLockConfiguration"], value: false },
};

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
  return setConfig(core, LEGAL_HOLD, bucket, name, true, options);
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
  return setConfig(core, LEGAL_HOLD, bucket, name, false, options);
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
export function isObjectLegalHoldEnabled(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<boolean> {
  return getConfig(core, LEGAL_HOLD, bucket, name, options);
}

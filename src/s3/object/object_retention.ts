/**
 * Object retention: PutObjectRetention and GetObjectRetention, on the latest
 * version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { Retention } from "../../config/retention.ts";
import {
  classDocument,
  type ConfigResource,
  getConfig,
  setConfig,
  type VersionOptions,
} from "../common/config_request.ts";

const RETENTION: ConfigResource<Retention, Retention | null> = {
  key: "retention",
  document: (config) => classDocument(config, Retention, "a Retention"),
  parse: (xml) => Retention.fromXml(xml),
  none: { codes: ["NoSuchObjectLockConfiguration"], value: null },
};

/**
 * Options of {@link setObjectRetention}.
 *
 * @example
 * ```ts
 * import { GOVERNANCE, Minio, Retention, type SetObjectRetentionOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * // Shortening a GOVERNANCE retention needs governanceBypass:
 * const options: SetObjectRetentionOptions = {
 *   versionId: "b4a1c0a2-2c5e-4a8e-9d1f-6f7c2d3e4b5a", governanceBypass: true,
 * };
 * const retention = new Retention(GOVERNANCE, new Date(Date.now() + 24 * 3600 * 1000));
 * await client.setObjectRetention("records", "report.pdf", retention, options);
 * ```
 */
export interface SetObjectRetentionOptions extends VersionOptions {
  /**
   * Bypass governance mode: needed to shorten or remove a `GOVERNANCE`
   * retention (and the `s3:BypassGovernanceRetention` permission).
   */
  governanceBypass?: boolean;
}

/**
 * Sets the retention of an object version in an object-lock bucket
 * (minio-py `set_object_retention`); `governanceBypass` allows shortening
 * a `GOVERNANCE` retention.
 *
 * @example
 * ```ts
 * import { GOVERNANCE, Retention } from "@minio-edge/minio";
 * const until = new Date(Date.now() + 7 * 24 * 3600 * 1000);
 * await client.setObjectRetention("records", "report.pdf", new Retention(GOVERNANCE, until));
 * ```
 */
export function setObjectRetention(
  core: MinioCore,
  bucket: string,
  name: string,
  config: Retention,
  options: SetObjectRetentionOptions = {},
): Promise<void> {
  // `?.`: a null options fails in setConfig, after the checks of the arguments before it.
  const headers: Record<string, string> = options?.governanceBypass
    ? { "x-amz-bypass-governance-retention": "true" }
    : {};
  return setConfig(core, RETENTION, bucket, name, config, options, headers);
}

/**
 * Reads the retention of an object version; `null` when it has none. In a
 * bucket without object lock the server answers with an error.
 *
 * @example
 * ```ts
 * const r = await client.getObjectRetention("records", "report.pdf");
 * console.log(r?.mode, r?.retainUntilDate);
 * ```
 */
export function getObjectRetention(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<Retention | null> {
  return getConfig(core, RETENTION, bucket, name, options);
}

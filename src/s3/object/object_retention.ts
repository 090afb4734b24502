/**
 * Object retention: PutObjectRetention and GetObjectRetention, on the latest
 * version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { Retention } from "../../config/retention.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName, checkObjectName } from "../../core/validate.ts";
import {
  getConfig,
  putConfig,
  subresourceQuery,
  type VersionOptions,
} from "../common/config_request.ts";

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
export async function setObjectRetention(
  core: MinioCore,
  bucket: string,
  name: string,
  config: Retention,
  options: SetObjectRetentionOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  if (!(config instanceof Retention)) throw new InvalidArgumentError("config must be a Retention");
  const query = subresourceQuery("retention", options.versionId);
  const headers: Record<string, string> = {};
  if (options.governanceBypass) headers["x-amz-bypass-governance-retention"] = "true";
  await putConfig(core, { bucket, object: name, query, options }, config.toXml(), headers);
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
export async function getObjectRetention(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<Retention | null> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("retention", options.versionId);
  const xml = await getConfig(core, { bucket, object: name, query, options }, [
    "NoSuchObjectLockConfiguration",
  ]);
  return xml === null ? null : Retention.fromXml(xml);
}

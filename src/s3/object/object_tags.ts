/**
 * Object tags: PutObjectTagging, GetObjectTagging, DeleteObjectTagging, on
 * the latest version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { asTags, Tags } from "../../config/tags.ts";
import { checkBucketName, checkObjectName } from "../../core/validate.ts";
import {
  deleteConfig,
  getConfig,
  putConfig,
  subresourceQuery,
  type VersionOptions,
} from "../common/config_request.ts";

/**
 * Replaces the tags of an object (or of one version), at most 10
 * (minio-py `set_object_tags`).
 *
 * @example
 * ```ts
 * await client.setObjectTags("photos", "cat.png", { reviewed: "yes" });
 * await client.setObjectTags("photos", "cat.png", { old: "true" }, { versionId: "3f2c..." });
 * ```
 */
export async function setObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  tags: Tags | Record<string, string>,
  options: VersionOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("tagging", options.versionId);
  const xml = asTags(tags, true).toXml();
  await putConfig(core, { bucket, object: name, query, options }, xml);
}

/**
 * Reads the tags of an object version: empty `Tags` when it has none
 * (MinIO's answer), `null` when the server says there is no tag set.
 *
 * @example
 * ```ts
 * const tags = await client.getObjectTags("photos", "cat.png");
 * console.log(Object.fromEntries(tags ?? []));
 * ```
 */
export async function getObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<Tags | null> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("tagging", options.versionId);
  const xml = await getConfig(core, { bucket, object: name, query, options }, ["NoSuchTagSet"]);
  return xml === null ? null : Tags.fromXml(xml, true);
}

/**
 * Removes every tag of an object or one version (minio-py
 * `delete_object_tags`).
 *
 * @example
 * ```ts
 * await client.deleteObjectTags("photos", "cat.png");
 * ```
 */
export async function deleteObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = subresourceQuery("tagging", options.versionId);
  await deleteConfig(core, { bucket, object: name, query, options });
}

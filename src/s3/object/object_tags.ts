/**
 * Object tags: PutObjectTagging, GetObjectTagging, DeleteObjectTagging, on
 * the latest version or the one named by `versionId`.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { asTags, Tags } from "../../config/tags.ts";
import {
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
  type VersionOptions,
} from "../common/config_request.ts";

const OBJECT_TAGS: ConfigResource<Tags | Record<string, string>, Tags | null> = {
  key: "tagging",
  document: (tags) => asTags(tags, true).toXml(),
  parse: (xml) => Tags.fromXml(xml, true),
  none: { codes: ["NoSuchTagSet"], value: null },
};

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
export function setObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  tags: Tags | Record<string, string>,
  options: VersionOptions = {},
): Promise<void> {
  return setConfig(core, OBJECT_TAGS, bucket, name, tags, options);
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
export function getObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<Tags | null> {
  return getConfig(core, OBJECT_TAGS, bucket, name, options);
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
export function deleteObjectTags(
  core: MinioCore,
  bucket: string,
  name: string,
  options: VersionOptions = {},
): Promise<void> {
  return deleteConfig(core, OBJECT_TAGS, bucket, name, options);
}

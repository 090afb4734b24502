/**
 * Bucket tags: PutBucketTagging, GetBucketTagging, DeleteBucketTagging.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { asTags, Tags } from "../../config/tags.ts";
import {
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const BUCKET_TAGS: ConfigResource<Tags | Record<string, string>, Tags | null> = {
  key: "tagging",
  document: (tags) => asTags(tags, false).toXml(),
  parse: (xml) => Tags.fromXml(xml, false),
  none: { codes: ["NoSuchTagSet"], value: null },
};

/**
 * Replaces the tags of a bucket, at most 50 (minio-py `set_bucket_tags`).
 *
 * @example
 * ```ts
 * import { Tags } from "@minio-edge/minio";
 * await client.setBucketTags("photos", Tags.newBucketTags().set("project", "edge"));
 * await client.setBucketTags("photos", { project: "edge", owner: "me" });
 * ```
 */
export function setBucketTags(
  core: MinioCore,
  bucket: string,
  tags: Tags | Record<string, string>,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, BUCKET_TAGS, bucket, undefined, tags, options);
}

/**
 * Reads the tags of a bucket (minio-py `get_bucket_tags`); `null` when it
 * has none.
 *
 * @example
 * ```ts
 * const tags = await client.getBucketTags("photos");
 * console.log(tags?.get("project"));
 * ```
 */
export function getBucketTags(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<Tags | null> {
  return getConfig(core, BUCKET_TAGS, bucket, undefined, options);
}

/**
 * Removes every tag of a bucket (minio-py `delete_bucket_tags`).
 *
 * @example
 * ```ts
 * await client.deleteBucketTags("photos");
 * ```
 */
export function deleteBucketTags(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, BUCKET_TAGS, bucket, undefined, options);
}

/**
 * Bucket tags: PutBucketTagging, GetBucketTagging, DeleteBucketTagging.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { asTags, Tags } from "../../config/tags.ts";
import { checkBucketName } from "../../core/validate.ts";
import { deleteConfig, getConfig, putConfig } from "../common/config_request.ts";

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
export async function setBucketTags(
  core: MinioCore,
  bucket: string,
  tags: Tags | Record<string, string>,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  const xml = asTags(tags, false).toXml();
  await putConfig(core, { bucket, query: [["tagging", ""]], options }, xml);
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
export async function getBucketTags(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<Tags | null> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["tagging", ""]], options }, [
    "NoSuchTagSet",
  ]);
  return xml === null ? null : Tags.fromXml(xml, false);
}

/**
 * Removes every tag of a bucket (minio-py `delete_bucket_tags`).
 *
 * @example
 * ```ts
 * await client.deleteBucketTags("photos");
 * ```
 */
export async function deleteBucketTags(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  await deleteConfig(core, { bucket, query: [["tagging", ""]], options });
}

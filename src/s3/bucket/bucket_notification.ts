/**
 * Bucket notification configuration: PutBucketNotificationConfiguration and
 * GetBucketNotificationConfiguration.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { NotificationConfig } from "../../config/notification.ts";
import { InvalidArgumentError } from "../../core/errors.ts";
import { checkBucketName } from "../../core/validate.ts";
import { getConfig, putConfig } from "../common/config_request.ts";

/**
 * Sets the notification configuration of a bucket, replacing the previous
 * one. The server checks every target ARN exists.
 *
 * @example
 * ```ts
 * import { NotificationConfig, PrefixFilterRule, QueueConfig } from "@minio-edge/minio";
 * await client.setBucketNotification("photos", new NotificationConfig({
 *   queueConfigList: [
 *     new QueueConfig("arn:minio:sqs::PRIMARY:webhook", ["s3:ObjectCreated:*"], {
 *       prefixFilterRule: new PrefixFilterRule("uploads/"),
 *     }),
 *   ],
 * }));
 * ```
 */
export async function setBucketNotification(
  core: MinioCore,
  bucket: string,
  config: NotificationConfig,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  if (!(config instanceof NotificationConfig)) {
    throw new InvalidArgumentError("config must be a NotificationConfig");
  }
  await putConfig(core, { bucket, query: [["notification", ""]], options }, config.toXml());
}

/**
 * Reads a bucket's notification configuration (minio-py
 * `get_bucket_notification`); empty when none is set.
 *
 * @example
 * ```ts
 * const config = await client.getBucketNotification("photos");
 * for (const q of config.queueConfigList) console.log(q.queue, q.events);
 * ```
 */
export async function getBucketNotification(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<NotificationConfig> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["notification", ""]], options });
  return NotificationConfig.fromXml(xml!);
}

/**
 * Removes every notification target of a bucket (minio-py
 * `delete_bucket_notification`).
 *
 * @example
 * ```ts
 * await client.deleteBucketNotification("photos");
 * ```
 */
export function deleteBucketNotification(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return setBucketNotification(core, bucket, new NotificationConfig(), options);
}

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

/** Reads the notification configuration of a bucket; empty when none is set. */
export async function getBucketNotification(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<NotificationConfig> {
  checkBucketName(bucket);
  const xml = await getConfig(core, { bucket, query: [["notification", ""]], options });
  return NotificationConfig.fromXml(xml!);
}

/** Removes every notification target of a bucket by setting an empty configuration. */
export function deleteBucketNotification(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return setBucketNotification(core, bucket, new NotificationConfig(), options);
}

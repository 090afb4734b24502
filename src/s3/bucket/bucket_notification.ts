/**
 * Bucket notification configuration: PutBucketNotificationConfiguration and
 * GetBucketNotificationConfiguration.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { NotificationConfig } from "../../config/notification.ts";
import {
  classDocument,
  type ConfigResource,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const NOTIFICATION: ConfigResource<NotificationConfig, NotificationConfig> = {
  key: "notification",
  document: (config) => classDocument(config, NotificationConfig, "a NotificationConfig"),
  parse: (xml) => NotificationConfig.fromXml(xml),
};

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
export function setBucketNotification(
  core: MinioCore,
  bucket: string,
  config: NotificationConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, NOTIFICATION, bucket, undefined, config, options);
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
export function getBucketNotification(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<NotificationConfig> {
  return getConfig(core, NOTIFICATION, bucket, undefined, options);
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

/**
 * minio-js's notification configuration read into this SDK's
 * `NotificationConfig` (which checks it and writes the XML), and this SDK's
 * read back into the object minio-js's `getBucketNotification` answers.
 * Loaded on first use.
 *
 * @module
 */

import type { MinioCore } from "../core/core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import {
  CloudFunctionConfig as OurCloudFunction,
  NotificationConfig as OurConfig,
  type NotificationTargetConfig,
  type NotificationTargetOptions,
  PrefixFilterRule,
  QueueConfig as OurQueue,
  SuffixFilterRule,
  TopicConfig as OurTopic,
} from "../config/notification.ts";
import { getBucketNotification, setBucketNotification } from "../s3/bucket/bucket_notification.ts";
import {
  type NotificationConfig,
  type NotificationConfigResult,
  targetParts,
} from "./notification.ts";

/** minio-js's configuration as this SDK's (which checks it). */
export function toNotificationConfig(config: NotificationConfig): OurConfig {
  const targets = targetParts(config);
  if (!targets) throw new InvalidArgumentError("config must be a NotificationConfig");
  const lists = { topic: [] as OurTopic[], queue: [] as OurQueue[], fn: [] as OurCloudFunction[] };
  for (const { kind, parts } of targets) {
    const { arn, id, events, filters } = parts;
    const options: NotificationTargetOptions = { configId: id };
    for (const f of filters) {
      const key = f.Name === "prefix" ? "prefixFilterRule" : "suffixFilterRule";
      if (options[key]) {
        throw new InvalidArgumentError(`a target takes one ${f.Name} filter; ${arn} has more`);
      }
      options[key] = f.Name === "prefix"
        ? new PrefixFilterRule(f.Value)
        : new SuffixFilterRule(f.Value);
    }
    if (kind === "topic") lists.topic.push(new OurTopic(arn, events, options));
    else if (kind === "queue") lists.queue.push(new OurQueue(arn, events, options));
    else lists.fn.push(new OurCloudFunction(arn, events, options));
  }
  return new OurConfig({
    topicConfigList: lists.topic,
    queueConfigList: lists.queue,
    cloudFuncConfigList: lists.fn,
  });
}

type Entry = NotificationConfigResult["QueueConfiguration"][number];

function entry(c: NotificationTargetConfig): Omit<Entry, "Queue"> {
  const Filter = [c.prefixFilterRule, c.suffixFilterRule].filter((r) => r !== undefined)
    .map((r) => ({ Name: r.name, Value: r.value }));
  return { Id: c.configId, Event: [...c.events], Filter };
}

/** This SDK's configuration in the form minio-js's `getBucketNotification` answers. */
export function notificationResult(config: OurConfig): NotificationConfigResult {
  return {
    TopicConfiguration: config.topicConfigList.map((c) => ({ ...entry(c), Topic: c.topic })),
    QueueConfiguration: config.queueConfigList.map((c) => ({ ...entry(c), Queue: c.queue })),
    CloudFunctionConfiguration: config.cloudFuncConfigList.map((c) => ({
      ...entry(c),
      CloudFunction: c.cloudFunc,
    })),
  };
}

/** Replaces the bucket's targets with those of minio-js's configuration. */
export async function setNotification(
  core: MinioCore,
  bucket: string,
  config: NotificationConfig,
): Promise<void> {
  await setBucketNotification(core, bucket, toNotificationConfig(config));
}

/** The bucket's targets as minio-js's `getBucketNotification` answers them. */
export async function notification(
  core: MinioCore,
  bucket: string,
): Promise<NotificationConfigResult> {
  return notificationResult(await getBucketNotification(core, bucket));
}

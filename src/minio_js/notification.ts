/**
 * minio-js's notification configuration builders (`NotificationConfig`,
 * `TopicConfig`, `QueueConfig`, `CloudFunctionConfig`, `buildARN`), its
 * event-name constants and the plain object its `getBucketNotification`
 * answers. notification_map.ts (loaded on first use) reads them into this
 * SDK's `NotificationConfig`, which checks them and writes the XML.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

/** What a target holds, for notification_map.ts. */
export interface Parts {
  arn: string;
  id?: string;
  events: string[];
  filters: { Name: "prefix" | "suffix"; Value: string }[];
}

const partsOf = new WeakMap<TargetConfig, Parts>();

function text(value: unknown, what: string): string {
  if (typeof value !== "string") {
    throw new InvalidArgumentError(`${what} must be a string (got ${typeof value})`);
  }
  return value;
}

/**
 * What minio-js's topic, queue and cloud-function configurations share:
 * an id, the events and the key filter. Build one of its subclasses.
 *
 * @example
 * ```ts
 * import { buildARN, ObjectCreatedAll, QueueConfig } from "@minio-edge/minio/minio-js";
 * const queue = new QueueConfig(buildARN("minio", "sqs", "", "PRIMARY", "webhook"));
 * queue.setId("photos");
 * queue.addEvent(ObjectCreatedAll);
 * queue.addFilterPrefix("photos/");
 * queue.addFilterSuffix(".jpg");
 * ```
 */
export class TargetConfig {
  /** A target sending to `arn` (called by the subclasses). */
  protected constructor(arn: string) {
    partsOf.set(this, { arn: text(arn, "the target ARN"), events: [], filters: [] });
  }

  /** Sets the configuration's id. */
  setId(id: string): void {
    partsOf.get(this)!.id = text(id, "id");
  }

  /** Adds an event name, such as {@link ObjectCreatedAll}. */
  addEvent(newevent: string): void {
    partsOf.get(this)!.events.push(text(newevent, "event"));
  }

  /** Only objects whose names end with `suffix`. */
  addFilterSuffix(suffix: string): void {
    partsOf.get(this)!.filters.push({ Name: "suffix", Value: text(suffix, "suffix") });
  }

  /** Only objects whose names start with `prefix`. */
  addFilterPrefix(prefix: string): void {
    partsOf.get(this)!.filters.push({ Name: "prefix", Value: text(prefix, "prefix") });
  }
}

/**
 * Events sent to a topic ARN (SNS).
 *
 * @example
 * ```ts
 * import { ObjectRemovedAll, TopicConfig } from "@minio-edge/minio/minio-js";
 * const topic = new TopicConfig("arn:aws:sns:us-east-1:123456789012:events");
 * topic.addEvent(ObjectRemovedAll);
 * ```
 */
export class TopicConfig extends TargetConfig {
  /** A topic target. */
  constructor(arn: string) {
    super(arn);
  }
}

/**
 * Events sent to a queue ARN; MinIO's targets (webhook, AMQP, Kafka, ...)
 * are queues such as `arn:minio:sqs::PRIMARY:webhook`.
 *
 * @example
 * ```ts
 * import { ObjectCreatedAll, QueueConfig } from "@minio-edge/minio/minio-js";
 * const queue = new QueueConfig("arn:minio:sqs::PRIMARY:webhook");
 * queue.addEvent(ObjectCreatedAll);
 * ```
 */
export class QueueConfig extends TargetConfig {
  /** A queue target. */
  constructor(arn: string) {
    super(arn);
  }
}

/**
 * Events sent to a cloud function ARN (Lambda).
 *
 * @example
 * ```ts
 * import { CloudFunctionConfig, ObjectCreatedPut } from "@minio-edge/minio/minio-js";
 * const fn = new CloudFunctionConfig("arn:aws:lambda:us-east-1:123456789012:function:thumb");
 * fn.addEvent(ObjectCreatedPut);
 * ```
 */
export class CloudFunctionConfig extends TargetConfig {
  /** A cloud function target. */
  constructor(arn: string) {
    super(arn);
  }
}

const targetsOf = new WeakMap<NotificationConfig, TargetConfig[]>();

/**
 * minio-js's notification configuration: the targets {@link add}ed to it,
 * for `setBucketNotification`.
 *
 * @example
 * ```ts
 * import {
 *   buildARN, Client, NotificationConfig, ObjectCreatedAll, QueueConfig,
 * } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const config = new NotificationConfig();
 * const queue = new QueueConfig(buildARN("minio", "sqs", "", "PRIMARY", "webhook"));
 * queue.addEvent(ObjectCreatedAll);
 * config.add(queue);
 * await client.setBucketNotification("photos", config);
 * ```
 */
export class NotificationConfig {
  /** An empty configuration (setting it removes every target). */
  constructor() {
    targetsOf.set(this, []);
  }

  /** Adds a {@link TopicConfig}, {@link QueueConfig} or {@link CloudFunctionConfig}. */
  add(target: TargetConfig): void {
    if (!(target instanceof TargetConfig)) {
      throw new InvalidArgumentError(
        "add() takes a TopicConfig, QueueConfig or CloudFunctionConfig",
      );
    }
    targetsOf.get(this)!.push(target);
  }
}

/**
 * `arn:partition:service:region:accountId:resource`, as minio-js's `buildARN`.
 *
 * @example
 * ```ts
 * import { buildARN } from "@minio-edge/minio/minio-js";
 * console.log(buildARN("minio", "sqs", "", "PRIMARY", "webhook")); // arn:minio:sqs::PRIMARY:webhook
 * ```
 */
export function buildARN(
  partition: string,
  service: string,
  region: string,
  accountId: string,
  resource: string,
): string {
  return ["arn", partition, service, region, accountId, resource].join(":");
}

/**
 * Every object-creating event.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectCreatedAll)
 * ```
 */
export const ObjectCreatedAll = "s3:ObjectCreated:*";
/**
 * An object written by PUT.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectCreatedPut)
 * ```
 */
export const ObjectCreatedPut = "s3:ObjectCreated:Put";
/**
 * An object written by a POST form.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectCreatedPost)
 * ```
 */
export const ObjectCreatedPost = "s3:ObjectCreated:Post";
/**
 * An object written by a copy.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectCreatedCopy)
 * ```
 */
export const ObjectCreatedCopy = "s3:ObjectCreated:Copy";
/**
 * A multipart upload completed.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectCreatedCompleteMultipartUpload)
 * ```
 */
export const ObjectCreatedCompleteMultipartUpload = "s3:ObjectCreated:CompleteMultipartUpload";
/**
 * Every removal.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectRemovedAll)
 * ```
 */
export const ObjectRemovedAll = "s3:ObjectRemoved:*";
/**
 * An object deleted.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectRemovedDelete)
 * ```
 */
export const ObjectRemovedDelete = "s3:ObjectRemoved:Delete";
/**
 * A delete marker made.
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectRemovedDeleteMarkerCreated)
 * ```
 */
export const ObjectRemovedDeleteMarkerCreated = "s3:ObjectRemoved:DeleteMarkerCreated";
/**
 * A reduced-redundancy object lost (S3).
 *
 * @example
 * ```ts
 * queue.addEvent(ObjectReducedRedundancyLostObject)
 * ```
 */
export const ObjectReducedRedundancyLostObject = "s3:ReducedRedundancyLostObject";

/**
 * A key filter rule as minio-js's `getBucketNotification` gives it.
 *
 * @example
 * ```ts
 * import type { FilterRule } from "@minio-edge/minio/minio-js";
 * const rule: FilterRule = { Name: "suffix", Value: ".jpg" };
 * ```
 */
export type FilterRule = { Name: string; Value: string };

/** One target of minio-js's `getBucketNotification` answer (its ARN beside). */
type Entry = { Id?: string; Event: string[]; Filter: FilterRule[] };

/**
 * What minio-js's `getBucketNotification` answers: the targets by kind.
 *
 * @example
 * ```ts
 * import { Client, type NotificationConfigResult } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const config: NotificationConfigResult = await client.getBucketNotification("photos");
 * for (const q of config.QueueConfiguration) console.log(q.Queue, q.Event, q.Filter);
 * ```
 */
export interface NotificationConfigResult {
  /** Topic targets. */
  TopicConfiguration: { Id?: string; Topic: string; Event: string[]; Filter: FilterRule[] }[];
  /** Queue targets. */
  QueueConfiguration: { Id?: string; Queue: string; Event: string[]; Filter: FilterRule[] }[];
  /** Cloud function targets. */
  CloudFunctionConfiguration: {
    Id?: string;
    CloudFunction: string;
    Event: string[];
    Filter: FilterRule[];
  }[];
}

/**
 * The targets of a configuration, each with its kind and parts; `undefined`
 * for anything but a {@link NotificationConfig}.
 */
export function targetParts(
  config: unknown,
): { kind: "topic" | "queue" | "fn"; parts: Parts }[] | undefined {
  const targets = targetsOf.get(config as NotificationConfig);
  return targets?.map((t) => ({
    kind: t instanceof TopicConfig ? "topic" : t instanceof QueueConfig ? "queue" : "fn",
    parts: partsOf.get(t)!,
  }));
}

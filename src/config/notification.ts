/**
 * Bucket notifications (minio-py's `minio.notificationconfig`): which events
 * of which objects go to which queue, topic or cloud function ARN.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";

const MAX_FILTER_VALUE = 1024;

/**
 * One `<FilterRule>` of an S3 key filter: a `prefix` or `suffix` that object
 * names must have.
 *
 * @example
 * ```ts
 * import { FilterRule } from "@minio-edge/minio";
 * console.log(new FilterRule("suffix", ".jpg").toXml());
 * ```
 */
export class FilterRule {
  /** `prefix` or `suffix`. */
  readonly name: "prefix" | "suffix";
  /** The prefix or suffix, up to 1024 characters. */
  readonly value: string;

  /** Checks the name and value; throws {@link InvalidArgumentError}. */
  constructor(name: "prefix" | "suffix", value: string) {
    if (name !== "prefix" && name !== "suffix") {
      throw new InvalidArgumentError('filter rule name must be "prefix" or "suffix"');
    }
    if (typeof value !== "string" || value.length > MAX_FILTER_VALUE) {
      throw new InvalidArgumentError(
        `${name} filter value must be a string of at most ${MAX_FILTER_VALUE} characters`,
      );
    }
    this.name = name;
    this.value = value;
  }

  /** The `<FilterRule>` element. */
  toXml(): string {
    return element("FilterRule", textElement("Name", this.name) + textElement("Value", this.value));
  }

  /** Reads a `<FilterRule>` element; the name's case does not matter. */
  static fromXml(xml: string | XmlElement): FilterRule {
    const root = typeof xml === "string" ? parseXml(xml, "FilterRule") : xml;
    const name = (childText(root, "Name") ?? "").toLowerCase();
    const value = childText(root, "Value") ?? "";
    return name === "prefix" ? new PrefixFilterRule(value) : new SuffixFilterRule(value);
  }
}

/**
 * Only objects whose names start with `value`.
 *
 * @example
 * ```ts
 * import { PrefixFilterRule } from "@minio-edge/minio";
 * const rule = new PrefixFilterRule("uploads/");
 * ```
 */
export class PrefixFilterRule extends FilterRule {
  /** The prefix object names must have. */
  constructor(value: string) {
    super("prefix", value);
  }
}

/**
 * Only objects whose names end with `value`.
 *
 * @example
 * ```ts
 * import { SuffixFilterRule } from "@minio-edge/minio";
 * const rule = new SuffixFilterRule(".jpg");
 * ```
 */
export class SuffixFilterRule extends FilterRule {
  /** The suffix object names must have. */
  constructor(value: string) {
    super("suffix", value);
  }
}

/**
 * Options every notification target configuration takes.
 *
 * @example
 * ```ts
 * import {
 *   type NotificationTargetOptions, PrefixFilterRule, QueueConfig, SuffixFilterRule,
 * } from "@minio-edge/minio";
 * const options: NotificationTargetOptions = {
 *   configId: "new-images",
 *   prefixFilterRule: new PrefixFilterRule("images/"),
 *   suffixFilterRule: new SuffixFilterRule(".png"),
 * };
 * const queue = new QueueConfig("arn:minio:sqs::PRIMARY:webhook", ["s3:ObjectCreated:*"], options);
 * ```
 */
export interface NotificationTargetOptions {
  /** Id of this configuration (the server makes one up when absent). */
  configId?: string;
  /** Only objects whose names start with this. */
  prefixFilterRule?: PrefixFilterRule;
  /** Only objects whose names end with this. */
  suffixFilterRule?: SuffixFilterRule;
}

/**
 * What queue, topic and cloud function configurations share: the events,
 * an id and the key filter (minio-py's `CommonConfig`).
 *
 * @example
 * ```ts
 * import { type NotificationTargetConfig, QueueConfig } from "@minio-edge/minio";
 * const target: NotificationTargetConfig = new QueueConfig("arn:minio:sqs::1:webhook", [
 *   "s3:ObjectCreated:*",
 * ]);
 * console.log(target.arn, target.events);
 * ```
 */
export abstract class NotificationTargetConfig {
  /** Event names such as `s3:ObjectCreated:*` or `s3:ObjectRemoved:Delete`. */
  readonly events: readonly string[];
  /** Id of this configuration. */
  readonly configId?: string;
  /** The prefix filter, if any. */
  readonly prefixFilterRule?: PrefixFilterRule;
  /** The suffix filter, if any. */
  readonly suffixFilterRule?: SuffixFilterRule;

  /** Checks the ARN, events and options; throws {@link InvalidArgumentError}. */
  constructor(arn: string, events: readonly string[], options: NotificationTargetOptions = {}) {
    checkOptions(
      "NotificationTarget: options",
      options,
      "configId:s prefixFilterRule:o suffixFilterRule:o",
    );
    if (typeof arn !== "string" || arn === "") {
      throw new InvalidArgumentError("the target ARN must be a non-empty string");
    }
    if (
      !Array.isArray(events) || events.length === 0 ||
      events.some((e) => typeof e !== "string" || e === "")
    ) {
      throw new InvalidArgumentError("events must be a non-empty array of event names");
    }
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("notification options must be an object");
    }
    const { configId, prefixFilterRule, suffixFilterRule } = options;
    if (configId !== undefined && typeof configId !== "string") {
      throw new InvalidArgumentError("configId must be a string");
    }
    if (prefixFilterRule !== undefined && !(prefixFilterRule instanceof PrefixFilterRule)) {
      throw new InvalidArgumentError("prefixFilterRule must be a PrefixFilterRule");
    }
    if (suffixFilterRule !== undefined && !(suffixFilterRule instanceof SuffixFilterRule)) {
      throw new InvalidArgumentError("suffixFilterRule must be a SuffixFilterRule");
    }
    this.events = Object.freeze([...events]);
    this.configId = configId;
    this.prefixFilterRule = prefixFilterRule;
    this.suffixFilterRule = suffixFilterRule;
  }

  /** The ARN events go to. */
  abstract get arn(): string;

  /** Builds the element `name` with the ARN under `arnName`. */
  protected xmlAs(name: string, arnName: string): string {
    let inner = textElement(arnName, this.arn);
    for (const e of this.events) inner += textElement("Event", e);
    if (this.configId !== undefined) inner += textElement("Id", this.configId);
    if (this.prefixFilterRule || this.suffixFilterRule) {
      const rules = (this.prefixFilterRule?.toXml() ?? "") + (this.suffixFilterRule?.toXml() ?? "");
      inner += element("Filter", element("S3Key", rules));
    }
    return element(name, inner);
  }

  /** The ARN, events and options of a configuration element. */
  protected static parts(
    el: XmlElement,
    arnName: string,
  ): [string, string[], NotificationTargetOptions] {
    const options: NotificationTargetOptions = {};
    const id = childText(el, "Id");
    if (id !== undefined) options.configId = id;
    const s3Key = child(child(el, "Filter") ?? el, "S3Key");
    for (const r of s3Key ? childrenNamed(s3Key, "FilterRule") : []) {
      const rule = FilterRule.fromXml(r);
      if (rule instanceof PrefixFilterRule) options.prefixFilterRule = rule;
      else options.suffixFilterRule = rule as SuffixFilterRule;
    }
    const events = childrenNamed(el, "Event").map((e) => e.text.trim());
    return [childText(el, arnName)?.trim() ?? "", events, options];
  }

  /** The element of this configuration inside `<NotificationConfiguration>`. */
  abstract toXml(): string;
}

/**
 * Events sent to a queue ARN; MinIO's targets (webhook, AMQP, Kafka, ...)
 * are queues such as `arn:minio:sqs::PRIMARY:webhook`.
 *
 * @example
 * ```ts
 * import { PrefixFilterRule, QueueConfig } from "@minio-edge/minio";
 * const queue = new QueueConfig("arn:minio:sqs::PRIMARY:webhook", ["s3:ObjectCreated:*"], {
 *   configId: "uploads",
 *   prefixFilterRule: new PrefixFilterRule("uploads/"),
 * });
 * ```
 */
export class QueueConfig extends NotificationTargetConfig {
  /** The queue ARN. */
  readonly queue: string;

  /** Checks the arguments; throws {@link InvalidArgumentError}. */
  constructor(queue: string, events: readonly string[], options?: NotificationTargetOptions) {
    super(queue, events, options);
    this.queue = queue;
  }

  /** The queue ARN. */
  get arn(): string {
    return this.queue;
  }

  /** The `<QueueConfiguration>` element. */
  toXml(): string {
    return this.xmlAs("QueueConfiguration", "Queue");
  }

  /** Reads a `<QueueConfiguration>` element. */
  static fromXml(xml: string | XmlElement): QueueConfig {
    const el = typeof xml === "string" ? parseXml(xml, "QueueConfiguration") : xml;
    return new QueueConfig(...NotificationTargetConfig.parts(el, "Queue"));
  }
}

/**
 * Events sent to an SNS-style topic ARN.
 *
 * @example
 * ```ts
 * import { TopicConfig } from "@minio-edge/minio";
 * const topic = new TopicConfig("arn:aws:sns:us-east-1:123456789012:uploads", [
 *   "s3:ObjectCreated:Put",
 * ]);
 * ```
 */
export class TopicConfig extends NotificationTargetConfig {
  /** The topic ARN. */
  readonly topic: string;

  /** Checks the arguments; throws {@link InvalidArgumentError}. */
  constructor(topic: string, events: readonly string[], options?: NotificationTargetOptions) {
    super(topic, events, options);
    this.topic = topic;
  }

  /** The topic ARN. */
  get arn(): string {
    return this.topic;
  }

  /** The `<TopicConfiguration>` element. */
  toXml(): string {
    return this.xmlAs("TopicConfiguration", "Topic");
  }

  /** Reads a `<TopicConfiguration>` element. */
  static fromXml(xml: string | XmlElement): TopicConfig {
    const el = typeof xml === "string" ? parseXml(xml, "TopicConfiguration") : xml;
    return new TopicConfig(...NotificationTargetConfig.parts(el, "Topic"));
  }
}

/**
 * Events sent to a cloud function (Lambda) ARN (minio-py's `CloudFuncConfig`).
 *
 * @example
 * ```ts
 * import { CloudFunctionConfig } from "@minio-edge/minio";
 * const fn = new CloudFunctionConfig("arn:aws:lambda:us-east-1:123456789012:function:thumb", [
 *   "s3:ObjectCreated:*",
 * ]);
 * ```
 */
export class CloudFunctionConfig extends NotificationTargetConfig {
  /** The cloud function ARN. */
  readonly cloudFunc: string;

  /** Checks the arguments; throws {@link InvalidArgumentError}. */
  constructor(cloudFunc: string, events: readonly string[], options?: NotificationTargetOptions) {
    super(cloudFunc, events, options);
    this.cloudFunc = cloudFunc;
  }

  /** The cloud function ARN. */
  get arn(): string {
    return this.cloudFunc;
  }

  /** The `<CloudFunctionConfiguration>` element. */
  toXml(): string {
    return this.xmlAs("CloudFunctionConfiguration", "CloudFunction");
  }

  /** Reads a `<CloudFunctionConfiguration>` element. */
  static fromXml(xml: string | XmlElement): CloudFunctionConfig {
    const el = typeof xml === "string" ? parseXml(xml, "CloudFunctionConfiguration") : xml;
    return new CloudFunctionConfig(...NotificationTargetConfig.parts(el, "CloudFunction"));
  }
}

/**
 * The lists of a {@link NotificationConfig}, as minio-py names them.
 *
 * @example
 * ```ts
 * import {
 *   NotificationConfig, type NotificationConfigOptions, TopicConfig,
 * } from "@minio-edge/minio";
 * const options: NotificationConfigOptions = {
 *   topicConfigList: [
 *     new TopicConfig("arn:aws:sns:us-east-1:123456789012:uploads", ["s3:ObjectCreated:Put"]),
 *   ],
 * };
 * const config = new NotificationConfig(options);
 * ```
 */
export interface NotificationConfigOptions {
  /** Cloud function targets. */
  cloudFuncConfigList?: readonly CloudFunctionConfig[];
  /** Queue targets. */
  queueConfigList?: readonly QueueConfig[];
  /** Topic targets. */
  topicConfigList?: readonly TopicConfig[];
}

function checkList<T>(list: unknown, type: abstract new (...a: never[]) => T, what: string) {
  if (list === undefined) return Object.freeze([]) as readonly T[];
  if (!Array.isArray(list) || list.some((c) => !(c instanceof type))) {
    throw new InvalidArgumentError(`${what} must be an array of ${type.name}`);
  }
  return Object.freeze([...list]) as readonly T[];
}

/**
 * The notification configuration of a bucket. An empty one (the default)
 * turns notifications off.
 *
 * @example
 * ```ts
 * import { NotificationConfig, QueueConfig, SuffixFilterRule } from "@minio-edge/minio";
 * const config = new NotificationConfig({
 *   queueConfigList: [
 *     new QueueConfig("arn:minio:sqs::PRIMARY:webhook", ["s3:ObjectCreated:*"], {
 *       suffixFilterRule: new SuffixFilterRule(".jpg"),
 *     }),
 *   ],
 * });
 * console.log(config.toXml());
 * ```
 */
export class NotificationConfig {
  /** Cloud function targets. */
  readonly cloudFuncConfigList: readonly CloudFunctionConfig[];
  /** Queue targets. */
  readonly queueConfigList: readonly QueueConfig[];
  /** Topic targets. */
  readonly topicConfigList: readonly TopicConfig[];

  /** Checks the lists; throws {@link InvalidArgumentError}. */
  constructor(options: NotificationConfigOptions = {}) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("notification config options must be an object");
    }
    checkOptions(
      "NotificationConfig: options",
      options,
      "cloudFuncConfigList:o queueConfigList:o topicConfigList:o",
    );
    this.cloudFuncConfigList = checkList(
      options.cloudFuncConfigList,
      CloudFunctionConfig,
      "cloudFuncConfigList",
    );
    this.queueConfigList = checkList(options.queueConfigList, QueueConfig, "queueConfigList");
    this.topicConfigList = checkList(options.topicConfigList, TopicConfig, "topicConfigList");
  }

  /** Whether no target is configured. */
  get isEmpty(): boolean {
    return !this.cloudFuncConfigList.length && !this.queueConfigList.length &&
      !this.topicConfigList.length;
  }

  /** The `<NotificationConfiguration>` document. */
  toXml(): string {
    const all = [...this.cloudFuncConfigList, ...this.queueConfigList, ...this.topicConfigList];
    return element("NotificationConfiguration", all.map((c) => c.toXml()).join(""), S3_NAMESPACE);
  }

  /** Reads a `<NotificationConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): NotificationConfig {
    const root = typeof xml === "string" ? parseXml(xml, "NotificationConfiguration") : xml;
    return new NotificationConfig({
      cloudFuncConfigList: childrenNamed(root, "CloudFunctionConfiguration")
        .map((e) => CloudFunctionConfig.fromXml(e)),
      queueConfigList: childrenNamed(root, "QueueConfiguration").map((e) => QueueConfig.fromXml(e)),
      topicConfigList: childrenNamed(root, "TopicConfiguration").map((e) => TopicConfig.fromXml(e)),
    });
  }
}

/**
 * Where a replication rule sends objects (minio-py's
 * `minio.replicationconfig` `Destination`, `AccessControlTranslation`,
 * `EncryptionConfig`, `Metrics`, `ReplicationTime`, `Time` and
 * `EventThreshold`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { child, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, textElement } from "../xml/write.ts";
import {
  checkInstance,
  checkStatus,
  checkString,
  childFrom,
  childInt,
  type RuleStatus,
} from "./_checks.ts";

/**
 * The time within which S3 Replication Time Control replicates objects
 * (minio-py's `Time`), in minutes; 15 by default.
 *
 * @example
 * ```ts
 * import { ENABLED, ReplicationTime, Time } from "@minio-edge/minio";
 * const rtc = new ReplicationTime(new Time(15), ENABLED);
 * ```
 */
export class Time {
  /** Minutes. */
  readonly minutes: number;
  /** Checks that the minutes are a positive integer. */
  constructor(minutes = 15) {
    checkOptionalInteger(minutes, "Time minutes", 1);
    this.minutes = minutes;
  }
  /** The `<Time>` element. */
  toXml(): string {
    return element("Time", textElement("Minutes", this.minutes));
  }
  /** Reads a `<Time>` element. */
  static fromXml(xml: string | XmlElement): Time {
    const el = typeof xml === "string" ? parseXml(xml, "Time") : xml;
    return new Time(childInt(el, "Minutes"));
  }
}

/**
 * The replication delay after which S3 reports a missed threshold event
 * (minio-py's `EventThreshold`), in minutes; 15 by default.
 *
 * @example
 * ```ts
 * import { ENABLED, EventThreshold, Metrics } from "@minio-edge/minio";
 * const metrics = new Metrics(new EventThreshold(15), ENABLED);
 * ```
 */
export class EventThreshold {
  /** Minutes. */
  readonly minutes: number;
  /** Checks that the minutes are a positive integer. */
  constructor(minutes = 15) {
    checkOptionalInteger(minutes, "EventThreshold minutes", 1);
    this.minutes = minutes;
  }
  /** The `<EventThreshold>` element. */
  toXml(): string {
    return element("EventThreshold", textElement("Minutes", this.minutes));
  }
  /** Reads an `<EventThreshold>` element. */
  static fromXml(xml: string | XmlElement): EventThreshold {
    const el = typeof xml === "string" ? parseXml(xml, "EventThreshold") : xml;
    return new EventThreshold(childInt(el, "Minutes"));
  }
}

/**
 * S3 Replication Time Control (minio-py's `ReplicationTime`).
 *
 * @example
 * ```ts
 * import { ENABLED, ReplicationTime, Time } from "@minio-edge/minio";
 * const rtc = new ReplicationTime(new Time(), ENABLED);
 * ```
 */
export class ReplicationTime {
  /** The time limit. */
  readonly time: Time;
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the time and the status. */
  constructor(time: Time, status: RuleStatus) {
    if (!(time instanceof Time)) throw new InvalidArgumentError("ReplicationTime needs a Time");
    checkStatus(status, "ReplicationTime status");
    this.time = time;
    this.status = status;
  }
  /** The `<ReplicationTime>` element. */
  toXml(): string {
    return element("ReplicationTime", textElement("Status", this.status) + this.time.toXml());
  }
  /** Reads a `<ReplicationTime>` element. */
  static fromXml(xml: string | XmlElement): ReplicationTime {
    const el = typeof xml === "string" ? parseXml(xml, "ReplicationTime") : xml;
    const time = child(el, "Time");
    return new ReplicationTime(
      time ? Time.fromXml(time) : new Time(),
      childText(el, "Status")?.trim() as RuleStatus,
    );
  }
}

/**
 * Replication metrics and threshold events (minio-py's `Metrics`).
 *
 * @example
 * ```ts
 * import { ENABLED, EventThreshold, Metrics } from "@minio-edge/minio";
 * const metrics = new Metrics(new EventThreshold(), ENABLED);
 * ```
 */
export class Metrics {
  /** When a delay becomes an event. */
  readonly eventThreshold: EventThreshold;
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the threshold and the status. */
  constructor(eventThreshold: EventThreshold, status: RuleStatus) {
    if (!(eventThreshold instanceof EventThreshold)) {
      throw new InvalidArgumentError("Metrics needs an EventThreshold");
    }
    checkStatus(status, "Metrics status");
    this.eventThreshold = eventThreshold;
    this.status = status;
  }
  /** The `<Metrics>` element. */
  toXml(): string {
    return element("Metrics", textElement("Status", this.status) + this.eventThreshold.toXml());
  }
  /** Reads a `<Metrics>` element. */
  static fromXml(xml: string | XmlElement): Metrics {
    const el = typeof xml === "string" ? parseXml(xml, "Metrics") : xml;
    const threshold = child(el, "EventThreshold");
    return new Metrics(
      threshold ? EventThreshold.fromXml(threshold) : new EventThreshold(),
      childText(el, "Status")?.trim() as RuleStatus,
    );
  }
}

/**
 * The KMS key replicas are encrypted with (minio-py's `EncryptionConfig`).
 *
 * @example
 * ```ts
 * import { EncryptionConfig } from "@minio-edge/minio";
 * const encryption = new EncryptionConfig("arn:aws:kms:us-east-1:111122223333:key/my-key");
 * ```
 */
export class EncryptionConfig {
  /** KMS key ID or ARN for the replicas. */
  readonly replicaKmsKeyId?: string;
  /** Checks the key ID, when given. */
  constructor(replicaKmsKeyId?: string) {
    checkString(replicaKmsKeyId, "replicaKmsKeyId");
    this.replicaKmsKeyId = replicaKmsKeyId;
  }
  /** The `<EncryptionConfiguration>` element. */
  toXml(): string {
    return element(
      "EncryptionConfiguration",
      this.replicaKmsKeyId === undefined
        ? ""
        : textElement("ReplicaKmsKeyID", this.replicaKmsKeyId),
    );
  }
  /** Reads an `<EncryptionConfiguration>` element. */
  static fromXml(xml: string | XmlElement): EncryptionConfig {
    const el = typeof xml === "string" ? parseXml(xml, "EncryptionConfiguration") : xml;
    return new EncryptionConfig(childText(el, "ReplicaKmsKeyID") || undefined);
  }
}

/**
 * Who owns the replicas (minio-py's `AccessControlTranslation`); the only
 * owner S3 accepts is `Destination`, the default.
 *
 * @example
 * ```ts
 * import { AccessControlTranslation } from "@minio-edge/minio";
 * const owner = new AccessControlTranslation();
 * ```
 */
export class AccessControlTranslation {
  /** Replica owner. */
  readonly owner: string;
  /** Checks the owner. */
  constructor(owner = "Destination") {
    checkString(owner, "AccessControlTranslation owner");
    this.owner = owner;
  }
  /** The `<AccessControlTranslation>` element. */
  toXml(): string {
    return element("AccessControlTranslation", textElement("Owner", this.owner));
  }
  /** Reads an `<AccessControlTranslation>` element. */
  static fromXml(xml: string | XmlElement): AccessControlTranslation {
    const el = typeof xml === "string" ? parseXml(xml, "AccessControlTranslation") : xml;
    return new AccessControlTranslation(childText(el, "Owner") ?? "");
  }
}

/**
 * Optional parts of a {@link Destination}.
 *
 * @example
 * ```ts
 * import {
 *   Destination, type DestinationOptions, ENABLED, ReplicationTime, Time,
 * } from "@minio-edge/minio";
 * const options: DestinationOptions = {
 *   storageClass: "STANDARD_IA",
 *   replicationTime: new ReplicationTime(new Time(15), ENABLED),
 * };
 * const destination = new Destination("arn:aws:s3:::backup-bucket", options);
 * ```
 */
export interface DestinationOptions {
  /** Who owns the replicas (needs `account`). */
  accessControlTranslation?: AccessControlTranslation;
  /** Account ID of the destination bucket's owner. */
  account?: string;
  /** How replicas are encrypted. */
  encryptionConfig?: EncryptionConfig;
  /** Replication metrics. */
  metrics?: Metrics;
  /** Replication Time Control. */
  replicationTime?: ReplicationTime;
  /** Storage class of the replicas. */
  storageClass?: string;
}

/**
 * The bucket replicas go to (minio-py's `Destination`). On MinIO the
 * bucket ARN is the remote target's, `arn:minio:replication::<id>:<bucket>`,
 * as the admin API's remote-target call returns it.
 *
 * @example
 * ```ts
 * import { Destination } from "@minio-edge/minio";
 * const destination = new Destination("arn:minio:replication::c5be6b16:backup", {
 *   storageClass: "STANDARD",
 * });
 * ```
 */
export class Destination {
  /** ARN of the destination bucket. */
  readonly bucketArn: string;
  /** Who owns the replicas. */
  readonly accessControlTranslation?: AccessControlTranslation;
  /** Destination account ID. */
  readonly account?: string;
  /** How replicas are encrypted. */
  readonly encryptionConfig?: EncryptionConfig;
  /** Replication metrics. */
  readonly metrics?: Metrics;
  /** Replication Time Control. */
  readonly replicationTime?: ReplicationTime;
  /** Storage class of the replicas. */
  readonly storageClass?: string;

  /** Checks the ARN and each part's type. */
  constructor(bucketArn: string, options: DestinationOptions = {}) {
    checkOptions(
      "Destination: options",
      options,
      "accessControlTranslation:o account:s encryptionConfig:o metrics:o replicationTime:o storageClass:s",
    );
    if (typeof bucketArn !== "string" || !bucketArn) {
      throw new InvalidArgumentError("destination bucket ARN must be a non-empty string");
    }
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("Destination options must be an object");
    }
    checkInstance(
      options.accessControlTranslation,
      AccessControlTranslation,
      "accessControlTranslation",
    );
    checkString(options.account, "Destination account");
    checkInstance(options.encryptionConfig, EncryptionConfig, "encryptionConfig");
    checkInstance(options.metrics, Metrics, "metrics");
    checkInstance(options.replicationTime, ReplicationTime, "replicationTime");
    checkString(options.storageClass, "Destination storageClass");
    this.bucketArn = bucketArn;
    this.accessControlTranslation = options.accessControlTranslation;
    this.account = options.account;
    this.encryptionConfig = options.encryptionConfig;
    this.metrics = options.metrics;
    this.replicationTime = options.replicationTime;
    this.storageClass = options.storageClass;
  }

  /** The `<Destination>` element. */
  toXml(): string {
    return element(
      "Destination",
      textElement("Bucket", this.bucketArn) +
        (this.account === undefined ? "" : textElement("Account", this.account)) +
        (this.storageClass === undefined ? "" : textElement("StorageClass", this.storageClass)) +
        (this.accessControlTranslation?.toXml() ?? "") +
        (this.encryptionConfig?.toXml() ?? "") +
        (this.replicationTime?.toXml() ?? "") +
        (this.metrics?.toXml() ?? ""),
    );
  }

  /** Reads a `<Destination>` element. */
  static fromXml(xml: string | XmlElement): Destination {
    const el = typeof xml === "string" ? parseXml(xml, "Destination") : xml;
    const read = <T>(name: string, from: (e: XmlElement) => T) => childFrom(el, name, from);
    return new Destination(childText(el, "Bucket")?.trim() ?? "", {
      accessControlTranslation: read("AccessControlTranslation", AccessControlTranslation.fromXml),
      account: childText(el, "Account") || undefined,
      encryptionConfig: read("EncryptionConfiguration", EncryptionConfig.fromXml),
      metrics: read("Metrics", Metrics.fromXml),
      replicationTime: read("ReplicationTime", ReplicationTime.fromXml),
      // MinIO writes no <StorageClass> when none was set; an empty one means the same.
      storageClass: childText(el, "StorageClass") || undefined,
    });
  }
}

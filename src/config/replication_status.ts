/**
 * The on/off switches of a replication rule (minio-py's
 * `minio.replicationconfig` `DeleteMarkerReplication`,
 * `ExistingObjectReplication`, `SourceSelectionCriteria`,
 * `SseKmsEncryptedObjects`), with MinIO's `DeleteReplication` and S3's
 * `ReplicaModifications`, which minio-py lacks.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { child, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, textElement } from "../xml/write.ts";
import { checkInstance, checkStatus, type RuleStatus } from "./_checks.ts";
import { DISABLED } from "./common.ts";

function statusXml(name: string, status: RuleStatus): string {
  return element(name, textElement("Status", status));
}

function readStatus(xml: string | XmlElement, name: string): RuleStatus {
  const el = typeof xml === "string" ? parseXml(xml, name) : xml;
  return childText(el, "Status")?.trim() as RuleStatus;
}

/**
 * Whether delete markers are replicated (minio-py's
 * `DeleteMarkerReplication`); `Disabled` by default.
 *
 * @example
 * ```ts
 * import { DeleteMarkerReplication, ENABLED } from "@minio-edge/minio";
 * const markers = new DeleteMarkerReplication(ENABLED);
 * ```
 */
export class DeleteMarkerReplication {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the status. */
  constructor(status: RuleStatus = DISABLED) {
    checkStatus(status, "DeleteMarkerReplication status");
    this.status = status;
  }
  /** The `<DeleteMarkerReplication>` element. */
  toXml(): string {
    return statusXml("DeleteMarkerReplication", this.status);
  }
  /** Reads a `<DeleteMarkerReplication>` element. */
  static fromXml(xml: string | XmlElement): DeleteMarkerReplication {
    return new DeleteMarkerReplication(readStatus(xml, "DeleteMarkerReplication"));
  }
}

/**
 * Whether versioned deletes (a DELETE with a version ID) are replicated: a
 * MinIO extension; `Disabled` by default.
 *
 * @example
 * ```ts
 * import { DeleteReplication, ENABLED } from "@minio-edge/minio";
 * const deletes = new DeleteReplication(ENABLED);
 * ```
 */
export class DeleteReplication {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the status. */
  constructor(status: RuleStatus = DISABLED) {
    checkStatus(status, "DeleteReplication status");
    this.status = status;
  }
  /** The `<DeleteReplication>` element. */
  toXml(): string {
    return statusXml("DeleteReplication", this.status);
  }
  /** Reads a `<DeleteReplication>` element. */
  static fromXml(xml: string | XmlElement): DeleteReplication {
    return new DeleteReplication(readStatus(xml, "DeleteReplication"));
  }
}

/**
 * Whether objects that existed before the rule are replicated too
 * (minio-py's `ExistingObjectReplication`).
 *
 * @example
 * ```ts
 * import { ENABLED, ExistingObjectReplication } from "@minio-edge/minio";
 * const existing = new ExistingObjectReplication(ENABLED);
 * ```
 */
export class ExistingObjectReplication {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the status. */
  constructor(status: RuleStatus) {
    checkStatus(status, "ExistingObjectReplication status");
    this.status = status;
  }
  /** The `<ExistingObjectReplication>` element. */
  toXml(): string {
    return statusXml("ExistingObjectReplication", this.status);
  }
  /** Reads an `<ExistingObjectReplication>` element. */
  static fromXml(xml: string | XmlElement): ExistingObjectReplication {
    return new ExistingObjectReplication(readStatus(xml, "ExistingObjectReplication"));
  }
}

/**
 * Whether objects encrypted with SSE-KMS are replicated (minio-py's
 * `SseKmsEncryptedObjects`).
 *
 * @example
 * ```ts
 * import { ENABLED, SourceSelectionCriteria, SseKmsEncryptedObjects } from "@minio-edge/minio";
 * const criteria = new SourceSelectionCriteria({
 *   sseKmsEncryptedObjects: new SseKmsEncryptedObjects(ENABLED),
 * });
 * ```
 */
export class SseKmsEncryptedObjects {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the status. */
  constructor(status: RuleStatus) {
    checkStatus(status, "SseKmsEncryptedObjects status");
    this.status = status;
  }
  /** The `<SseKmsEncryptedObjects>` element. */
  toXml(): string {
    return statusXml("SseKmsEncryptedObjects", this.status);
  }
  /** Reads an `<SseKmsEncryptedObjects>` element. */
  static fromXml(xml: string | XmlElement): SseKmsEncryptedObjects {
    return new SseKmsEncryptedObjects(readStatus(xml, "SseKmsEncryptedObjects"));
  }
}

/**
 * Whether metadata changes made to replicas are replicated back (S3's
 * `ReplicaModifications`; MinIO turns it on when a rule leaves it out).
 *
 * @example
 * ```ts
 * import { DISABLED, ReplicaModifications, SourceSelectionCriteria } from "@minio-edge/minio";
 * const criteria = new SourceSelectionCriteria({
 *   replicaModifications: new ReplicaModifications(DISABLED),
 * });
 * ```
 */
export class ReplicaModifications {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Checks the status. */
  constructor(status: RuleStatus) {
    checkStatus(status, "ReplicaModifications status");
    this.status = status;
  }
  /** The `<ReplicaModifications>` element. */
  toXml(): string {
    return statusXml("ReplicaModifications", this.status);
  }
  /** Reads a `<ReplicaModifications>` element. */
  static fromXml(xml: string | XmlElement): ReplicaModifications {
    return new ReplicaModifications(readStatus(xml, "ReplicaModifications"));
  }
}

/**
 * Parts of a {@link SourceSelectionCriteria}.
 *
 * @example
 * ```ts
 * import {
 *   ENABLED, ReplicaModifications, SourceSelectionCriteria, type SourceSelectionCriteriaOptions,
 *   SseKmsEncryptedObjects,
 * } from "@minio-edge/minio";
 * const options: SourceSelectionCriteriaOptions = {
 *   sseKmsEncryptedObjects: new SseKmsEncryptedObjects(ENABLED),
 *   replicaModifications: new ReplicaModifications(ENABLED),
 * };
 * const criteria = new SourceSelectionCriteria(options);
 * ```
 */
export interface SourceSelectionCriteriaOptions {
  /** Replicate SSE-KMS encrypted objects. */
  sseKmsEncryptedObjects?: SseKmsEncryptedObjects;
  /** Replicate changes made to replicas. */
  replicaModifications?: ReplicaModifications;
}

/**
 * Which source objects a replication rule picks beyond its filter
 * (minio-py's `SourceSelectionCriteria`).
 *
 * @example
 * ```ts
 * import { ENABLED, SourceSelectionCriteria, SseKmsEncryptedObjects } from "@minio-edge/minio";
 * const criteria = new SourceSelectionCriteria({
 *   sseKmsEncryptedObjects: new SseKmsEncryptedObjects(ENABLED),
 * });
 * ```
 */
export class SourceSelectionCriteria {
  /** Replicate SSE-KMS encrypted objects. */
  readonly sseKmsEncryptedObjects?: SseKmsEncryptedObjects;
  /** Replicate changes made to replicas. */
  readonly replicaModifications?: ReplicaModifications;

  /** Checks each part's type. */
  constructor(options: SourceSelectionCriteriaOptions = {}) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("SourceSelectionCriteria options must be an object");
    }
    checkOptions(
      "SourceSelectionCriteria: options",
      options,
      "sseKmsEncryptedObjects:o replicaModifications:o",
    );
    checkInstance(options.sseKmsEncryptedObjects, SseKmsEncryptedObjects, "sseKmsEncryptedObjects");
    checkInstance(options.replicaModifications, ReplicaModifications, "replicaModifications");
    this.sseKmsEncryptedObjects = options.sseKmsEncryptedObjects;
    this.replicaModifications = options.replicaModifications;
  }

  /** The `<SourceSelectionCriteria>` element. */
  toXml(): string {
    return element(
      "SourceSelectionCriteria",
      (this.sseKmsEncryptedObjects?.toXml() ?? "") + (this.replicaModifications?.toXml() ?? ""),
    );
  }

  /** Reads a `<SourceSelectionCriteria>` element. */
  static fromXml(xml: string | XmlElement): SourceSelectionCriteria {
    const el = typeof xml === "string" ? parseXml(xml, "SourceSelectionCriteria") : xml;
    const sse = child(el, "SseKmsEncryptedObjects");
    const replica = child(el, "ReplicaModifications");
    return new SourceSelectionCriteria({
      sseKmsEncryptedObjects: sse && SseKmsEncryptedObjects.fromXml(sse),
      replicaModifications: replica && ReplicaModifications.fromXml(replica),
    });
  }
}

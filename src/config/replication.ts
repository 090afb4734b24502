/**
 * Bucket replication configuration (minio-py's `minio.replicationconfig`
 * `ReplicationConfig` and `Rule`; the rule is `ReplicationRule` here so it
 * does not clash with the lifecycle rule).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import {
  checkInstance,
  checkRuleId,
  checkStatus,
  childFrom,
  childInt,
  type RuleStatus,
} from "./_checks.ts";
import { Filter } from "./filter.ts";
import { Destination } from "./replication_destination.ts";
import {
  DeleteMarkerReplication,
  DeleteReplication,
  ExistingObjectReplication,
  SourceSelectionCriteria,
} from "./replication_status.ts";

/**
 * Optional parts of a {@link ReplicationRule}.
 *
 * @example
 * ```ts
 * import {
 *   DeleteMarkerReplication, Destination, ENABLED, ExistingObjectReplication, Filter,
 *   ReplicationRule, type ReplicationRuleOptions,
 * } from "@minio-edge/minio";
 * const options: ReplicationRuleOptions = {
 *   ruleId: "reports",
 *   priority: 2,
 *   ruleFilter: new Filter({ prefix: "reports/" }),
 *   deleteMarkerReplication: new DeleteMarkerReplication(ENABLED),
 *   existingObjectReplication: new ExistingObjectReplication(ENABLED),
 * };
 * const destination = new Destination("arn:minio:replication::id:backup");
 * const rule = new ReplicationRule(ENABLED, destination, options);
 * ```
 */
export interface ReplicationRuleOptions {
  /** Rule ID, up to 255 characters. */
  ruleId?: string;
  /** Which objects the rule replicates (default: all). */
  ruleFilter?: Filter;
  /** Order among rules that match the same object; higher wins. */
  priority?: number;
  /** Whether delete markers are replicated; MinIO requires it. */
  deleteMarkerReplication?: DeleteMarkerReplication;
  /** Whether objects older than the rule are replicated. */
  existingObjectReplication?: ExistingObjectReplication;
  /** Which encrypted or replica objects are picked. */
  sourceSelectionCriteria?: SourceSelectionCriteria;
  /** Whether versioned deletes are replicated (MinIO extension). */
  deleteReplication?: DeleteReplication;
}

/**
 * One replication rule (minio-py's `minio.replicationconfig.Rule`).
 *
 * @example
 * ```ts
 * import {
 *   DeleteMarkerReplication, Destination, DISABLED, ENABLED, Filter, ReplicationRule,
 * } from "@minio-edge/minio";
 * const rule = new ReplicationRule(ENABLED, new Destination("arn:minio:replication::id:backup"), {
 *   ruleId: "docs",
 *   priority: 1,
 *   ruleFilter: new Filter({ prefix: "docs/" }),
 *   deleteMarkerReplication: new DeleteMarkerReplication(DISABLED),
 * });
 * ```
 */
export class ReplicationRule {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Where replicas go. */
  readonly destination: Destination;
  /** Rule ID. */
  readonly ruleId?: string;
  /** Which objects the rule replicates. */
  readonly ruleFilter?: Filter;
  /** Order among rules; higher wins. */
  readonly priority?: number;
  /** Whether delete markers are replicated. */
  readonly deleteMarkerReplication?: DeleteMarkerReplication;
  /** Whether existing objects are replicated. */
  readonly existingObjectReplication?: ExistingObjectReplication;
  /** Which encrypted or replica objects are picked. */
  readonly sourceSelectionCriteria?: SourceSelectionCriteria;
  /** Whether versioned deletes are replicated. */
  readonly deleteReplication?: DeleteReplication;

  /** Checks the status, the destination, the ID, the priority and each part's type. */
  constructor(status: RuleStatus, destination: Destination, options: ReplicationRuleOptions = {}) {
    checkOptions(
      "ReplicationRule: options",
      options,
      "ruleId:s ruleFilter:o priority:n deleteMarkerReplication:o existingObjectReplication:o sourceSelectionCriteria:o deleteReplication:o",
    );
    checkStatus(status, "replication rule status");
    if (!(destination instanceof Destination)) {
      throw new InvalidArgumentError("a replication rule needs a Destination");
    }
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("replication rule options must be an object");
    }
    checkInstance(options.ruleFilter, Filter, "ruleFilter");
    checkOptionalInteger(options.priority, "priority", 0);
    checkInstance(
      options.deleteMarkerReplication,
      DeleteMarkerReplication,
      "deleteMarkerReplication",
    );
    checkInstance(
      options.existingObjectReplication,
      ExistingObjectReplication,
      "existingObjectReplication",
    );
    checkInstance(
      options.sourceSelectionCriteria,
      SourceSelectionCriteria,
      "sourceSelectionCriteria",
    );
    checkInstance(options.deleteReplication, DeleteReplication, "deleteReplication");
    this.status = status;
    this.destination = destination;
    this.ruleId = checkRuleId(options.ruleId);
    this.ruleFilter = options.ruleFilter;
    this.priority = options.priority;
    this.deleteMarkerReplication = options.deleteMarkerReplication;
    this.existingObjectReplication = options.existingObjectReplication;
    this.sourceSelectionCriteria = options.sourceSelectionCriteria;
    this.deleteReplication = options.deleteReplication;
  }

  /** The `<Rule>` element. */
  toXml(): string {
    return element(
      "Rule",
      (this.ruleId === undefined ? "" : textElement("ID", this.ruleId)) +
        (this.priority === undefined ? "" : textElement("Priority", this.priority)) +
        (this.ruleFilter?.toXml() ?? "") +
        textElement("Status", this.status) +
        (this.sourceSelectionCriteria?.toXml() ?? "") +
        (this.existingObjectReplication?.toXml() ?? "") +
        this.destination.toXml() +
        (this.deleteMarkerReplication?.toXml() ?? "") +
        (this.deleteReplication?.toXml() ?? ""),
    );
  }

  /** Reads a `<Rule>` element of a replication configuration. */
  static fromXml(xml: string | XmlElement): ReplicationRule {
    const el = typeof xml === "string" ? parseXml(xml, "Rule") : xml;
    const read = <T>(name: string, from: (e: XmlElement) => T) => childFrom(el, name, from);
    const destination = child(el, "Destination");
    if (!destination) throw new InvalidArgumentError("a replication rule needs a <Destination>");
    return new ReplicationRule(
      childText(el, "Status")?.trim() as RuleStatus,
      Destination.fromXml(destination),
      {
        ruleId: childText(el, "ID"),
        ruleFilter: read("Filter", Filter.fromXml),
        priority: childInt(el, "Priority"),
        deleteMarkerReplication: read("DeleteMarkerReplication", DeleteMarkerReplication.fromXml),
        existingObjectReplication: read(
          "ExistingObjectReplication",
          ExistingObjectReplication.fromXml,
        ),
        sourceSelectionCriteria: read("SourceSelectionCriteria", SourceSelectionCriteria.fromXml),
        deleteReplication: read("DeleteReplication", DeleteReplication.fromXml),
      },
    );
  }
}

/**
 * A bucket's replication configuration: an IAM role (empty on MinIO, whose
 * rules name their remote target in the destination ARN) and 1 to 1000
 * rules with distinct IDs and priorities (minio-py's `ReplicationConfig`).
 *
 * @example
 * ```ts
 * import {
 *   DeleteMarkerReplication, Destination, ENABLED, ReplicationConfig, ReplicationRule,
 * } from "@minio-edge/minio";
 * const config = new ReplicationConfig("", [
 *   new ReplicationRule(ENABLED, new Destination("arn:minio:replication::id:backup"), {
 *     priority: 1,
 *     deleteMarkerReplication: new DeleteMarkerReplication(),
 *   }),
 * ]);
 * console.log(config.toXml());
 * ```
 */
export class ReplicationConfig {
  /** IAM role ARN S3 replicates as; empty for MinIO's remote targets. */
  readonly role: string;
  /** The rules. */
  readonly rules: readonly ReplicationRule[];

  /** Checks the role, the number of rules, their type and their distinct IDs and priorities. */
  constructor(role: string, rules: ReplicationRule[]) {
    if (typeof role !== "string") throw new InvalidArgumentError("role must be a string");
    if (!Array.isArray(rules) || rules.length === 0 || rules.length > 1000) {
      throw new InvalidArgumentError("a replication configuration needs 1 to 1000 rules");
    }
    const ids = new Set<string>();
    const priorities = new Set<number>();
    for (const r of rules) {
      if (!(r instanceof ReplicationRule)) {
        throw new InvalidArgumentError("each replication rule must be a ReplicationRule");
      }
      if (r.ruleId !== undefined) {
        if (ids.has(r.ruleId)) {
          throw new InvalidArgumentError(
            `replication rule ID ${JSON.stringify(r.ruleId)} is used twice`,
          );
        }
        ids.add(r.ruleId);
      }
      if (r.priority !== undefined) {
        if (priorities.has(r.priority)) {
          throw new InvalidArgumentError(`replication rule priority ${r.priority} is used twice`);
        }
        priorities.add(r.priority);
      }
    }
    this.role = role;
    this.rules = [...rules];
  }

  /** The `<ReplicationConfiguration>` document. */
  toXml(): string {
    return element(
      "ReplicationConfiguration",
      (this.role ? textElement("Role", this.role) : "") + this.rules.map((r) => r.toXml()).join(""),
      S3_NAMESPACE,
    );
  }

  /** Reads a `<ReplicationConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): ReplicationConfig {
    const root = typeof xml === "string" ? parseXml(xml, "ReplicationConfiguration") : xml;
    return new ReplicationConfig(
      childText(root, "Role")?.trim() ?? "",
      childrenNamed(root, "Rule").map((r) => ReplicationRule.fromXml(r)),
    );
  }
}

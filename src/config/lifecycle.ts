/**
 * Bucket lifecycle configuration (minio-py's `minio.lifecycleconfig`
 * `LifecycleConfig` and `Rule`; the rule is `LifecycleRule` here so it does
 * not clash with the replication rule).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import { checkInstance, checkRuleId, checkStatus, childFrom, type RuleStatus } from "./_checks.ts";
import { Filter } from "./filter.ts";
import {
  AbortIncompleteMultipartUpload,
  Expiration,
  NoncurrentVersionExpiration,
  NoncurrentVersionTransition,
  Transition,
} from "./lifecycle_actions.ts";

/**
 * The filter, ID and actions of a {@link LifecycleRule}; at least one action.
 *
 * @example
 * ```ts
 * import {
 *   AbortIncompleteMultipartUpload, ENABLED, Filter, LifecycleRule, type LifecycleRuleOptions,
 *   NoncurrentVersionExpiration,
 * } from "@minio-edge/minio";
 * const options: LifecycleRuleOptions = {
 *   ruleId: "tidy-uploads",
 *   ruleFilter: new Filter({ prefix: "uploads/" }),
 *   abortIncompleteMultipartUpload: new AbortIncompleteMultipartUpload(7),
 *   noncurrentVersionExpiration: new NoncurrentVersionExpiration({ noncurrentDays: 30 }),
 * };
 * const rule = new LifecycleRule(ENABLED, options);
 * ```
 */
export interface LifecycleRuleOptions {
  /** Which objects the rule applies to (default: all). */
  ruleFilter?: Filter;
  /** Rule ID, up to 255 characters; MinIO makes up one when missing. */
  ruleId?: string;
  /** Abort multipart uploads left unfinished. */
  abortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
  /** Expire current versions. */
  expiration?: Expiration;
  /** Expire noncurrent versions. */
  noncurrentVersionExpiration?: NoncurrentVersionExpiration;
  /** Move noncurrent versions to another storage class. */
  noncurrentVersionTransition?: NoncurrentVersionTransition;
  /** Move current versions to another storage class. */
  transition?: Transition;
}

const ACTIONS = [
  "abortIncompleteMultipartUpload",
  "expiration",
  "noncurrentVersionExpiration",
  "noncurrentVersionTransition",
  "transition",
] as const;

/**
 * One lifecycle rule: a status, an optional filter and ID, and at least one
 * action (minio-py's `minio.lifecycleconfig.Rule`).
 *
 * @example
 * ```ts
 * import { ENABLED, Expiration, Filter, LifecycleRule } from "@minio-edge/minio";
 * const rule = new LifecycleRule(ENABLED, {
 *   ruleId: "expire-logs",
 *   ruleFilter: new Filter({ prefix: "logs/" }),
 *   expiration: new Expiration({ days: 30 }),
 * });
 * ```
 */
export class LifecycleRule {
  /** `Enabled` or `Disabled`. */
  readonly status: RuleStatus;
  /** Which objects the rule applies to. */
  readonly ruleFilter?: Filter;
  /** Rule ID. */
  readonly ruleId?: string;
  /** Abort multipart uploads left unfinished. */
  readonly abortIncompleteMultipartUpload?: AbortIncompleteMultipartUpload;
  /** Expire current versions. */
  readonly expiration?: Expiration;
  /** Expire noncurrent versions. */
  readonly noncurrentVersionExpiration?: NoncurrentVersionExpiration;
  /** Move noncurrent versions. */
  readonly noncurrentVersionTransition?: NoncurrentVersionTransition;
  /** Move current versions. */
  readonly transition?: Transition;

  /** Checks the status, the ID, each part's type and that an action is given. */
  constructor(status: RuleStatus, options: LifecycleRuleOptions) {
    checkStatus(status, "lifecycle rule status");
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("lifecycle rule options must be an object");
    }
    checkOptions(
      "LifecycleRule: options",
      options,
      "ruleFilter:o ruleId:s abortIncompleteMultipartUpload:o expiration:o noncurrentVersionExpiration:o noncurrentVersionTransition:o transition:o",
    );
    checkInstance(options.ruleFilter, Filter, "ruleFilter");
    checkInstance(
      options.abortIncompleteMultipartUpload,
      AbortIncompleteMultipartUpload,
      "abortIncompleteMultipartUpload",
    );
    checkInstance(options.expiration, Expiration, "expiration");
    checkInstance(
      options.noncurrentVersionExpiration,
      NoncurrentVersionExpiration,
      "noncurrentVersionExpiration",
    );
    checkInstance(
      options.noncurrentVersionTransition,
      NoncurrentVersionTransition,
      "noncurrentVersionTransition",
    );
    checkInstance(options.transition, Transition, "transition");
    if (ACTIONS.every((a) => options[a] === undefined)) {
      throw new InvalidArgumentError(
        `a lifecycle rule needs at least one action: ${ACTIONS.join(", ")}`,
      );
    }
    this.status = status;
    this.ruleFilter = options.ruleFilter;
    this.ruleId = checkRuleId(options.ruleId);
    this.abortIncompleteMultipartUpload = options.abortIncompleteMultipartUpload;
    this.expiration = options.expiration;
    this.noncurrentVersionExpiration = options.noncurrentVersionExpiration;
    this.noncurrentVersionTransition = options.noncurrentVersionTransition;
    this.transition = options.transition;
  }

  /** The `<Rule>` element. */
  toXml(): string {
    let inner = this.ruleId === undefined ? "" : textElement("ID", this.ruleId);
    inner += textElement("Status", this.status);
    inner += this.ruleFilter?.toXml() ?? "";
    for (const a of ACTIONS) inner += this[a]?.toXml() ?? "";
    return element("Rule", inner);
  }

  /** Reads a `<Rule>` element of a lifecycle configuration. */
  static fromXml(xml: string | XmlElement): LifecycleRule {
    const el = typeof xml === "string" ? parseXml(xml, "Rule") : xml;
    const filter = child(el, "Filter");
    // A rule made with the older PutBucketLifecycle API has a <Prefix>
    // instead of a <Filter>; it means the same as a prefix filter.
    const legacyPrefix = childText(el, "Prefix");
    const read = <T>(name: string, from: (e: XmlElement) => T) => childFrom(el, name, from);
    return new LifecycleRule(childText(el, "Status")?.trim() as RuleStatus, {
      ruleFilter: filter
        ? Filter.fromXml(filter)
        : legacyPrefix === undefined
        ? undefined
        : new Filter({ prefix: legacyPrefix }),
      ruleId: childText(el, "ID"),
      abortIncompleteMultipartUpload: read(
        "AbortIncompleteMultipartUpload",
        AbortIncompleteMultipartUpload.fromXml,
      ),
      expiration: read("Expiration", Expiration.fromXml),
      noncurrentVersionExpiration: read(
        "NoncurrentVersionExpiration",
        NoncurrentVersionExpiration.fromXml,
      ),
      noncurrentVersionTransition: read(
        "NoncurrentVersionTransition",
        NoncurrentVersionTransition.fromXml,
      ),
      transition: read("Transition", Transition.fromXml),
    });
  }
}

/**
 * A bucket's lifecycle configuration: 1 to 1000 rules with distinct IDs
 * (minio-py's `LifecycleConfig`).
 *
 * @example
 * ```ts
 * import {
 *   AbortIncompleteMultipartUpload, ENABLED, Expiration, Filter, LifecycleConfig, LifecycleRule,
 * } from "@minio-edge/minio";
 * const config = new LifecycleConfig([
 *   new LifecycleRule(ENABLED, {
 *     ruleId: "tmp",
 *     ruleFilter: new Filter({ prefix: "tmp/" }),
 *     expiration: new Expiration({ days: 1 }),
 *   }),
 * ]);
 * console.log(config.toXml());
 * ```
 */
export class LifecycleConfig {
  /** The rules. */
  readonly rules: readonly LifecycleRule[];

  /** Checks the number of rules, their type and that IDs are distinct. */
  constructor(rules: LifecycleRule[]) {
    if (!Array.isArray(rules) || rules.length === 0 || rules.length > 1000) {
      throw new InvalidArgumentError("a lifecycle configuration needs 1 to 1000 rules");
    }
    const ids = new Set<string>();
    for (const r of rules) {
      if (!(r instanceof LifecycleRule)) {
        throw new InvalidArgumentError("each lifecycle rule must be a LifecycleRule");
      }
      if (r.ruleId !== undefined) {
        if (ids.has(r.ruleId)) {
          throw new InvalidArgumentError(
            `lifecycle rule ID ${JSON.stringify(r.ruleId)} is used twice`,
          );
        }
        ids.add(r.ruleId);
      }
    }
    this.rules = [...rules];
  }

  /** The `<LifecycleConfiguration>` document. */
  toXml(): string {
    return element(
      "LifecycleConfiguration",
      this.rules.map((r) => r.toXml()).join(""),
      S3_NAMESPACE,
    );
  }

  /** Reads a `<LifecycleConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): LifecycleConfig {
    const root = typeof xml === "string" ? parseXml(xml, "LifecycleConfiguration") : xml;
    return new LifecycleConfig(childrenNamed(root, "Rule").map((r) => LifecycleRule.fromXml(r)));
  }
}

/**
 * A bucket's object-lock configuration (minio-py's `minio.objectlockconfig`):
 * the default retention every new object version gets.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { child, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import { COMPLIANCE, ENABLED, GOVERNANCE, type RetentionMode } from "./common.ts";

/**
 * Unit of a default retention: days.
 *
 * @example
 * ```ts
 * import { DAYS, GOVERNANCE, ObjectLockConfig } from "@minio-edge/minio";
 * const config = new ObjectLockConfig(GOVERNANCE, 30, DAYS);
 * ```
 */
export const DAYS = "Days";
/**
 * Unit of a default retention: years.
 *
 * @example
 * ```ts
 * import { COMPLIANCE, ObjectLockConfig, YEARS } from "@minio-edge/minio";
 * const config = new ObjectLockConfig(COMPLIANCE, 7, YEARS);
 * ```
 */
export const YEARS = "Years";

/**
 * A unit of a default retention.
 *
 * @example
 * ```ts
 * import {
 *   DAYS, GOVERNANCE, ObjectLockConfig, type RetentionDurationUnit,
 * } from "@minio-edge/minio";
 * const unit: RetentionDurationUnit = DAYS;
 * const config = new ObjectLockConfig(GOVERNANCE, 90, unit);
 * ```
 */
export type RetentionDurationUnit = typeof DAYS | typeof YEARS;

/**
 * The object-lock configuration of a bucket (made with `objectLock: true`):
 * a default retention `mode` for `duration` days or years, or none at all.
 *
 * @example
 * ```ts
 * import { DAYS, GOVERNANCE, ObjectLockConfig } from "@minio-edge/minio";
 * const config = new ObjectLockConfig(GOVERNANCE, 15, DAYS);
 * console.log(config.toXml());
 * const none = new ObjectLockConfig(); // no default retention
 * ```
 */
export class ObjectLockConfig {
  /** Default retention mode, if any. */
  readonly mode?: RetentionMode;
  /** Default retention length, in `durationUnit`s. */
  readonly duration?: number;
  /** `Days` or `Years`. */
  readonly durationUnit?: RetentionDurationUnit;

  /**
   * Mode, duration and unit together, or none of them. The unit's case does
   * not matter. Throws {@link InvalidArgumentError}.
   */
  constructor(mode?: RetentionMode, duration?: number, durationUnit?: RetentionDurationUnit) {
    if ((mode === undefined) !== (duration === undefined)) {
      throw new InvalidArgumentError(
        mode === undefined
          ? "mode must be given with a duration"
          : "duration must be given with a mode",
      );
    }
    if (mode !== undefined && mode !== GOVERNANCE && mode !== COMPLIANCE) {
      throw new InvalidArgumentError(`mode must be ${GOVERNANCE} or ${COMPLIANCE}`);
    }
    checkOptionalInteger(duration, "duration", 1);
    const unit = typeof durationUnit === "string"
      ? durationUnit.charAt(0).toUpperCase() + durationUnit.slice(1).toLowerCase()
      : durationUnit;
    if (duration !== undefined ? unit !== DAYS && unit !== YEARS : unit !== undefined) {
      throw new InvalidArgumentError(
        duration !== undefined
          ? `duration unit must be ${DAYS} or ${YEARS}`
          : "a duration unit needs a mode and a duration",
      );
    }
    this.mode = mode;
    this.duration = duration;
    this.durationUnit = unit as RetentionDurationUnit | undefined;
  }

  /** The `<ObjectLockConfiguration>` document. */
  toXml(): string {
    let inner = textElement("ObjectLockEnabled", ENABLED);
    if (this.mode) {
      inner += element(
        "Rule",
        element(
          "DefaultRetention",
          textElement("Mode", this.mode) + textElement(this.durationUnit!, this.duration!),
        ),
      );
    }
    return element("ObjectLockConfiguration", inner, S3_NAMESPACE);
  }

  /** Reads an `<ObjectLockConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): ObjectLockConfig {
    const root = typeof xml === "string" ? parseXml(xml, "ObjectLockConfiguration") : xml;
    const retention = child(child(root, "Rule") ?? root, "DefaultRetention");
    if (!retention) return new ObjectLockConfig();
    const days = childText(retention, DAYS)?.trim();
    const years = childText(retention, YEARS)?.trim();
    return new ObjectLockConfig(
      childText(retention, "Mode")?.trim() as RetentionMode,
      Number(days || years),
      days ? DAYS : YEARS,
    );
  }
}

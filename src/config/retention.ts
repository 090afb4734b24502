/**
 * Object retention (minio-py's `minio.retention.Retention`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import { COMPLIANCE, GOVERNANCE, type RetentionMode } from "./common.ts";

/**
 * How long, and how strictly, an object version is protected from deletion.
 *
 * @example
 * ```ts
 * import { GOVERNANCE, Retention } from "@minio-edge/minio";
 * const until = new Date(Date.now() + 24 * 3600 * 1000);
 * const retention = new Retention(GOVERNANCE, until);
 * console.log(retention.toXml());
 * ```
 */
export class Retention {
  /** `GOVERNANCE` or `COMPLIANCE`. */
  readonly mode: RetentionMode;
  /** Protected until this time. */
  readonly retainUntilDate: Date;

  /** Checks the mode and the date. */
  constructor(mode: RetentionMode, retainUntilDate: Date) {
    if (mode !== GOVERNANCE && mode !== COMPLIANCE) {
      throw new InvalidArgumentError(`retention mode must be ${GOVERNANCE} or ${COMPLIANCE}`);
    }
    if (!(retainUntilDate instanceof Date) || Number.isNaN(retainUntilDate.getTime())) {
      throw new InvalidArgumentError("retainUntilDate must be a valid Date");
    }
    this.mode = mode;
    this.retainUntilDate = retainUntilDate;
  }

  /** The `<Retention>` document. */
  toXml(): string {
    return element(
      "Retention",
      textElement("Mode", this.mode) +
        textElement("RetainUntilDate", this.retainUntilDate.toISOString()),
      S3_NAMESPACE,
    );
  }

  /** Reads a `<Retention>` document (or its element). */
  static fromXml(xml: string | XmlElement): Retention {
    const root = typeof xml === "string" ? parseXml(xml, "Retention") : xml;
    return new Retention(
      childText(root, "Mode") as RetentionMode,
      new Date(childText(root, "RetainUntilDate") ?? ""),
    );
  }
}

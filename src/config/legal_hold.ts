/**
 * An object version's legal hold (minio-py's `minio.legalhold`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";

/**
 * Whether an object version is under legal hold: while it is, nobody can
 * delete the version, whatever its retention says.
 *
 * @example
 * ```ts
 * import { LegalHold } from "@minio-edge/minio";
 * console.log(new LegalHold(true).toXml()); // <LegalHold ...><Status>ON</Status></LegalHold>
 * ```
 */
export class LegalHold {
  /** `true` when the hold is on. */
  readonly status: boolean;

  /** A hold that is on (`true`) or off (the default). */
  constructor(status = false) {
    if (typeof status !== "boolean") {
      throw new InvalidArgumentError("legal hold status must be a boolean");
    }
    this.status = status;
  }

  /** The `<LegalHold>` document. */
  toXml(): string {
    return element("LegalHold", textElement("Status", this.status ? "ON" : "OFF"), S3_NAMESPACE);
  }

  /** Reads a `<LegalHold>` document (or its element); only `ON` is on. */
  static fromXml(xml: string | XmlElement): LegalHold {
    const root = typeof xml === "string" ? parseXml(xml, "LegalHold") : xml;
    return new LegalHold(childText(root, "Status")?.trim() === "ON");
  }
}

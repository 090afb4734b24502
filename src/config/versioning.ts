/**
 * Bucket versioning (minio-py's `minio.versioningconfig`), with MinIO's
 * extensions that leave some prefixes unversioned.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../xml/write.ts";
import { DISABLED, ENABLED } from "./common.ts";

/**
 * Versioning status of a bucket that was never versioned (no `<Status>`).
 *
 * @example
 * ```ts
 * import { OFF, VersioningConfig } from "@minio-edge/minio";
 * // What getBucketVersioning returns for a bucket that was never versioned:
 * const config = new VersioningConfig();
 * console.log(config.statusString === OFF); // true
 * ```
 */
export const OFF = "Off";
/**
 * Versioning status: new writes replace the `null` version.
 *
 * @example
 * ```ts
 * import { SUSPENDED, VersioningConfig } from "@minio-edge/minio";
 * const config = new VersioningConfig(SUSPENDED);
 * ```
 */
export const SUSPENDED = "Suspended";

/**
 * A status a bucket's versioning can be set to.
 *
 * @example
 * ```ts
 * import { SUSPENDED, VersioningConfig, type VersioningStatus } from "@minio-edge/minio";
 * const status: VersioningStatus = SUSPENDED;
 * const config = new VersioningConfig(status);
 * ```
 */
export type VersioningStatus = typeof ENABLED | typeof SUSPENDED;

/**
 * Options of a {@link VersioningConfig}.
 *
 * @example
 * ```ts
 * import { ENABLED, VersioningConfig, type VersioningConfigOptions } from "@minio-edge/minio";
 * const options: VersioningConfigOptions = {
 *   excludedPrefixes: ["tmp/", "_staging/"],
 *   excludeFolders: true,
 * };
 * const config = new VersioningConfig(ENABLED, options);
 * ```
 */
export interface VersioningConfigOptions {
  /** MFA delete: `Enabled` or `Disabled` (MinIO ignores it). */
  mfaDelete?: typeof ENABLED | typeof DISABLED;
  /**
   * MinIO extension: prefixes whose objects stay unversioned, at most 10,
   * only with `Enabled`. MinIO matches them as `prefix*`.
   */
  excludedPrefixes?: readonly string[];
  /** MinIO extension: leave "folder" objects (names ending in `/`) unversioned. */
  excludeFolders?: boolean;
}

// MinIO refuses more (internal/bucket/versioning: maxExcludedPrefixes).
const MAX_EXCLUDED_PREFIXES = 10;

/**
 * The versioning configuration of a bucket. `status` is undefined for a
 * bucket that was never versioned; {@link statusString} then reads `Off`.
 *
 * @example
 * ```ts
 * import { ENABLED, VersioningConfig } from "@minio-edge/minio";
 * const config = new VersioningConfig(ENABLED, {
 *   excludedPrefixes: ["tmp/", "cache/"],
 *   excludeFolders: true,
 * });
 * console.log(config.toXml());
 * ```
 */
export class VersioningConfig {
  /** `Enabled`, `Suspended`, or undefined when never set. */
  readonly status?: VersioningStatus;
  /** `Enabled` or `Disabled`, when given. */
  readonly mfaDelete?: typeof ENABLED | typeof DISABLED;
  /** Prefixes left unversioned (MinIO). */
  readonly excludedPrefixes: readonly string[];
  /** Whether folder objects are left unversioned (MinIO). */
  readonly excludeFolders: boolean;

  /** Checks the status and options; throws {@link InvalidArgumentError}. */
  constructor(status?: VersioningStatus, options: VersioningConfigOptions = {}) {
    checkOptions(
      "VersioningConfig: options",
      options,
      "mfaDelete:s excludedPrefixes:o excludeFolders:b",
    );
    if (status !== undefined && status !== ENABLED && status !== SUSPENDED) {
      throw new InvalidArgumentError(`versioning status must be ${ENABLED} or ${SUSPENDED}`);
    }
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("versioning options must be an object");
    }
    const { mfaDelete, excludedPrefixes = [], excludeFolders = false } = options;
    if (mfaDelete !== undefined && mfaDelete !== ENABLED && mfaDelete !== DISABLED) {
      throw new InvalidArgumentError(`mfaDelete must be ${ENABLED} or ${DISABLED}`);
    }
    if (
      !Array.isArray(excludedPrefixes) ||
      excludedPrefixes.some((p) => typeof p !== "string" || p === "")
    ) {
      throw new InvalidArgumentError("excludedPrefixes must be an array of non-empty strings");
    }
    if (excludedPrefixes.length > MAX_EXCLUDED_PREFIXES) {
      throw new InvalidArgumentError(
        `at most ${MAX_EXCLUDED_PREFIXES} excludedPrefixes are allowed`,
      );
    }
    if (typeof excludeFolders !== "boolean") {
      throw new InvalidArgumentError("excludeFolders must be a boolean");
    }
    // MinIO refuses exclusions on a bucket whose versioning is not enabled.
    if ((excludedPrefixes.length || excludeFolders) && status !== ENABLED) {
      throw new InvalidArgumentError(
        `excludedPrefixes and excludeFolders need status ${ENABLED}`,
      );
    }
    this.status = status;
    this.mfaDelete = mfaDelete;
    this.excludedPrefixes = Object.freeze([...excludedPrefixes]);
    this.excludeFolders = excludeFolders;
  }

  /** The status, or `Off` for a bucket that was never versioned. */
  get statusString(): VersioningStatus | typeof OFF {
    return this.status ?? OFF;
  }

  /** The `<VersioningConfiguration>` document. */
  toXml(): string {
    let inner = "";
    if (this.status) inner += textElement("Status", this.status);
    if (this.mfaDelete) inner += textElement("MFADelete", this.mfaDelete);
    // MinIO reads one <ExcludedPrefixes> element per prefix.
    for (const p of this.excludedPrefixes) {
      inner += element("ExcludedPrefixes", textElement("Prefix", p));
    }
    if (this.excludeFolders) inner += textElement("ExcludeFolders", "true");
    return element("VersioningConfiguration", inner, S3_NAMESPACE);
  }

  /** Reads a `<VersioningConfiguration>` document (or its element). */
  static fromXml(xml: string | XmlElement): VersioningConfig {
    const root = typeof xml === "string" ? parseXml(xml, "VersioningConfiguration") : xml;
    const excludedPrefixes = childrenNamed(root, "ExcludedPrefixes")
      .flatMap((e) => childrenNamed(e, "Prefix"))
      .map((p) => p.text);
    return new VersioningConfig(
      (childText(root, "Status") || undefined) as VersioningStatus | undefined,
      {
        mfaDelete: (childText(root, "MFADelete") || undefined) as typeof ENABLED | undefined,
        excludedPrefixes,
        excludeFolders: child(root, "ExcludeFolders")?.text.trim() === "true",
      },
    );
  }
}

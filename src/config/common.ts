/**
 * Constants shared by the configuration classes, as minio-py's
 * `minio.commonconfig` names them.
 *
 * @module
 */

/**
 * Status value: enabled.
 *
 * @example
 * ```ts
 * import { ENABLED, VersioningConfig } from "@minio-edge/minio";
 * const versioning = new VersioningConfig(ENABLED);
 * ```
 */
export const ENABLED = "Enabled";
/**
 * Status value: disabled.
 *
 * @example
 * ```ts
 * import { DeleteMarkerReplication, DISABLED } from "@minio-edge/minio";
 * const markers = new DeleteMarkerReplication(DISABLED);
 * ```
 */
export const DISABLED = "Disabled";
/**
 * Object-lock mode that users with a special permission may bypass.
 *
 * @example
 * ```ts
 * import { GOVERNANCE, Retention } from "@minio-edge/minio";
 * const until = new Date(Date.now() + 7 * 24 * 3600 * 1000);
 * const retention = new Retention(GOVERNANCE, until);
 * ```
 */
export const GOVERNANCE = "GOVERNANCE";
/**
 * Object-lock mode that nobody may bypass.
 *
 * @example
 * ```ts
 * import { COMPLIANCE, Retention } from "@minio-edge/minio";
 * const retention = new Retention(COMPLIANCE, new Date("2031-01-01T00:00:00Z"));
 * ```
 */
export const COMPLIANCE = "COMPLIANCE";
/**
 * Metadata / tagging directive: copy from the source.
 *
 * @example
 * ```ts
 * import { COPY, type CopyObjectOptions } from "@minio-edge/minio";
 * // Keep the source's metadata and tags on the copy.
 * const options: CopyObjectOptions = { metadataDirective: COPY, taggingDirective: COPY };
 * ```
 */
export const COPY = "COPY";
/**
 * Metadata / tagging directive: replace with the request's.
 *
 * @example
 * ```ts
 * import { type CopyObjectOptions, REPLACE } from "@minio-edge/minio";
 * const options: CopyObjectOptions = {
 *   metadata: { reviewed: "yes" },
 *   metadataDirective: REPLACE,
 * };
 * ```
 */
export const REPLACE = "REPLACE";

/**
 * An object-lock retention mode.
 *
 * @example
 * ```ts
 * import { GOVERNANCE, Retention, type RetentionMode } from "@minio-edge/minio";
 * const mode: RetentionMode = GOVERNANCE;
 * const retention = new Retention(mode, new Date("2030-01-01T00:00:00Z"));
 * ```
 */
export type RetentionMode = typeof GOVERNANCE | typeof COMPLIANCE;
/**
 * A copy directive.
 *
 * @example
 * ```ts
 * import { type CopyObjectOptions, type Directive, REPLACE } from "@minio-edge/minio";
 * const taggingDirective: Directive = REPLACE;
 * const options: CopyObjectOptions = { tags: { stage: "archived" }, taggingDirective };
 * ```
 */
export type Directive = typeof COPY | typeof REPLACE;

/**
 * Constants shared by the configuration classes, as minio-py's
 * `minio.commonconfig` names them.
 *
 * @module
 */

/** Status value: enabled. */
export const ENABLED = "Enabled";
/** Status value: disabled. */
export const DISABLED = "Disabled";
/** Object-lock mode that users with a special permission may bypass. */
export const GOVERNANCE = "GOVERNANCE";
/** Object-lock mode that nobody may bypass. */
export const COMPLIANCE = "COMPLIANCE";
/** Metadata / tagging directive: copy from the source. */
export const COPY = "COPY";
/** Metadata / tagging directive: replace with the request's. */
export const REPLACE = "REPLACE";

/** An object-lock retention mode. */
export type RetentionMode = typeof GOVERNANCE | typeof COMPLIANCE;
/** A copy directive. */
export type Directive = typeof COPY | typeof REPLACE;

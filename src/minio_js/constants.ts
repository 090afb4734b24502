/**
 * The constants minio-js 8 exports beside its `Client`, with the same
 * names and values, for code that passes them to the calls
 * (`RETENTION_MODES.GOVERNANCE` to `putObjectRetention`, ...).
 *
 * @module
 */

/**
 * The region minio-js signs with when none is given.
 *
 * @example
 * ```ts
 * import { Client, DEFAULT_REGION } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.makeBucket("photos", DEFAULT_REGION);
 * ```
 */
export const DEFAULT_REGION = "us-east-1";

/**
 * The longest presigned URL validity minio-js allows, in days (SigV4's
 * limit of 7 days).
 *
 * @example
 * ```ts
 * import { PRESIGN_EXPIRY_DAYS_MAX } from "@minio-edge/minio/minio-js";
 * const longest = PRESIGN_EXPIRY_DAYS_MAX * 24 * 3600; // seconds, for presignedGetObject
 * ```
 */
export const PRESIGN_EXPIRY_DAYS_MAX = 7;

/**
 * Object lock retention modes, for `putObjectRetention` and `setObjectLockConfig`.
 *
 * @example
 * ```ts
 * import { Client, RETENTION_MODES } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.putObjectRetention("locked", "report.pdf", {
 *   mode: RETENTION_MODES.GOVERNANCE,
 *   retainUntilDate: new Date(Date.now() + 86_400_000).toISOString(),
 * });
 * ```
 */
export const RETENTION_MODES = Object.freeze(
  {
    GOVERNANCE: "GOVERNANCE",
    COMPLIANCE: "COMPLIANCE",
  } as const,
);

/**
 * Units of a default retention, for `setObjectLockConfig`.
 *
 * @example
 * ```ts
 * import { Client, RETENTION_MODES, RETENTION_VALIDITY_UNITS } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.setObjectLockConfig("locked", {
 *   mode: RETENTION_MODES.COMPLIANCE, unit: RETENTION_VALIDITY_UNITS.DAYS, validity: 30,
 * });
 * ```
 */
export const RETENTION_VALIDITY_UNITS = Object.freeze({ DAYS: "Days", YEARS: "Years" } as const);

/**
 * Legal hold states, for `setObjectLegalHold`.
 *
 * @example
 * ```ts
 * import { Client, LEGAL_HOLD_STATUS } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.setObjectLegalHold("locked", "report.pdf", { status: LEGAL_HOLD_STATUS.ENABLED });
 * ```
 */
export const LEGAL_HOLD_STATUS = Object.freeze({ ENABLED: "ON", DISABLED: "OFF" } as const);

/**
 * Server-side encryption types as minio-js names them.
 *
 * @example
 * ```ts
 * import { ENCRYPTION_TYPES } from "@minio-edge/minio/minio-js";
 * console.log(ENCRYPTION_TYPES.KMS); // "KMS"
 * ```
 */
export const ENCRYPTION_TYPES = Object.freeze({ SSEC: "SSE-C", KMS: "KMS" } as const);

/**
 * Bucket quotas: plain JSON both ways.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { checkBucketName, checkInteger } from "../../base/validate.ts";
import { adminCall, adminJson } from "../transport/transport.ts";

/**
 * A bucket's quota configuration.
 *
 * @example
 * ```ts
 * import type { BucketQuota } from "@minio-edge/minio/admin";
 * const quota: BucketQuota = await admin.bucketQuotaGet("photos");
 * console.log(quota.size ? `${quota.size} bytes (${quota.quotatype})` : "no quota");
 * ```
 */
export interface BucketQuota {
  /** Hard limit in bytes (0: none); the field older servers read. */
  quota: number;
  /** Hard limit in bytes (0: none). */
  size: number;
  /** Bandwidth allocated to the bucket (0: unlimited). */
  rate: number;
  /** Requests allocated to the bucket (0: unlimited). */
  requests: number;
  /** `hard`, when a limit is set. */
  quotatype?: string;
}

/**
 * Sets a hard quota of `size` bytes on a bucket.
 *
 * @example
 * ```ts
 * await admin.bucketQuotaSet("photos", 10 * 1024 ** 3);
 * ```
 */
export async function bucketQuotaSet(
  core: MinioCore,
  bucket: string,
  size: number,
  options?: RequestOptions,
): Promise<void> {
  checkBucketName(bucket);
  checkInteger(size, "size");
  await adminCall(core, {
    method: "PUT",
    command: "set-bucket-quota",
    query: [["bucket", bucket]],
    // `quota` for servers before Aug 2023, `size` for newer ones.
    body: { quota: size, size, quotatype: "hard" },
    options,
  });
}

/**
 * A bucket's quota (all zero when none is set).
 *
 * @example
 * ```ts
 * const { size } = await admin.bucketQuotaGet("photos");
 * ```
 */
export async function bucketQuotaGet(
  core: MinioCore,
  bucket: string,
  options?: RequestOptions,
): Promise<BucketQuota> {
  checkBucketName(bucket);
  return await adminJson<BucketQuota>(core, {
    method: "GET",
    command: "get-bucket-quota",
    query: [["bucket", bucket]],
    options,
  });
}

/**
 * Clears a bucket's quota.
 *
 * @example
 * ```ts
 * await admin.bucketQuotaClear("photos");
 * ```
 */
export function bucketQuotaClear(
  core: MinioCore,
  bucket: string,
  options?: RequestOptions,
): Promise<void> {
  return bucketQuotaSet(core, bucket, 0, options);
}

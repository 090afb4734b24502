/**
 * HeadBucket with what its answer says: the bucket's region and, on Amazon
 * S3, its ARN, location type and name and access point alias.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { S3Error } from "../../base/errors.ts";
import { checkBucketName } from "../../base/validate.ts";

/**
 * What HeadBucket says about a bucket.
 *
 * @example
 * ```ts
 * import { type HeadBucketResult, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const head: HeadBucketResult | null = await client.headBucket("photos");
 * console.log(head?.region ?? "no such bucket");
 * ```
 */
export interface HeadBucketResult {
  /** Bucket name. */
  bucket: string;
  /**
   * Its region: the `x-amz-bucket-region` header where the server sends it
   * (Amazon S3), else the region the request was signed for (MinIO sends
   * no such header).
   */
  region: string;
  /** `x-amz-bucket-arn` (Amazon S3 directory buckets). */
  bucketArn?: string;
  /** `x-amz-bucket-location-type`: `AvailabilityZone` or `LocalZone`. */
  locationType?: string;
  /** `x-amz-bucket-location-name`. */
  locationName?: string;
  /** `x-amz-access-point-alias`: whether the name is an access point alias. */
  accessPointAlias?: boolean;
  /** All response headers. */
  headers: Headers;
}

/**
 * Sends HeadBucket (minio-py `head_bucket`): what the server says about the
 * bucket, or `null` when it does not exist. Other failures (no access, a
 * wrong region) are thrown.
 *
 * @example
 * ```ts
 * const head = await client.headBucket("photos");
 * if (head) console.log(head.region);
 * ```
 */
export async function headBucket(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<HeadBucketResult | null> {
  checkBucketName(bucket);
  let res: Response;
  try {
    res = await core.request({ method: "HEAD", bucket, options });
  } catch (e) {
    if (e instanceof S3Error && e.code === "NoSuchBucket") {
      core.forgetRegion(bucket);
      return null;
    }
    throw e;
  }
  const h = res.headers;
  const stated = h.get("x-amz-bucket-region");
  if (stated && !core.region) core.rememberRegion(bucket, stated);
  const alias = h.get("x-amz-access-point-alias");
  return {
    bucket,
    region: stated || await core.bucketRegion(bucket, options.signal),
    bucketArn: h.get("x-amz-bucket-arn") ?? undefined,
    locationType: h.get("x-amz-bucket-location-type") ?? undefined,
    locationName: h.get("x-amz-bucket-location-name") ?? undefined,
    accessPointAlias: alias === null ? undefined : alias === "true",
    headers: h,
  };
}

/**
 * GetBucketLocation.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { checkBucketName } from "../../base/validate.ts";

/**
 * The region of a bucket, as minio-go's `GetBucketLocation` answers it: the
 * client's fixed region when it has one, else the server's answer (cached
 * per bucket), `us-east-1` for an empty location constraint.
 *
 * @example
 * ```ts
 * console.log(await client.getBucketLocation("photos")); // "us-east-1"
 * ```
 */
export async function getBucketLocation(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<string> {
  checkBucketName(bucket);
  return await core.bucketRegion(bucket, options.signal);
}

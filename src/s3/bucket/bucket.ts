/**
 * Bucket lifecycle: make, list, check, remove.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, S3Error } from "../../base/errors.ts";
import { checkBucketName, checkOptionalInteger, checkOptionalString } from "../../base/validate.ts";
import { asTags, type Tags } from "../../config/tags.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { child, childrenNamed, childText, parseXml } from "../../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../../xml/write.ts";
import { PageMarkers } from "../common/page_markers.ts";
import { setBucketTags } from "./bucket_tags.ts";

/**
 * Options of {@link makeBucket}.
 *
 * @example
 * ```ts
 * import { type MakeBucketOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: MakeBucketOptions = { location: "eu-west-1", objectLock: true, tags: { team: "data" } };
 * await client.makeBucket("records", options);
 * ```
 */
export interface MakeBucketOptions extends RequestOptions {
  /** Region to create the bucket in (default: the client's, else us-east-1). */
  location?: string;
  /** Create the bucket with object locking enabled. */
  objectLock?: boolean;
  /**
   * Tags of the new bucket, at most 50. Sent in the CreateBucket request
   * (as Amazon S3 takes them) and then set with PutBucketTagging, since
   * MinIO accepts them in CreateBucket but does not keep them.
   */
  tags?: Tags | Record<string, string>;
}

/**
 * Options of {@link listBuckets}.
 *
 * @example
 * ```ts
 * import { type ListBucketsOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: ListBucketsOptions = { prefix: "logs-", maxBuckets: 100 };
 * for (const b of await client.listBuckets(options)) console.log(b.name);
 * ```
 */
export interface ListBucketsOptions extends RequestOptions {
  /** Only buckets whose names start with this. */
  prefix?: string;
  /**
   * At most this many buckets (1 to 10 000 asked per page; pages are
   * followed until this many came or there are no more).
   */
  maxBuckets?: number;
  /** Only buckets in this region (Amazon S3's `bucket-region`). */
  bucketRegion?: string;
}

/**
 * A bucket as ListBuckets returns it.
 *
 * @example
 * ```ts
 * import { type BucketInfo, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const buckets: BucketInfo[] = await client.listBuckets();
 * for (const b of buckets) console.log(b.name, b.creationDate.toISOString());
 * ```
 */
export interface BucketInfo {
  /** Bucket name. */
  name: string;
  /** When the bucket was made. */
  creationDate: Date;
  /** Its region, where the server says (Amazon S3 does; MinIO does not). */
  region?: string;
}

/**
 * Creates a bucket, optionally in a region, with object locking and with
 * tags.
 * `options` may be a string: the region, as minio-js and minio-py take it
 * (`makeBucket("logs", "eu-west-1")`).
 *
 * @example
 * ```ts
 * await client.makeBucket("photos", { objectLock: true, tags: { project: "edge" } });
 * await client.makeBucket("archive", "us-east-1");
 * ```
 */
export async function makeBucket(
  core: MinioCore,
  bucket: string,
  options: MakeBucketOptions | string = {},
): Promise<void> {
  checkBucketName(bucket, true);
  const { location, objectLock, tags: given } = typeof options === "string"
    ? { location: options } as MakeBucketOptions
    : options;
  const tags = given === undefined ? undefined : asTags(given, false);
  if (location !== undefined && (typeof location !== "string" || location === "")) {
    throw new InvalidArgumentError("location must be a non-empty string");
  }
  if (core.region && location && location !== core.region) {
    throw new InvalidArgumentError(
      `location ${location} differs from the client's region ${core.region}`,
    );
  }
  const region = location ?? core.region ?? "us-east-1";
  const headers: Record<string, string> = {};
  if (objectLock) headers["x-amz-bucket-object-lock-enabled"] = "true";
  // Amazon S3 refuses a LocationConstraint of us-east-1.
  const inner = (region === "us-east-1" ? "" : textElement("LocationConstraint", region)) +
    (tags?.size ? element("Tags", tags.tagElements()) : "");
  const body = inner
    ? new TextEncoder().encode(element("CreateBucketConfiguration", inner, S3_NAMESPACE))
    : undefined;
  const res = await core.request({
    method: "PUT",
    bucket,
    headers,
    body,
    region,
    options: typeof options === "string" ? undefined : options,
  });
  await res.body?.cancel(); // an empty body, but unread it holds the connection
  core.rememberRegion(bucket, region);
  if (tags?.size) {
    await setBucketTags(core, bucket, tags, typeof options === "string" ? {} : options);
  }
}

/**
 * Lists the buckets the credentials can see, all of them or those with a
 * prefix, in a region, or up to a count; pages are followed.
 *
 * @example
 * ```ts
 * for (const b of await client.listBuckets()) console.log(b.name, b.creationDate);
 * const logs = await client.listBuckets({ prefix: "logs-", maxBuckets: 10 });
 * ```
 */
export async function listBuckets(
  core: MinioCore,
  options: ListBucketsOptions = {},
): Promise<BucketInfo[]> {
  const { prefix, maxBuckets, bucketRegion } = options;
  checkOptionalString(prefix, "prefix");
  checkOptionalString(bucketRegion, "bucketRegion");
  checkOptionalInteger(maxBuckets, "maxBuckets", 1);
  const buckets: BucketInfo[] = [];
  let token: string | undefined;
  const markers = new PageMarkers("ListBuckets");
  do {
    const query: QueryParam[] = [];
    if (maxBuckets) {
      query.push(["max-buckets", String(Math.min(maxBuckets - buckets.length, 10000))]);
    }
    if (prefix) query.push(["prefix", prefix]);
    if (bucketRegion) query.push(["bucket-region", bucketRegion]);
    if (token) query.push(["continuation-token", token]);
    const res = await core.request({
      method: "GET",
      query,
      region: core.region ?? "us-east-1",
      options,
      buffered: true,
    });
    const root = parseXml(await res.text(), "ListAllMyBucketsResult");
    for (const b of childrenNamed(child(root, "Buckets") ?? root, "Bucket")) {
      const name = childText(b, "Name") ?? "";
      // A server that ignores prefix or max-buckets must not widen the answer.
      if (prefix && !name.startsWith(prefix)) continue;
      if (buckets.length === maxBuckets) break;
      const info: BucketInfo = { name, creationDate: new Date(childText(b, "CreationDate") ?? 0) };
      const region = childText(b, "BucketRegion");
      if (region) info.region = region;
      buckets.push(info);
    }
    token = childText(root, "ContinuationToken") || undefined;
    if (token) markers.check(token);
  } while (token && buckets.length !== maxBuckets);
  return buckets;
}

/**
 * Whether a bucket exists.
 *
 * @example
 * ```ts
 * console.log(await client.bucketExists("photos"));
 * ```
 */
export async function bucketExists(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<boolean> {
  checkBucketName(bucket);
  try {
    await core.request({ method: "HEAD", bucket, options });
    return true;
  } catch (e) {
    if (e instanceof S3Error && e.code === "NoSuchBucket") {
      core.forgetRegion(bucket);
      return false;
    }
    throw e;
  }
}

/**
 * Removes an empty bucket.
 *
 * @example
 * ```ts
 * await client.removeBucket("photos");
 * ```
 */
export async function removeBucket(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  await core.request({ method: "DELETE", bucket, options });
  core.forgetRegion(bucket);
}

/**
 * Bucket lifecycle: make, list, check, remove.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, S3Error } from "../../base/errors.ts";
import { checkBucketName } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { child, childrenNamed, childText, parseXml } from "../../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../../xml/write.ts";
import { PageMarkers } from "../common/page_markers.ts";

/**
 * Options of {@link makeBucket}.
 *
 * @example
 * ```ts
 * import { type MakeBucketOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: MakeBucketOptions = { location: "eu-west-1", objectLock: true };
 * await client.makeBucket("records", options);
 * ```
 */
export interface MakeBucketOptions extends RequestOptions {
  /** Region to create the bucket in (default: the client's, else us-east-1). */
  location?: string;
  /** Create the bucket with object locking enabled. */
  objectLock?: boolean;
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
}

/**
 * Creates a bucket, optionally in a region and with object locking.
 *
 * @example
 * ```ts
 * await client.makeBucket("photos", { objectLock: true });
 * ```
 */
export async function makeBucket(
  core: MinioCore,
  bucket: string,
  options: MakeBucketOptions = {},
): Promise<void> {
  checkBucketName(bucket, true);
  const { location, objectLock } = options;
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
  const body = region === "us-east-1" ? undefined : new TextEncoder().encode(
    element("CreateBucketConfiguration", textElement("LocationConstraint", region), S3_NAMESPACE),
  );
  const res = await core.request({ method: "PUT", bucket, headers, body, region, options });
  await res.body?.cancel(); // an empty body, but unread it holds the connection
  core.rememberRegion(bucket, region);
}

/**
 * Lists all buckets the credentials can see.
 *
 * @example
 * ```ts
 * for (const b of await client.listBuckets()) console.log(b.name, b.creationDate);
 * ```
 */
export async function listBuckets(
  core: MinioCore,
  options: RequestOptions = {},
): Promise<BucketInfo[]> {
  const buckets: BucketInfo[] = [];
  let token: string | undefined;
  const markers = new PageMarkers("ListBuckets");
  do {
    const query: QueryParam[] = token ? [["continuation-token", token]] : [];
    const res = await core.request({
      method: "GET",
      query,
      region: core.region ?? "us-east-1",
      options,
      buffered: true,
    });
    const root = parseXml(await res.text(), "ListAllMyBucketsResult");
    for (const b of childrenNamed(child(root, "Buckets") ?? root, "Bucket")) {
      buckets.push({
        name: childText(b, "Name") ?? "",
        creationDate: new Date(childText(b, "CreationDate") ?? 0),
      });
    }
    token = childText(root, "ContinuationToken") || undefined;
    if (token) markers.check(token);
  } while (token);
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

/**
 * Presigned URLs (any method on an object) and presigned POST policies for
 * browser form uploads. Nothing here sends a request except the bucket's
 * GetBucketLocation when the client has no fixed region.
 *
 * @module
 */

import { coreCredentials, type MinioCore, type RequestSpec } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { targetFor, urlFor } from "../../core/endpoint.ts";
import {
  checkBucketName,
  checkInteger,
  checkObjectName,
  checkOptionalDate,
  checkOptionalString,
} from "../../base/validate.ts";
import { PostPolicy, type PostPolicyFormData } from "../../config/post_policy.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { MAX_PRESIGN_EXPIRY, presignV4 } from "../../signer/sigv4.ts";

/**
 * Options of {@link presignedPutObject}, and the base of the other presign options.
 *
 * @example
 * ```ts
 * import { Minio, type PresignOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: PresignOptions = { expires: 15 * 60 };
 * const url = await client.presignedPutObject("uploads", "avatar.png", options);
 * await fetch(url, { method: "PUT", body: new Blob(["..."]) });
 * ```
 */
export interface PresignOptions {
  /** Seconds the URL stays valid, 1 to 604800 (7 days, also the default). */
  expires?: number;
  /** The signing time (default: now); for back-dating or reproducible URLs. */
  requestDate?: Date;
  /** Cancels the bucket-region lookup, the only request a presign may make. */
  signal?: AbortSignal;
}

/**
 * Options of {@link getPresignedUrl} and {@link presignedGetObject}.
 *
 * @example
 * ```ts
 * import { Minio, type PresignedUrlOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: PresignedUrlOptions = {
 *   expires: 3600,
 *   responseHeaders: { "response-content-disposition": 'attachment; filename="cat.png"' },
 * };
 * const url = await client.presignedGetObject("photos", "cat.png", options);
 * ```
 */
export interface PresignedUrlOptions extends PresignOptions {
  /** A specific version of the object. */
  versionId?: string;
  /**
   * Response header overrides: `response-content-type`,
   * `response-content-disposition`, `response-content-language`,
   * `response-content-encoding`, `response-cache-control`, `response-expires`.
   */
  responseHeaders?: Record<string, string>;
  /** More query parameters to sign into the URL. */
  extraQueryParams?: Record<string, string>;
}

/**
 * HTTP methods a URL can be presigned for.
 *
 * @example
 * ```ts
 * import { Minio, type PresignMethod } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const method: PresignMethod = "HEAD";
 * const url = await client.getPresignedUrl(method, "photos", "cat.png", { expires: 300 });
 * console.log((await fetch(url, { method })).headers.get("content-length"));
 * ```
 */
export type PresignMethod = RequestSpec["method"];

/**
 * Options of {@link presignedPostPolicy}.
 *
 * @example
 * ```ts
 * import { Minio, PostPolicy, type PresignedPostPolicyOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const policy = new PostPolicy("uploads", new Date(Date.now() + 600_000))
 *   .addEqualsCondition("key", "avatar.png");
 * const options: PresignedPostPolicyOptions = { signal: AbortSignal.timeout(5_000) };
 * const { url, formData } = await client.presignedPostPolicy(policy, options);
 * ```
 */
export interface PresignedPostPolicyOptions {
  /** The signing time (default: now). */
  requestDate?: Date;
  /** Cancels the bucket-region lookup. */
  signal?: AbortSignal;
}

/**
 * Where and with what fields a browser form uploads.
 *
 * @example
 * ```ts
 * import { Minio, PostPolicy, type PostPolicyResult } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const policy = new PostPolicy("uploads", new Date(Date.now() + 6e5)).addEqualsCondition("key", "a");
 * const result: PostPolicyResult = await client.presignedPostPolicy(policy);
 * const form = new FormData();
 * for (const [k, v] of Object.entries(result.formData)) form.append(k, v);
 * form.append("file", new Blob(["..."]));
 * await fetch(result.url, { method: "POST", body: form });
 * ```
 */
export interface PostPolicyResult {
  /** The URL to POST the multipart form to (the bucket's URL). */
  url: string;
  /** Fields to put in the form before the `file` field. */
  formData: PostPolicyFormData;
}

const METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "PUT", "POST", "DELETE"]);

/**
 * A presigned URL for `method` on an object: anyone holding it can make that
 * one request until it expires. Only the host is signed, so the request may
 * carry any headers. `options` may be a number: the expiry in seconds, as
 * minio-js and minio-py take it (`getPresignedUrl("GET", b, o, 3600)`).
 *
 * @example
 * ```ts
 * const url = await client.getPresignedUrl("DELETE", "photos", "old.png", { expires: 3600 });
 * await fetch(url, { method: "DELETE" });
 * ```
 */
export async function getPresignedUrl(
  core: MinioCore,
  method: PresignMethod,
  bucket: string,
  name: string,
  options: PresignedUrlOptions | number = {},
): Promise<string> {
  // minio-js's and minio-py's positional expiry, in seconds.
  if (typeof options === "number") options = { expires: options };
  const expires = options.expires ?? MAX_PRESIGN_EXPIRY;
  checkInteger(expires, "expires", 1, MAX_PRESIGN_EXPIRY, "seconds");
  checkOptionalDate(options.requestDate, "requestDate");
  if (!METHODS.has(method)) {
    throw new InvalidArgumentError(`method must be one of ${[...METHODS].join(", ")}`);
  }
  checkBucketName(bucket);
  checkObjectName(name);
  checkOptionalString(options.versionId, "versionId");
  if (options.extraQueryParams !== undefined || options.responseHeaders !== undefined) {
    // Loaded on use: most presigned URLs carry no parameters of their own.
    const { checkPresignParams } = await import("./presign_params.ts");
    checkPresignParams(options.extraQueryParams, options.responseHeaders);
  }

  // Later sources win on the same key, as in minio-py.
  const params = new Map(Object.entries(options.extraQueryParams ?? {}));
  if (options.versionId) params.set("versionId", options.versionId);
  for (const [k, v] of Object.entries(options.responseHeaders ?? {})) params.set(k, v);
  const query: QueryParam[] = [...params];

  // First: an anonymous client refuses before it asks the server anything.
  const credentials = await coreCredentials(core);
  const region = await core.bucketRegion(bucket, options.signal);
  const target = targetFor(core.endpoint, bucket, name);
  const signed = presignV4(
    { method, host: target.host, path: target.path, query, expires },
    credentials,
    region,
    "s3",
    options.requestDate ?? new Date(),
  );
  return urlFor(core.endpoint, target, signed);
}

/**
 * A presigned URL to download an object, optionally overriding response
 * headers such as `response-content-type`. `options` may be a number: the
 * expiry in seconds, as minio-js and minio-py take it.
 *
 * @example
 * ```ts
 * const hour = await client.presignedGetObject("photos", "cat.png", 3600);
 * const url = await client.presignedGetObject("photos", "cat.png", {
 *   expires: 600,
 *   responseHeaders: { "response-content-disposition": 'attachment; filename="cat.png"' },
 * });
 * const bytes = await (await fetch(url)).arrayBuffer();
 * ```
 */
export function presignedGetObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options?: PresignedUrlOptions | number,
): Promise<string> {
  return getPresignedUrl(core, "GET", bucket, name, options);
}

/**
 * A presigned URL to upload an object with a plain `PUT`. `options` may be
 * a number: the expiry in seconds, as minio-js and minio-py take it.
 *
 * @example
 * ```ts
 * const hour = await client.presignedPutObject("photos", "upload.png", 3600);
 * const url = await client.presignedPutObject("photos", "upload.png", { expires: 600 });
 * await fetch(url, { method: "PUT", body: new Blob(["..."]) });
 * ```
 */
export function presignedPutObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: PresignOptions | number = {},
): Promise<string> {
  if (typeof options === "number") options = { expires: options };
  const { expires, requestDate, signal } = options;
  return getPresignedUrl(core, "PUT", bucket, name, { expires, requestDate, signal });
}

/**
 * Signs a {@link PostPolicy}: the URL to POST a `multipart/form-data` form
 * to, and the fields to put in it before the `file` field. minio-py returns
 * only the fields; this follows minio-js in returning the URL as well.
 *
 * @example
 * ```ts
 * import { PostPolicy } from "@minio-edge/minio";
 * const policy = new PostPolicy("photos", new Date(Date.now() + 600_000))
 *   .addEqualsCondition("key", "upload.png")
 *   .addContentLengthRangeCondition(1, 1024 * 1024);
 * const { url, formData } = await client.presignedPostPolicy(policy);
 * const form = new FormData();
 * for (const [k, v] of Object.entries(formData)) form.append(k, v);
 * form.append("file", new Blob(["..."]));
 * await fetch(url, { method: "POST", body: form });
 * ```
 */
export async function presignedPostPolicy(
  core: MinioCore,
  policy: PostPolicy,
  options: PresignedPostPolicyOptions = {},
): Promise<PostPolicyResult> {
  if (!(policy instanceof PostPolicy)) {
    throw new InvalidArgumentError("policy must be a PostPolicy");
  }
  if (!policy.hasKeyCondition) throw new InvalidArgumentError("key condition must be set");
  checkOptionalDate(options.requestDate, "requestDate");
  const credentials = await coreCredentials(core);
  const region = await core.bucketRegion(policy.bucket, options.signal);
  const formData = policy.formData(credentials, region, options.requestDate ?? new Date());
  return { url: urlFor(core.endpoint, targetFor(core.endpoint, policy.bucket), ""), formData };
}

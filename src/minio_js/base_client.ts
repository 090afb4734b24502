/**
 * minio-js 8's `Client`, part 1: the constructor, buckets, objects,
 * listings, presigned URLs, tags, policy and versioning, with minio-js's
 * method names, argument orders and result shapes over the same operation
 * functions `Minio` calls (no request is built here). client.ts adds the
 * rest. Streams are Node `Readable`s where the runtime has `node:stream`,
 * web `ReadableStream`s elsewhere (see streams.ts).
 *
 * @module
 */

import { type ClientOptions, MinioCore } from "../core/core.ts";
import type { CredentialProvider } from "../credentials/credentials.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { setOwnEntry } from "../base/own_entry.ts";
import { defaultFetch } from "../base/default_fetch.ts";
import { checkInteger } from "../base/validate.ts";
import { setAppInfo } from "../core/app_info.ts";
import { traceOff, traceOn } from "../core/trace.ts";
import { bucketExists, listBuckets, makeBucket, removeBucket } from "../s3/bucket/bucket.ts";
import { getBucketPolicy, setBucketPolicy } from "../s3/bucket/bucket_policy.ts";
import { deleteBucketTags, getBucketTags, setBucketTags } from "../s3/bucket/bucket_tags.ts";
import { getBucketVersioning, setBucketVersioning } from "../s3/bucket/bucket_versioning.ts";
import { getObject, statObject } from "../s3/object/get_object.ts";
import { deleteObjectTags, getObjectTags, setObjectTags } from "../s3/object/object_tags.ts";
import { removeObject } from "../s3/object/remove_object.ts";
import { removeObjects } from "../s3/object/remove_objects.ts";
import { listObjects } from "../s3/list/list_objects.ts";
import { putObject } from "../s3/upload/put_object.ts";
import { choosePartSize } from "../s3/upload/part_size.ts";
import { removeIncompleteUpload } from "../s3/upload/incomplete_uploads.ts";
import { getPresignedUrl, type PresignMethod } from "../s3/presign/presign.ts";
import { VersioningConfig, type VersioningStatus } from "../config/versioning.ts";
import type { Tags } from "../config/tags.ts";
import type { UploadBody } from "../s3/upload/part_source.ts";
import type { ObjectInfo } from "../s3/list/list_entries.ts";
import { metaDataOptions } from "./metadata.ts";
import { byteStream, type NodeReadable, objectStream } from "./streams.ts";

/**
 * The constructor options of minio-js's `Client`: ours, plus its
 * `partSize` (the upload part size of `putObject`).
 *
 * @example
 * ```ts
 * import { Client, type MinioJsClientOptions } from "@minio-edge/minio/minio-js";
 * const options: MinioJsClientOptions = {
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin", partSize: 16 * 1024 * 1024,
 * };
 * const client = new Client(options);
 * ```
 */
export interface MinioJsClientOptions extends ClientOptions {
  /** Part size of multipart uploads in bytes (minio-js's default: chosen from the size). */
  partSize?: number;
  /** minio-js's name of `credentials`: where credentials come from. */
  credentialsProvider?: CredentialProvider;
}

// minio-js options whose meaning this adapter cannot carry (Node HTTP agents, S3 Transfer Acceleration).
const UNCARRIED = ["transport", "transportAgent", "s3AccelerateEndpoint"];

/**
 * An entry of minio-js's `listObjects` stream: an object, or a common prefix.
 *
 * @example
 * ```ts
 * import { Client, type BucketItem } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * client.listObjects("photos", "", true).on("data", (item) => console.log((item as BucketItem).name));
 * ```
 */
export interface BucketItem {
  /** Object name (absent for a prefix). */
  name?: string;
  /** The common prefix (only for a prefix). */
  prefix?: string;
  /** Size in bytes (0 for a prefix). */
  size: number;
  /** ETag without quotes. */
  etag?: string;
  /** Last modification time. */
  lastModified?: Date;
}

/**
 * What minio-js's `statObject` answers.
 *
 * @example
 * ```ts
 * import { Client, type BucketItemStat } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const stat: BucketItemStat = await client.statObject("photos", "cat.png");
 * console.log(stat.size, stat.metaData["content-type"]);
 * ```
 */
export interface BucketItemStat {
  /** Size in bytes. */
  size: number;
  /** ETag without quotes. */
  etag: string;
  /** Last modification time. */
  lastModified: Date;
  /** Version id, or null. */
  versionId: string | null;
  /** Content headers, `x-amz-*` headers, and user metadata without its `x-amz-meta-` prefix. */
  metaData: Record<string, string>;
}

/** A tag as minio-js returns it. */
type Tag = { Key: string; Value: string };

const RESPONSE_HEADERS = new Set([
  "content-type",
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "expires",
]);
const WEEK = 7 * 24 * 3600;

function metaDataOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    if (k.startsWith("x-amz-meta-")) setOwnEntry(out, k.slice(11), v);
    else if (RESPONSE_HEADERS.has(k) || k.startsWith("x-amz-")) out[k] = v;
  });
  return out;
}

function tagList(tags: Tags | null): Tag[] {
  return [...tags ?? []].map(([Key, Value]) => ({ Key, Value }));
}

function item(o: ObjectInfo): BucketItem {
  return o.isDir
    ? { prefix: o.name, size: 0 }
    : { name: o.name, size: o.size, etag: o.etag, lastModified: o.lastModified };
}

/**
 * `options` (minio-js's `getOpts`, `statOpts`, ...), checked to hold only
 * `keys`: an option this adapter does not carry is refused, not ignored.
 */
export function only<T extends object>(
  options: T | undefined,
  keys: readonly string[],
  what: string,
): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(
      `${what} must be an object (got ${options === null ? "null" : typeof options})`,
    );
  }
  for (const k of Object.keys(options)) {
    if (!keys.includes(k)) {
      throw new InvalidArgumentError(
        `${what}: unsupported option '${k}' (known: ${keys.join(", ")})`,
      );
    }
  }
  return options;
}

/** The one option of minio-js's `getOpts`, `statOpts`, ... that this adapter carries. */
export const VERSION_ONLY = ["versionId"] as const;

function optionalString(value: unknown, what: string): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw new InvalidArgumentError(`${what} must be a string (got ${typeof value})`);
  }
  return value as string | undefined;
}

const cores = new WeakMap<object, MinioCore>();

/**
 * The fetch each client's requests go through when it was made without a
 * fetch of its own (set by `setRequestOptions`); none means the global one.
 */
export const transports: WeakMap<object, typeof fetch> = new WeakMap();

/** Clients made with a fetch of the caller's, whose TLS setRequestOptions cannot change. */
export const ownFetch: WeakSet<object> = new WeakSet();

/** The core of a client of this adapter (kept off the class, as `Minio` keeps its own private). */
export function coreOf(client: object): MinioCore {
  return cores.get(client)!;
}

/** The first half of the minio-js `Client` (see client.ts). */
export class BaseClient {
  readonly #core: MinioCore;
  readonly #partSize?: number;

  /** Checks the options; throws `InvalidArgumentError` on bad ones. */
  constructor(options: MinioJsClientOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("client options must be an object");
    }
    const bad = UNCARRIED.find((k) => k in options);
    if (bad) {
      throw new InvalidArgumentError(
        `client option '${bad}' is not supported by this SDK's fetch-based client`,
      );
    }
    const { partSize, credentialsProvider, ...rest } = options;
    if (credentialsProvider !== undefined && rest.credentials !== undefined) {
      throw new InvalidArgumentError("give credentialsProvider or credentials, not both");
    }
    // Without a fetch of the caller's, each request goes through the one setRequestOptions sets.
    if (rest.fetch) ownFetch.add(this);
    const plain = defaultFetch();
    const fetch: typeof globalThis.fetch = rest.fetch ??
      ((input, init) => (transports.get(this) ?? plain)(input, init));
    this.#core = new MinioCore({
      ...rest,
      fetch,
      ...credentialsProvider === undefined ? {} : { credentials: credentialsProvider },
    });
    cores.set(this, this.#core);
    this.#partSize = partSize;
  }

  /** Adds `appName/appVersion` to the User-Agent. */
  setAppInfo(appName: string, appVersion: string): void {
    setAppInfo(this.#core, appName, appVersion);
  }

  /** Writes a trace of each request to `stream` (anything with `write(text)`), secrets redacted. */
  traceOn(stream: { write(text: string): unknown }): void {
    traceOn(this.#core, stream);
  }

  /** Stops tracing. */
  traceOff(): void {
    traceOff(this.#core);
  }

  /** Creates a bucket in `region`; `makeOpts.ObjectLocking` turns on object locking. */
  async makeBucket(
    bucket: string,
    region?: string,
    makeOpts?: { ObjectLocking?: boolean },
  ): Promise<void> {
    optionalString(region, "region");
    const { ObjectLocking } = only(makeOpts, ["ObjectLocking"], "makeOpts");
    return await makeBucket(this.#core, bucket, {
      location: region || undefined,
      objectLock: ObjectLocking,
    });
  }

  /** Every bucket: `{ name, creationDate }`. */
  async listBuckets(): Promise<{ name: string; creationDate: Date }[]> {
    return (await listBuckets(this.#core)).map((b) => ({
      name: b.name,
      creationDate: b.creationDate,
    }));
  }

  /** Whether the bucket exists. */
  bucketExists(bucket: string): Promise<boolean> {
    return bucketExists(this.#core, bucket);
  }

  /** Removes an empty bucket. */
  removeBucket(bucket: string): Promise<void> {
    return removeBucket(this.#core, bucket);
  }

  /**
   * A stream of the objects under `prefix` (one level unless `recursive`):
   * `data` per {@link BucketItem}, then `end`, or `error`.
   */
  listObjects(
    bucket: string,
    prefix = "",
    recursive = false,
    listOpts?: { IncludeVersion?: boolean },
  ): NodeReadable | ReadableStream<BucketItem> {
    optionalString(prefix, "prefix");
    const { IncludeVersion } = only(listOpts, ["IncludeVersion"], "listOpts");
    const all = listObjects(this.#core, bucket, {
      prefix,
      recursive,
      includeVersion: IncludeVersion,
    });
    return objectStream((async function* () {
      for await (const o of all) yield item(o);
    })());
  }

  /** {@link listObjects} with ListObjectsV2, starting after `startAfter`. */
  listObjectsV2(
    bucket: string,
    prefix = "",
    recursive = false,
    startAfter = "",
  ): NodeReadable | ReadableStream<BucketItem> {
    optionalString(startAfter, "startAfter");
    const all = listObjects(this.#core, bucket, {
      prefix,
      recursive,
      startAfter: startAfter || undefined,
    });
    return objectStream((async function* () {
      for await (const o of all) yield item(o);
    })());
  }

  /** The object's bytes as a readable stream (`.pipe()`-able on Node). */
  async getObject(
    bucket: string,
    name: string,
    getOpts?: { versionId?: string },
  ): Promise<NodeReadable | ReadableStream<Uint8Array>> {
    const options = only(getOpts, VERSION_ONLY, "getOpts");
    return byteStream((await getObject(this.#core, bucket, name, options)).body);
  }

  /** `length` bytes from `offset` (to the end without `length`) as a readable stream. */
  async getPartialObject(
    bucket: string,
    name: string,
    offset: number,
    length?: number,
    getOpts?: { versionId?: string },
  ): Promise<NodeReadable | ReadableStream<Uint8Array>> {
    const res = await getObject(this.#core, bucket, name, {
      ...only(getOpts, VERSION_ONLY, "getOpts"),
      offset,
      length: length || undefined,
    });
    return byteStream(res.body);
  }

  /**
   * Uploads `stream` (a Node `Readable`, a `Buffer`, a string or any body
   * `Minio.putObject` takes); `metaData` holds headers and user metadata.
   */
  async putObject(
    bucket: string,
    name: string,
    stream: UploadBody,
    size?: number,
    metaData?: Record<string, string | number>,
  ): Promise<{ etag: string; versionId: string | null }> {
    const options = { ...metaDataOptions(metaData), partSize: this.#partSize };
    const r = await putObject(this.#core, bucket, name, stream, size, options);
    return { etag: r.etag, versionId: r.versionId ?? null };
  }

  /**
   * The part size `putObject` uses for an object of `size` bytes: the
   * client's `partSize`, else the smallest multiple of this SDK's part
   * unit that fits 10,000 parts.
   *
   * @example
   * ```ts
   * console.log(client.calculatePartSize(1024 ** 3)); // bytes per part of a 1 GiB upload
   * ```
   */
  calculatePartSize(size: number): number {
    checkInteger(size, "size", 0);
    return choosePartSize(size, this.#partSize);
  }

  /** The object's size, ETag, time, version and metadata. */
  async statObject(
    bucket: string,
    name: string,
    statOpts?: { versionId?: string },
  ): Promise<BucketItemStat> {
    const s = await statObject(this.#core, bucket, name, only(statOpts, VERSION_ONLY, "statOpts"));
    return {
      size: s.size,
      etag: s.etag,
      lastModified: s.lastModified ?? new Date(0),
      versionId: s.versionId ?? null,
      metaData: metaDataOf(s.headers),
    };
  }

  /** Removes an object (a version with `versionId`). */
  async removeObject(
    bucket: string,
    name: string,
    removeOpts?: { versionId?: string; governanceBypass?: boolean },
  ): Promise<void> {
    const options = only(removeOpts, ["versionId", "governanceBypass"], "removeOpts");
    return await removeObject(this.#core, bucket, name, options);
  }

  /**
   * Removes a list of objects (names or `{ name, versionId }`), all before
   * it settles; the errors come back as `{ Code, Message, Key, VersionId }`.
   */
  async removeObjects(
    bucket: string,
    objectsList: (string | { name: string; versionId?: string })[],
  ): Promise<{ Code: string; Message: string; Key: string; VersionId?: string }[]> {
    if (!Array.isArray(objectsList)) throw new InvalidArgumentError("objectsList should be a list");
    const errors = [];
    for await (const e of removeObjects(this.#core, bucket, objectsList)) {
      errors.push({ Code: e.code, Message: e.message, Key: e.name, VersionId: e.versionId });
    }
    return errors;
  }

  /** Uploads the file at `filePath`; `metaData` as for {@link putObject}. */
  async fPutObject(
    bucket: string,
    name: string,
    filePath: string,
    metaData?: Record<string, string | number>,
  ): Promise<{ etag: string; versionId: string | null }> {
    const options = { ...metaDataOptions(metaData), partSize: this.#partSize };
    // Loaded on use, as Minio's: the file system helpers are not in every bundle.
    const { fPutObject } = await import("../s3/file/file_object.ts");
    const r = await fPutObject(this.#core, bucket, name, filePath, options);
    return { etag: r.etag, versionId: r.versionId ?? null };
  }

  /** Downloads the object to `filePath`. */
  async fGetObject(
    bucket: string,
    name: string,
    filePath: string,
    getOpts?: { versionId?: string },
  ): Promise<void> {
    const options = only(getOpts, VERSION_ONLY, "getOpts");
    const { fGetObject } = await import("../s3/file/file_object.ts");
    await fGetObject(this.#core, bucket, name, filePath, options);
  }

  /** Removes an incomplete upload of the object. */
  removeIncompleteUpload(bucket: string, name: string): Promise<void> {
    return removeIncompleteUpload(this.#core, bucket, name);
  }

  /**
   * A presigned URL for `method`, valid `expiry` seconds (default 7 days);
   * `reqParams` are query parameters (`response-*` overrides, `versionId`).
   */
  presignedUrl(
    method: PresignMethod,
    bucket: string,
    name: string,
    expiry: number = WEEK,
    reqParams: Record<string, string> = {},
    requestDate?: Date,
  ): Promise<string> {
    const { versionId, ...rest } = reqParams;
    const responseHeaders: Record<string, string> = {};
    const extraQueryParams: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) {
      (k.startsWith("response-") ? responseHeaders : extraQueryParams)[k] = v;
    }
    return getPresignedUrl(this.#core, method, bucket, name, {
      expires: expiry,
      requestDate,
      versionId,
      responseHeaders,
      extraQueryParams,
    });
  }

  /** A presigned GET URL valid `expiry` seconds; `respHeaders` override response headers. */
  presignedGetObject(
    bucket: string,
    name: string,
    expiry: number = WEEK,
    respHeaders: Record<string, string> = {},
    requestDate?: Date,
  ): Promise<string> {
    return this.presignedUrl("GET", bucket, name, expiry, respHeaders, requestDate);
  }

  /** A presigned PUT URL valid `expiry` seconds. */
  presignedPutObject(bucket: string, name: string, expiry: number = WEEK): Promise<string> {
    return this.presignedUrl("PUT", bucket, name, expiry);
  }

  /** Replaces the bucket's tags with `tags` (`{ key: value }`). */
  setBucketTagging(bucket: string, tags: Record<string, string>): Promise<void> {
    return setBucketTags(this.#core, bucket, tags);
  }

  /** The bucket's tags as `[{ Key, Value }]`. */
  async getBucketTagging(bucket: string): Promise<Tag[]> {
    return tagList(await getBucketTags(this.#core, bucket));
  }

  /** Removes the bucket's tags. */
  removeBucketTagging(bucket: string): Promise<void> {
    return deleteBucketTags(this.#core, bucket);
  }

  /** Replaces the object's tags with `tags`; `putOpts.versionId` picks a version. */
  async setObjectTagging(
    bucket: string,
    name: string,
    tags: Record<string, string>,
    putOpts?: { versionId?: string },
  ): Promise<void> {
    const options = only(putOpts, VERSION_ONLY, "putOpts");
    return await setObjectTags(this.#core, bucket, name, tags, options);
  }

  /** The object's tags as `[{ Key, Value }]`. */
  async getObjectTagging(
    bucket: string,
    name: string,
    getOpts?: { versionId?: string },
  ): Promise<Tag[]> {
    const options = only(getOpts, VERSION_ONLY, "getOpts");
    return tagList(await getObjectTags(this.#core, bucket, name, options));
  }

  /** Removes the object's tags. */
  async removeObjectTagging(
    bucket: string,
    name: string,
    removeOpts?: { versionId?: string },
  ): Promise<void> {
    const options = only(removeOpts, VERSION_ONLY, "removeOpts");
    return await deleteObjectTags(this.#core, bucket, name, options);
  }

  /** Sets the bucket policy from its JSON text. */
  setBucketPolicy(bucket: string, policy: string): Promise<void> {
    return setBucketPolicy(this.#core, bucket, policy);
  }

  /** The bucket policy's JSON text. */
  getBucketPolicy(bucket: string): Promise<string> {
    return getBucketPolicy(this.#core, bucket);
  }

  /** `{ Status }` of the bucket's versioning (`{}` when never set). */
  async getBucketVersioning(bucket: string): Promise<{ Status?: string; MFADelete?: string }> {
    const v = await getBucketVersioning(this.#core, bucket);
    const out: { Status?: string; MFADelete?: string } = {};
    if (v.status) out.Status = v.status;
    if (v.mfaDelete) out.MFADelete = v.mfaDelete;
    return out;
  }

  /** Sets versioning from `{ Status: "Enabled" | "Suspended" }`. */
  async setBucketVersioning(
    bucket: string,
    versionConfig: { Status: VersioningStatus },
  ): Promise<void> {
    only(versionConfig, ["Status"], "versionConfig");
    return await setBucketVersioning(
      this.#core,
      bucket,
      new VersioningConfig(versionConfig.Status),
    );
  }
}

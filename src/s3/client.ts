/**
 * The S3 client: {@link MinioCore} plus every operation as a method.
 *
 * @module
 */

import { MinioCore, type RequestOptions } from "../core/core.ts";
import type { UploadBody } from "./upload/part_source.ts";
import {
  bucketExists,
  type BucketInfo,
  listBuckets,
  makeBucket,
  type MakeBucketOptions,
  removeBucket,
} from "./bucket/bucket.ts";
import {
  getObject,
  type GetObjectOptions,
  getPartialObject,
  type ObjectResponse,
  statObject,
  type StatObjectOptions,
} from "./object/get_object.ts";
import { listObjects, type ListObjectsOptions, type ObjectInfo } from "./list/list_objects.ts";
import {
  type DeleteError,
  type DeleteObjectList,
  removeObjects,
  type RemoveObjectsOptions,
} from "./object/remove_objects.ts";
import {
  getObjectAttributes,
  type GetObjectAttributesOptions,
  type ObjectAttributes,
} from "./object/get_object_attributes.ts";
import {
  type FanOutBody,
  type FanOutEntry,
  type FanOutResult,
  putObjectFanOut,
  type PutObjectFanOutOptions,
} from "./batch/put_object_fan_out.ts";
import {
  type SnowballObject,
  type SnowballResult,
  uploadSnowball,
  type UploadSnowballOptions,
} from "./batch/upload_snowball.ts";
import {
  appendObject,
  type AppendObjectOptions,
  type AppendObjectResult,
} from "./upload/append_object.ts";
import { promptObject, type PromptObjectOptions } from "./object/prompt_object.ts";
import type { ObjectStat } from "./common/object_headers.ts";
import { type ObjectWriteResult, putObject, type PutObjectOptions } from "./upload/put_object.ts";
import { removeObject, type RemoveObjectOptions } from "./object/remove_object.ts";
import {
  type IncompleteUpload,
  listIncompleteUploads,
  type ListIncompleteUploadsOptions,
  removeIncompleteUpload,
} from "./upload/incomplete_uploads.ts";
import {
  getPresignedUrl,
  type PostPolicyResult,
  presignedGetObject,
  presignedPostPolicy,
  type PresignedPostPolicyOptions,
  presignedPutObject,
  type PresignedUrlOptions,
  type PresignMethod,
  type PresignOptions,
} from "./presign/presign.ts";
import type { PostPolicy } from "../config/post_policy.ts";
import {
  abortMultipartUpload,
  type CompletedPart,
  completeMultipartUpload,
  createPresignedMultipartUpload,
  type CreatePresignedMultipartUploadOptions,
  listUploadedParts,
  type PresignedMultipartUpload,
  presignedUploadParts,
  type PresignedUploadPartsOptions,
} from "./upload/presigned_multipart.ts";
import type { UploadedPart } from "./upload/multipart.ts";
import { selectObjectContent, type SelectObjectContentOptions } from "./select/select_object.ts";
import type { SelectObjectReader } from "./select/reader.ts";
import type { SelectRequest } from "./select/request.ts";
import type { ComposeSource, CopySource } from "../config/copy_source.ts";
import {
  composeObject,
  type ComposeObjectOptions,
  copyObject,
  type CopyObjectOptions,
} from "./upload/copy_object.ts";
import type { VersioningConfig } from "../config/versioning.ts";
import type { NotificationConfig } from "../config/notification.ts";
import type { ObjectLockConfig } from "../config/object_lock.ts";
import type { SSEConfig } from "../config/encryption.ts";
import type { Retention } from "../config/retention.ts";
import type { Tags } from "../config/tags.ts";
import type { VersionOptions } from "./common/config_request.ts";
import { getBucketVersioning, setBucketVersioning } from "./bucket/bucket_versioning.ts";
import {
  deleteBucketNotification,
  getBucketNotification,
  setBucketNotification,
} from "./bucket/bucket_notification.ts";
import {
  listenBucketNotification,
  type ListenBucketNotificationOptions,
  type NotificationStream,
} from "./bucket/listen_bucket_notification.ts";
import {
  deleteObjectLockConfig,
  getObjectLockConfig,
  setObjectLockConfig,
} from "./bucket/bucket_object_lock.ts";
import {
  deleteBucketEncryption,
  getBucketEncryption,
  setBucketEncryption,
} from "./bucket/bucket_encryption.ts";
import { deleteBucketTags, getBucketTags, setBucketTags } from "./bucket/bucket_tags.ts";
import {
  type BucketPolicy,
  deleteBucketPolicy,
  getBucketPolicy,
  setBucketPolicy,
} from "./bucket/bucket_policy.ts";
import { getBucketLocation } from "./bucket/bucket_location.ts";
import { deleteObjectTags, getObjectTags, setObjectTags } from "./object/object_tags.ts";
import {
  getObjectRetention,
  setObjectRetention,
  type SetObjectRetentionOptions,
} from "./object/object_retention.ts";
import {
  disableObjectLegalHold,
  enableObjectLegalHold,
  isObjectLegalHoldEnabled,
} from "./object/object_legal_hold.ts";
import type { LifecycleConfig } from "../config/lifecycle.ts";
import {
  deleteBucketLifecycle,
  getBucketLifecycle,
  setBucketLifecycle,
} from "./bucket/bucket_lifecycle.ts";
import type { ReplicationConfig } from "../config/replication.ts";
import {
  deleteBucketReplication,
  getBucketReplication,
  setBucketReplication,
} from "./bucket/bucket_replication.ts";

/**
 * A MinIO / Amazon S3 client. Takes minio-js's constructor options; method
 * names are minio-py's in camelCase.
 *
 * @example
 * ```ts
 * import { Minio } from "@minio-edge/minio";
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * if (!(await client.bucketExists("photos"))) await client.makeBucket("photos");
 * await client.putObject("photos", "hello.txt", "Hello!");
 * console.log(await (await client.getObject("photos", "hello.txt")).text());
 * ```
 */
export class Minio extends MinioCore {
  /**
   * Creates a bucket, optionally in a region and with object locking.
   *
   * @example
   * ```ts
   * await client.makeBucket("photos", { objectLock: true });
   * ```
   */
  makeBucket(bucket: string, options?: MakeBucketOptions): Promise<void> {
    return makeBucket(this, bucket, options);
  }

  /**
   * Lists all buckets the credentials can see.
   *
   * @example
   * ```ts
   * for (const b of await client.listBuckets()) console.log(b.name, b.creationDate);
   * ```
   */
  listBuckets(options?: RequestOptions): Promise<BucketInfo[]> {
    return listBuckets(this, options);
  }

  /**
   * Whether a bucket exists.
   *
   * @example
   * ```ts
   * console.log(await client.bucketExists("photos"));
   * ```
   */
  bucketExists(bucket: string, options?: RequestOptions): Promise<boolean> {
    return bucketExists(this, bucket, options);
  }

  /**
   * Removes an empty bucket.
   *
   * @example
   * ```ts
   * await client.removeBucket("photos");
   * ```
   */
  removeBucket(bucket: string, options?: RequestOptions): Promise<void> {
    return removeBucket(this, bucket, options);
  }

  /**
   * Uploads an object from bytes, an ArrayBuffer, a Blob, a string, a
   * `ReadableStream` or an async iterable of `Uint8Array`. `size` is needed
   * for none of them; when given it must match. Bodies larger than one part
   * go up as a parallel multipart upload with bounded memory; `onProgress`
   * reports bytes as they are sent; `signal` cancels and aborts the upload
   * on the server.
   *
   * @example
   * ```ts
   * await client.putObject("photos", "notes.txt", "text", undefined, {
   *   contentType: "text/plain", metadata: { author: "me" },
   * });
   * const file = new Blob([new Uint8Array(64 * 1024 * 1024)]);
   * await client.putObject("photos", "big.bin", file.stream(), undefined, {
   *   onProgress: ({ loaded }) => console.log(loaded),
   * });
   * ```
   */
  putObject(
    bucket: string,
    name: string,
    body: UploadBody,
    size?: number,
    options?: PutObjectOptions,
  ): Promise<ObjectWriteResult> {
    return putObject(this, bucket, name, body, size, options);
  }

  /**
   * Downloads an object, or a range of it with `offset`/`length`.
   *
   * @example
   * ```ts
   * const res = await client.getObject("photos", "notes.txt", { offset: 0, length: 4 });
   * console.log(await res.text(), res.stat.size);
   * ```
   */
  getObject(bucket: string, name: string, options?: GetObjectOptions): Promise<ObjectResponse> {
    return getObject(this, bucket, name, options);
  }

  /**
   * Reads an object's properties and user metadata.
   *
   * @example
   * ```ts
   * const stat = await client.statObject("photos", "notes.txt");
   * console.log(stat.size, stat.etag, stat.metadata);
   * ```
   */
  statObject(bucket: string, name: string, options?: StatObjectOptions): Promise<ObjectStat> {
    return statObject(this, bucket, name, options);
  }

  /**
   * Downloads `length` bytes from `offset` (to the end without `length`);
   * minio-js's name for a ranged getObject.
   *
   * @example
   * ```ts
   * const res = await client.getPartialObject("photos", "big.bin", 1024, 4096);
   * console.log((await res.bytes()).length); // 4096
   * ```
   */
  getPartialObject(
    bucket: string,
    name: string,
    offset: number,
    length?: number,
    options?: GetObjectOptions,
  ): Promise<ObjectResponse> {
    return getPartialObject(this, bucket, name, offset, length, options);
  }

  /**
   * Uploads a file (Deno, Bun and Node); takes putObject's options.
   *
   * @example
   * ```ts
   * await client.fPutObject("photos", "holiday.jpg", "/tmp/holiday.jpg", {
   *   contentType: "image/jpeg",
   * });
   * ```
   */
  async fPutObject(
    bucket: string,
    name: string,
    filePath: string,
    options?: PutObjectOptions,
  ): Promise<ObjectWriteResult> {
    const { fPutObject } = await import("./file/file_object.ts");
    return fPutObject(this, bucket, name, filePath, options);
  }

  /**
   * Downloads an object into a file (Deno, Bun and Node). The data goes to a
   * temporary file first, renamed into place when complete.
   *
   * @example
   * ```ts
   * const stat = await client.fGetObject("photos", "holiday.jpg", "/tmp/copy.jpg");
   * console.log(stat.size);
   * ```
   */
  async fGetObject(
    bucket: string,
    name: string,
    filePath: string,
    options?: GetObjectOptions,
  ): Promise<ObjectStat> {
    const { fGetObject } = await import("./file/file_object.ts");
    return fGetObject(this, bucket, name, filePath, options);
  }

  /**
   * Removes an object, or one version of it.
   *
   * @example
   * ```ts
   * await client.removeObject("photos", "notes.txt");
   * ```
   */
  removeObject(bucket: string, name: string, options?: RemoveObjectOptions): Promise<void> {
    return removeObject(this, bucket, name, options);
  }

  /**
   * Lists multipart uploads that were started and not completed or aborted
   * (minio-js's name), optionally with the bytes each holds.
   *
   * @example
   * ```ts
   * for await (const u of client.listIncompleteUploads("photos", { recursive: true })) {
   *   console.log(u.name, u.uploadId, u.initiated);
   * }
   * ```
   */
  listIncompleteUploads(
    bucket: string,
    options?: ListIncompleteUploadsOptions,
  ): AsyncGenerator<IncompleteUpload, void, undefined> {
    return listIncompleteUploads(this, bucket, options);
  }

  /**
   * Aborts every incomplete multipart upload of an object, freeing its parts.
   *
   * @example
   * ```ts
   * await client.removeIncompleteUpload("photos", "big.bin");
   * ```
   */
  removeIncompleteUpload(bucket: string, name: string, options?: RequestOptions): Promise<void> {
    return removeIncompleteUpload(this, bucket, name, options);
  }

  /**
   * Lists objects as an async iterable; one level under `prefix` unless
   * `recursive`, where sub-prefixes come as `isDir` entries. ListObjectsV2
   * by default; `useApiV1` pages with the V1 marker; `includeVersion` lists
   * every version and delete marker (`versionId`, `isLatest`,
   * `isDeleteMarker`).
   *
   * @example
   * ```ts
   * for await (const o of client.listObjects("photos", { prefix: "2024/", recursive: true })) {
   *   console.log(o.name, o.size);
   * }
   * for await (const v of client.listObjects("photos", { includeVersion: true, recursive: true })) {
   *   console.log(v.name, v.versionId, v.isLatest, v.isDeleteMarker);
   * }
   * ```
   */
  listObjects(
    bucket: string,
    options?: ListObjectsOptions,
  ): AsyncGenerator<ObjectInfo, void, undefined> {
    return listObjects(this, bucket, options);
  }

  /**
   * Removes many objects (or versions) with DeleteObjects, 1000 per request,
   * and yields an error for each object not removed. The requests are sent
   * as the result is iterated, so iterate it to the end; the input is read
   * lazily and may be a listing.
   *
   * @example
   * ```ts
   * const names = ["a.txt", { name: "b.txt", versionId: "3f2c..." }];
   * for await (const e of client.removeObjects("photos", names)) {
   *   console.log("not removed:", e.name, e.code, e.message);
   * }
   * async function* old() {
   *   for await (const o of client.listObjects("photos", { prefix: "2019/", recursive: true })) {
   *     yield o.name;
   *   }
   * }
   * for await (const e of client.removeObjects("photos", old())) console.log(e);
   * ```
   */
  removeObjects(
    bucket: string,
    objects: DeleteObjectList,
    options?: RemoveObjectsOptions,
  ): AsyncGenerator<DeleteError, void, undefined> {
    return removeObjects(this, bucket, objects, options);
  }

  /**
   * Reads an object's ETag, checksums, size, storage class and (for a
   * multipart object) its parts, a page of `maxParts` after
   * `partNumberMarker`.
   *
   * @example
   * ```ts
   * const a = await client.getObjectAttributes("photos", "big.bin", { maxParts: 100 });
   * console.log(a.objectSize, a.objectParts?.partsCount, a.objectParts?.parts[0].size);
   * ```
   */
  getObjectAttributes(
    bucket: string,
    name: string,
    options?: GetObjectAttributesOptions,
  ): Promise<ObjectAttributes> {
    return getObjectAttributes(this, bucket, name, options);
  }

  /**
   * Writes one body (up to 16 MiB) as many objects in a single request, a
   * MinIO extension; each entry names an object with its own metadata and
   * tags. Returns the server's result per entry, with `error` for failures.
   *
   * @example
   * ```ts
   * const results = await client.putObjectFanOut("photos", "same bytes", [
   *   { key: "copies/a.txt", contentType: "text/plain" },
   *   { key: "copies/b.txt", metadata: { owner: "me" }, tags: { team: "x" } },
   * ]);
   * for (const r of results) console.log(r.key, r.etag ?? r.error);
   * ```
   */
  putObjectFanOut(
    bucket: string,
    body: FanOutBody,
    entries: FanOutEntry[],
    options?: PutObjectFanOutOptions,
  ): Promise<FanOutResult[]> {
    return putObjectFanOut(this, bucket, body, entries, options);
  }

  /**
   * Uploads many small objects in one PUT, a MinIO extension (minio-py
   * `upload_snowball_objects`): they are packed into a tar archive in
   * memory, gzipped with `compression`, and the server extracts it.
   *
   * @example
   * ```ts
   * await client.uploadSnowball("photos", [
   *   { name: "notes/a.txt", body: "A" },
   *   { name: "notes/b.txt", body: new Uint8Array([1, 2]), mtime: new Date("2024-01-01") },
   * ], { compression: true, prefix: "imported" });
   * ```
   */
  uploadSnowball(
    bucket: string,
    objects: Iterable<SnowballObject> | AsyncIterable<SnowballObject>,
    options?: UploadSnowballOptions,
  ): Promise<SnowballResult> {
    return uploadSnowball(this, bucket, objects, options);
  }

  /**
   * Appends to the end of an existing object (minio-py `append_object`),
   * for servers with appendable objects (S3 Express One Zone, MinIO
   * AIStor). The community MinIO server refuses it with an `S3Error`.
   *
   * @example
   * ```ts
   * const r = await client.appendObject("logs", "today.log", "one more line\n");
   * console.log(r.size);
   * ```
   */
  appendObject(
    bucket: string,
    name: string,
    body: UploadBody,
    options?: AppendObjectOptions,
  ): Promise<AppendObjectResult> {
    return appendObject(this, bucket, name, body, options);
  }

  /**
   * Asks a language model about an object (minio-py `prompt_object`) and
   * returns the response streaming its answer; MinIO AIStor only, the
   * community server refuses it with an `S3Error`.
   *
   * @example
   * ```ts
   * const res = await client.promptObject("docs", "report.pdf", "Summarize this", {
   *   lambdaArn: "arn:minio:s3-object-lambda::summarize:webhook",
   * });
   * console.log(await res.text());
   * ```
   */
  promptObject(
    bucket: string,
    name: string,
    prompt: string,
    options?: PromptObjectOptions,
  ): Promise<Response> {
    return promptObject(this, bucket, name, prompt, options);
  }

  /**
   * A presigned URL for any HTTP method on an object, valid for `expires`
   * seconds (default and maximum 7 days).
   *
   * @example
   * ```ts
   * const url = await client.getPresignedUrl("DELETE", "photos", "old.png", { expires: 3600 });
   * await fetch(url, { method: "DELETE" });
   * ```
   */
  getPresignedUrl(
    method: PresignMethod,
    bucket: string,
    name: string,
    options?: PresignedUrlOptions,
  ): Promise<string> {
    return getPresignedUrl(this, method, bucket, name, options);
  }

  /**
   * A presigned URL to download an object, optionally overriding response
   * headers such as `response-content-type`.
   *
   * @example
   * ```ts
   * const url = await client.presignedGetObject("photos", "cat.png", {
   *   expires: 600,
   *   responseHeaders: { "response-content-disposition": 'attachment; filename="cat.png"' },
   * });
   * const bytes = await (await fetch(url)).arrayBuffer();
   * ```
   */
  presignedGetObject(bucket: string, name: string, options?: PresignedUrlOptions): Promise<string> {
    return presignedGetObject(this, bucket, name, options);
  }

  /**
   * A presigned URL to upload an object with a plain `PUT`.
   *
   * @example
   * ```ts
   * const url = await client.presignedPutObject("photos", "upload.png", { expires: 600 });
   * await fetch(url, { method: "PUT", body: new Blob(["..."]) });
   * ```
   */
  presignedPutObject(bucket: string, name: string, options?: PresignOptions): Promise<string> {
    return presignedPutObject(this, bucket, name, options);
  }

  /**
   * Signs a {@link PostPolicy} for a browser form upload: returns the URL to
   * POST to and the form fields to send before the `file` field.
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
  presignedPostPolicy(
    policy: PostPolicy,
    options?: PresignedPostPolicyOptions,
  ): Promise<PostPolicyResult> {
    return presignedPostPolicy(this, policy, options);
  }

  /**
   * Starts a multipart upload of `size` bytes and presigns a PUT URL per
   * part, for a browser to upload a large file straight to S3 with
   * `uploadWithPresignedUrls`. The result is plain JSON; send it to the
   * browser as it is. Write options (contentType, metadata, tags, SSE-S3 /
   * SSE-KMS, ...) apply here; SSE-C is refused (the key would have to go to
   * the browser).
   *
   * @example
   * ```ts
   * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 200 * 1024 ** 2, {
   *   contentType: "video/mp4",
   *   expires: 3600,
   * });
   * console.log(plan.uploadId, plan.partSize, plan.parts.length); // ... 5242880 40
   * ```
   */
  createPresignedMultipartUpload(
    bucket: string,
    name: string,
    size: number,
    options?: CreatePresignedMultipartUploadOptions,
  ): Promise<PresignedMultipartUpload> {
    return createPresignedMultipartUpload(this, bucket, name, size, options);
  }

  /**
   * Presigns part URLs again for an upload that exists (when the first ones
   * expired before a resume), for all parts or only `partNumbers`. Pass the
   * `size` and `partSize` the upload was planned with.
   *
   * @example
   * ```ts
   * const fresh = await client.presignedUploadParts("videos", "cat.mp4", plan.uploadId, plan.size, {
   *   partSize: plan.partSize,
   *   expires: 3600,
   * });
   * ```
   */
  presignedUploadParts(
    bucket: string,
    name: string,
    uploadId: string,
    size: number,
    options?: PresignedUploadPartsOptions,
  ): Promise<PresignedMultipartUpload> {
    return presignedUploadParts(this, bucket, name, uploadId, size, options);
  }

  /**
   * The parts S3 already holds for a multipart upload, in part-number order:
   * what a resumed browser upload passes as `uploadedParts`.
   *
   * @example
   * ```ts
   * const done = await client.listUploadedParts("videos", "cat.mp4", plan.uploadId);
   * console.log(done.map((p) => p.partNumber));
   * ```
   */
  listUploadedParts(
    bucket: string,
    name: string,
    uploadId: string,
    options?: RequestOptions,
  ): Promise<UploadedPart[]> {
    return listUploadedParts(this, bucket, name, uploadId, options);
  }

  /**
   * Completes a multipart upload from its parts' numbers and ETags (in any
   * order, quoted or not), such as `uploadWithPresignedUrls` returns them.
   *
   * @example
   * ```ts
   * const { etag } = await client.completeMultipartUpload("videos", "cat.mp4", plan.uploadId, parts);
   * ```
   */
  completeMultipartUpload(
    bucket: string,
    name: string,
    uploadId: string,
    parts: readonly CompletedPart[],
    options?: RequestOptions,
  ): Promise<ObjectWriteResult> {
    return completeMultipartUpload(this, bucket, name, uploadId, parts, options);
  }

  /**
   * Aborts a multipart upload; the server discards the parts sent so far.
   *
   * @example
   * ```ts
   * await client.abortMultipartUpload("videos", "cat.mp4", plan.uploadId);
   * ```
   */
  abortMultipartUpload(
    bucket: string,
    name: string,
    uploadId: string,
    options?: RequestOptions,
  ): Promise<void> {
    return abortMultipartUpload(this, bucket, name, uploadId, options);
  }

  /**
   * Runs an S3 Select SQL expression over a CSV, JSON or Parquet object and
   * streams back the matching records. Iterate the result for the record
   * bytes, or read them whole with `text()`; `stats()` has the byte counts
   * once the records are read.
   *
   * @example
   * ```ts
   * import { CSVInputSerialization, CSVOutputSerialization, SelectRequest } from "@minio-edge/minio";
   * const result = await client.selectObjectContent("data", "people.csv", new SelectRequest(
   *   "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 30",
   *   new CSVInputSerialization({ fileHeaderInfo: "USE" }),
   *   new CSVOutputSerialization(),
   * ));
   * for await (const chunk of result) console.log(new TextDecoder().decode(chunk));
   * console.log(result.stats()); // { bytesScanned, bytesProcessed, bytesReturned }
   * ```
   */
  selectObjectContent(
    bucket: string,
    name: string,
    request: SelectRequest,
    options?: SelectObjectContentOptions,
  ): Promise<SelectObjectReader> {
    return selectObjectContent(this, bucket, name, request, options);
  }

  /**
   * Copies an object on the server (minio-py `copy_object`). New `metadata`,
   * `contentType` or `tags` replace the source's (directive `REPLACE`);
   * without them the source's are kept. A byte range of the source
   * (`offset`/`length`) or a source over 5 GiB is copied part by part as
   * {@link composeObject} does.
   *
   * @example
   * ```ts
   * import { CopySource, REPLACE } from "@minio-edge/minio";
   * await client.copyObject("backup", "cat.png", new CopySource("photos", "cat.png"));
   * await client.copyObject("photos", "cat-2.png", new CopySource("photos", "cat.png", {
   *   matchETag: "9b2cf535f27731c974343645a3985328",
   * }), { metadata: { reviewed: "yes" }, metadataDirective: REPLACE });
   * ```
   */
  copyObject(
    bucket: string,
    name: string,
    source: CopySource,
    options?: CopyObjectOptions,
  ): Promise<ObjectWriteResult> {
    return copyObject(this, bucket, name, source, options);
  }

  /**
   * Builds an object from other objects or byte ranges of them by
   * server-side copy (minio-py `compose_object`): a multipart upload of
   * UploadPartCopy parts, aborted on any failure. Every source but the last
   * must be at least 5 MiB.
   *
   * @example
   * ```ts
   * import { ComposeSource } from "@minio-edge/minio";
   * await client.composeObject("logs", "all.log", [
   *   new ComposeSource("logs", "day-1.log"),
   *   new ComposeSource("logs", "day-2.log", { offset: 0, length: 1024 }),
   * ], { contentType: "text/plain" });
   * ```
   */
  composeObject(
    bucket: string,
    name: string,
    sources: ComposeSource[],
    options?: ComposeObjectOptions,
  ): Promise<ObjectWriteResult> {
    return composeObject(this, bucket, name, sources, options);
  }

  /**
   * The region of a bucket: the client's fixed region, else the server's
   * answer to GetBucketLocation (cached per bucket).
   *
   * @example
   * ```ts
   * console.log(await client.getBucketLocation("photos")); // "us-east-1"
   * ```
   */
  getBucketLocation(bucket: string, options?: RequestOptions): Promise<string> {
    return getBucketLocation(this, bucket, options);
  }

  /**
   * Sets the versioning of a bucket (minio-py `set_bucket_versioning`),
   * with MinIO's excluded prefixes and excluded folders.
   *
   * @example
   * ```ts
   * import { ENABLED, SUSPENDED, VersioningConfig } from "@minio-edge/minio";
   * await client.setBucketVersioning("photos", new VersioningConfig(ENABLED, {
   *   excludedPrefixes: ["tmp/"],
   *   excludeFolders: true,
   * }));
   * await client.setBucketVersioning("photos", new VersioningConfig(SUSPENDED));
   * ```
   */
  setBucketVersioning(
    bucket: string,
    config: VersioningConfig,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketVersioning(this, bucket, config, options);
  }

  /**
   * Reads the versioning of a bucket (minio-py `get_bucket_versioning`);
   * `statusString` is `Off` for a bucket never versioned.
   *
   * @example
   * ```ts
   * const config = await client.getBucketVersioning("photos");
   * console.log(config.statusString, config.excludedPrefixes);
   * ```
   */
  getBucketVersioning(bucket: string, options?: RequestOptions): Promise<VersioningConfig> {
    return getBucketVersioning(this, bucket, options);
  }

  /**
   * Sets where a bucket's events go (minio-py `set_bucket_notification`),
   * replacing the previous configuration. The target ARNs must exist on the
   * server.
   *
   * @example
   * ```ts
   * import { NotificationConfig, PrefixFilterRule, QueueConfig } from "@minio-edge/minio";
   * await client.setBucketNotification("photos", new NotificationConfig({
   *   queueConfigList: [
   *     new QueueConfig("arn:minio:sqs::PRIMARY:webhook", ["s3:ObjectCreated:*"], {
   *       prefixFilterRule: new PrefixFilterRule("uploads/"),
   *     }),
   *   ],
   * }));
   * ```
   */
  setBucketNotification(
    bucket: string,
    config: NotificationConfig,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketNotification(this, bucket, config, options);
  }

  /**
   * Reads a bucket's notification configuration (minio-py
   * `get_bucket_notification`); empty when none is set.
   *
   * @example
   * ```ts
   * const config = await client.getBucketNotification("photos");
   * for (const q of config.queueConfigList) console.log(q.queue, q.events);
   * ```
   */
  getBucketNotification(bucket: string, options?: RequestOptions): Promise<NotificationConfig> {
    return getBucketNotification(this, bucket, options);
  }

  /**
   * Removes every notification target of a bucket (minio-py
   * `delete_bucket_notification`).
   *
   * @example
   * ```ts
   * await client.deleteBucketNotification("photos");
   * ```
   */
  deleteBucketNotification(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketNotification(this, bucket, options);
  }

  /**
   * Listens for a bucket's events (MinIO only; minio-py
   * `listen_bucket_notification`): an async iterable of event records over
   * one long-lived connection. `break`, `close()` or aborting `signal` closes
   * it. The request is sent on the first read or `ready()`.
   *
   * @example
   * ```ts
   * const ac = new AbortController();
   * const events = client.listenBucketNotification("photos", "uploads/", ".jpg", [
   *   "s3:ObjectCreated:*",
   * ], { signal: ac.signal });
   * for await (const record of events) {
   *   console.log(record.eventName, record.s3.object.key);
   * }
   * ```
   */
  listenBucketNotification(
    bucket: string,
    prefix?: string,
    suffix?: string,
    events?: readonly string[],
    options?: ListenBucketNotificationOptions,
  ): NotificationStream {
    return listenBucketNotification(this, bucket, prefix, suffix, events, options);
  }

  /**
   * Sets the default retention of an object-lock bucket (minio-py
   * `set_object_lock_config`).
   *
   * @example
   * ```ts
   * import { DAYS, GOVERNANCE, ObjectLockConfig } from "@minio-edge/minio";
   * await client.setObjectLockConfig("records", new ObjectLockConfig(GOVERNANCE, 30, DAYS));
   * ```
   */
  setObjectLockConfig(
    bucket: string,
    config: ObjectLockConfig,
    options?: RequestOptions,
  ): Promise<void> {
    return setObjectLockConfig(this, bucket, config, options);
  }

  /**
   * Reads the object-lock configuration of a bucket (minio-py
   * `get_object_lock_config`); a bucket without object lock is an
   * `S3Error`.
   *
   * @example
   * ```ts
   * const config = await client.getObjectLockConfig("records");
   * console.log(config.mode, config.duration, config.durationUnit);
   * ```
   */
  getObjectLockConfig(bucket: string, options?: RequestOptions): Promise<ObjectLockConfig> {
    return getObjectLockConfig(this, bucket, options);
  }

  /**
   * Removes the default retention of an object-lock bucket (minio-py
   * `delete_object_lock_config`); object lock itself stays on.
   *
   * @example
   * ```ts
   * await client.deleteObjectLockConfig("records");
   * ```
   */
  deleteObjectLockConfig(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteObjectLockConfig(this, bucket, options);
  }

  /**
   * Sets the default encryption of a bucket (minio-py
   * `set_bucket_encryption`).
   *
   * @example
   * ```ts
   * import { SSEConfig, SSERule } from "@minio-edge/minio";
   * await client.setBucketEncryption("photos", new SSEConfig(SSERule.newSseS3Rule()));
   * await client.setBucketEncryption("secrets", new SSEConfig(SSERule.newSseKmsRule("my-key")));
   * ```
   */
  setBucketEncryption(bucket: string, config: SSEConfig, options?: RequestOptions): Promise<void> {
    return setBucketEncryption(this, bucket, config, options);
  }

  /**
   * Reads the default encryption of a bucket (minio-py
   * `get_bucket_encryption`); `null` when none is set.
   *
   * @example
   * ```ts
   * const config = await client.getBucketEncryption("photos");
   * console.log(config?.rule.sseAlgorithm ?? "none");
   * ```
   */
  getBucketEncryption(bucket: string, options?: RequestOptions): Promise<SSEConfig | null> {
    return getBucketEncryption(this, bucket, options);
  }

  /**
   * Removes the default encryption of a bucket (minio-py
   * `delete_bucket_encryption`); succeeds when none is set.
   *
   * @example
   * ```ts
   * await client.deleteBucketEncryption("photos");
   * ```
   */
  deleteBucketEncryption(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketEncryption(this, bucket, options);
  }

  /**
   * Replaces the tags of a bucket, at most 50 (minio-py `set_bucket_tags`).
   *
   * @example
   * ```ts
   * import { Tags } from "@minio-edge/minio";
   * await client.setBucketTags("photos", Tags.newBucketTags().set("project", "edge"));
   * await client.setBucketTags("photos", { project: "edge", owner: "me" });
   * ```
   */
  setBucketTags(
    bucket: string,
    tags: Tags | Record<string, string>,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketTags(this, bucket, tags, options);
  }

  /**
   * Reads the tags of a bucket (minio-py `get_bucket_tags`); `null` when it
   * has none.
   *
   * @example
   * ```ts
   * const tags = await client.getBucketTags("photos");
   * console.log(tags?.get("project"));
   * ```
   */
  getBucketTags(bucket: string, options?: RequestOptions): Promise<Tags | null> {
    return getBucketTags(this, bucket, options);
  }

  /**
   * Removes every tag of a bucket (minio-py `delete_bucket_tags`).
   *
   * @example
   * ```ts
   * await client.deleteBucketTags("photos");
   * ```
   */
  deleteBucketTags(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketTags(this, bucket, options);
  }

  /**
   * Sets a bucket's policy from JSON text or a policy object (minio-py
   * `set_bucket_policy`); the JSON is checked before sending.
   *
   * @example
   * ```ts
   * await client.setBucketPolicy("photos", {
   *   Version: "2012-10-17",
   *   Statement: [{
   *     Effect: "Allow",
   *     Principal: { AWS: ["*"] },
   *     Action: ["s3:GetObject"],
   *     Resource: ["arn:aws:s3:::photos/public/*"],
   *   }],
   * });
   * ```
   */
  setBucketPolicy(
    bucket: string,
    policy: string | BucketPolicy,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketPolicy(this, bucket, policy, options);
  }

  /**
   * A bucket's policy as JSON text (minio-py `get_bucket_policy`); a bucket
   * without one is an `S3Error` with code `NoSuchBucketPolicy`.
   *
   * @example
   * ```ts
   * import type { BucketPolicy } from "@minio-edge/minio";
   * const policy: BucketPolicy = JSON.parse(await client.getBucketPolicy("photos"));
   * console.log(policy.Statement.length);
   * ```
   */
  getBucketPolicy(bucket: string, options?: RequestOptions): Promise<string> {
    return getBucketPolicy(this, bucket, options);
  }

  /**
   * Removes a bucket's policy (minio-py `delete_bucket_policy`).
   *
   * @example
   * ```ts
   * await client.deleteBucketPolicy("photos");
   * ```
   */
  deleteBucketPolicy(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketPolicy(this, bucket, options);
  }

  /**
   * Replaces the tags of an object (or of one version), at most 10
   * (minio-py `set_object_tags`).
   *
   * @example
   * ```ts
   * await client.setObjectTags("photos", "cat.png", { reviewed: "yes" });
   * await client.setObjectTags("photos", "cat.png", { old: "true" }, { versionId: "3f2c..." });
   * ```
   */
  setObjectTags(
    bucket: string,
    name: string,
    tags: Tags | Record<string, string>,
    options?: VersionOptions,
  ): Promise<void> {
    return setObjectTags(this, bucket, name, tags, options);
  }

  /**
   * Reads the tags of an object or one version (minio-py `get_object_tags`).
   *
   * @example
   * ```ts
   * const tags = await client.getObjectTags("photos", "cat.png");
   * console.log(Object.fromEntries(tags ?? []));
   * ```
   */
  getObjectTags(bucket: string, name: string, options?: VersionOptions): Promise<Tags | null> {
    return getObjectTags(this, bucket, name, options);
  }

  /**
   * Removes every tag of an object or one version (minio-py
   * `delete_object_tags`).
   *
   * @example
   * ```ts
   * await client.deleteObjectTags("photos", "cat.png");
   * ```
   */
  deleteObjectTags(bucket: string, name: string, options?: VersionOptions): Promise<void> {
    return deleteObjectTags(this, bucket, name, options);
  }

  /**
   * Sets the retention of an object version in an object-lock bucket
   * (minio-py `set_object_retention`); `governanceBypass` allows shortening
   * a `GOVERNANCE` retention.
   *
   * @example
   * ```ts
   * import { GOVERNANCE, Retention } from "@minio-edge/minio";
   * const until = new Date(Date.now() + 7 * 24 * 3600 * 1000);
   * await client.setObjectRetention("records", "report.pdf", new Retention(GOVERNANCE, until));
   * ```
   */
  setObjectRetention(
    bucket: string,
    name: string,
    config: Retention,
    options?: SetObjectRetentionOptions,
  ): Promise<void> {
    return setObjectRetention(this, bucket, name, config, options);
  }

  /**
   * Reads the retention of an object version (minio-py
   * `get_object_retention`); `null` when it has none.
   *
   * @example
   * ```ts
   * const r = await client.getObjectRetention("records", "report.pdf");
   * console.log(r?.mode, r?.retainUntilDate);
   * ```
   */
  getObjectRetention(
    bucket: string,
    name: string,
    options?: VersionOptions,
  ): Promise<Retention | null> {
    return getObjectRetention(this, bucket, name, options);
  }

  /**
   * Puts an object version under legal hold (minio-py
   * `enable_object_legal_hold`).
   *
   * @example
   * ```ts
   * await client.enableObjectLegalHold("records", "report.pdf");
   * ```
   */
  enableObjectLegalHold(bucket: string, name: string, options?: VersionOptions): Promise<void> {
    return enableObjectLegalHold(this, bucket, name, options);
  }

  /**
   * Lifts the legal hold of an object version (minio-py
   * `disable_object_legal_hold`).
   *
   * @example
   * ```ts
   * await client.disableObjectLegalHold("records", "report.pdf", { versionId: "3f2c..." });
   * ```
   */
  disableObjectLegalHold(bucket: string, name: string, options?: VersionOptions): Promise<void> {
    return disableObjectLegalHold(this, bucket, name, options);
  }

  /**
   * Whether an object version is under legal hold (minio-py
   * `is_object_legal_hold_enabled`).
   *
   * @example
   * ```ts
   * console.log(await client.isObjectLegalHoldEnabled("records", "report.pdf"));
   * ```
   */
  isObjectLegalHoldEnabled(
    bucket: string,
    name: string,
    options?: VersionOptions,
  ): Promise<boolean> {
    return isObjectLegalHoldEnabled(this, bucket, name, options);
  }

  /**
   * Replaces the lifecycle configuration of a bucket (minio-py
   * `set_bucket_lifecycle`). MinIO ignores `AbortIncompleteMultipartUpload`
   * and needs a configured tier for a transition's storage class.
   *
   * @example
   * ```ts
   * import { ENABLED, Expiration, Filter, LifecycleConfig, LifecycleRule } from "@minio-edge/minio";
   * await client.setBucketLifecycle("logs", new LifecycleConfig([
   *   new LifecycleRule(ENABLED, {
   *     ruleId: "expire-tmp",
   *     ruleFilter: new Filter({ prefix: "tmp/" }),
   *     expiration: new Expiration({ days: 7 }),
   *   }),
   * ]));
   * ```
   */
  setBucketLifecycle(
    bucket: string,
    config: LifecycleConfig,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketLifecycle(this, bucket, config, options);
  }

  /**
   * Reads the lifecycle configuration of a bucket; `null` when it has none
   * (minio-py `get_bucket_lifecycle`).
   *
   * @example
   * ```ts
   * const config = await client.getBucketLifecycle("logs");
   * for (const rule of config?.rules ?? []) console.log(rule.ruleId, rule.expiration?.days);
   * ```
   */
  getBucketLifecycle(bucket: string, options?: RequestOptions): Promise<LifecycleConfig | null> {
    return getBucketLifecycle(this, bucket, options);
  }

  /**
   * Removes the lifecycle configuration of a bucket (minio-py
   * `delete_bucket_lifecycle`).
   *
   * @example
   * ```ts
   * await client.deleteBucketLifecycle("logs");
   * ```
   */
  deleteBucketLifecycle(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketLifecycle(this, bucket, options);
  }

  /**
   * Replaces the replication configuration of a bucket (minio-py
   * `set_bucket_replication`). The bucket must be versioned; on MinIO each
   * destination ARN names a remote target set up with the admin API.
   *
   * @example
   * ```ts
   * import {
   *   DeleteMarkerReplication, Destination, ENABLED, Filter, ReplicationConfig, ReplicationRule,
   * } from "@minio-edge/minio";
   * await client.setBucketReplication("photos", new ReplicationConfig("", [
   *   new ReplicationRule(ENABLED, new Destination("arn:minio:replication::c5be6b16:backup"), {
   *     ruleId: "all",
   *     priority: 1,
   *     ruleFilter: new Filter({ prefix: "" }),
   *     deleteMarkerReplication: new DeleteMarkerReplication(),
   *   }),
   * ]));
   * ```
   */
  setBucketReplication(
    bucket: string,
    config: ReplicationConfig,
    options?: RequestOptions,
  ): Promise<void> {
    return setBucketReplication(this, bucket, config, options);
  }

  /**
   * Reads the replication configuration of a bucket; `null` when it has
   * none (minio-py `get_bucket_replication`).
   *
   * @example
   * ```ts
   * const config = await client.getBucketReplication("photos");
   * console.log(config?.rules.map((r) => r.destination.bucketArn));
   * ```
   */
  getBucketReplication(
    bucket: string,
    options?: RequestOptions,
  ): Promise<ReplicationConfig | null> {
    return getBucketReplication(this, bucket, options);
  }

  /**
   * Removes the replication configuration of a bucket (minio-py
   * `delete_bucket_replication`); on MinIO also the bucket's remote
   * targets. A bucket without one is left as it is.
   *
   * @example
   * ```ts
   * await client.deleteBucketReplication("photos");
   * ```
   */
  deleteBucketReplication(bucket: string, options?: RequestOptions): Promise<void> {
    return deleteBucketReplication(this, bucket, options);
  }
}

/**
 * The same class as {@link Minio}, under minio-js's name.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio";
 * const client = new Client({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * await client.makeBucket("photos");
 * ```
 */
export const Client: typeof Minio = Minio;

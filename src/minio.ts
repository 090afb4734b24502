/**
 * The S3 client: {@link MinioCore} plus every operation as a method.
 *
 * @module
 */

import { MinioCore, type RequestOptions } from "./core.ts";
import type { UploadBody } from "./upload/part_source.ts";
import {
  bucketExists,
  type BucketInfo,
  listBuckets,
  makeBucket,
  type MakeBucketOptions,
  removeBucket,
} from "./ops/bucket.ts";
import {
  getObject,
  type GetObjectOptions,
  getPartialObject,
  type ObjectResponse,
  statObject,
  type StatObjectOptions,
} from "./ops/get_object.ts";
import { listObjects, type ListObjectsOptions, type ObjectInfo } from "./ops/list_objects.ts";
import type { ObjectStat } from "./ops/object_headers.ts";
import { type ObjectWriteResult, putObject, type PutObjectOptions } from "./ops/put_object.ts";
import { removeObject, type RemoveObjectOptions } from "./ops/remove_object.ts";
import {
  type IncompleteUpload,
  listIncompleteUploads,
  type ListIncompleteUploadsOptions,
  removeIncompleteUpload,
} from "./ops/incomplete_uploads.ts";
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
} from "./ops/presign.ts";
import type { PostPolicy } from "./post_policy.ts";
import { selectObjectContent, type SelectObjectContentOptions } from "./ops/select_object.ts";
import type { SelectObjectReader } from "./select/reader.ts";
import type { SelectRequest } from "./select/request.ts";

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
    const { fPutObject } = await import("./ops/file_object.ts");
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
    const { fGetObject } = await import("./ops/file_object.ts");
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
   * `recursive`, where sub-prefixes come as `isDir` entries.
   *
   * @example
   * ```ts
   * for await (const o of client.listObjects("photos", { prefix: "2024/", recursive: true })) {
   *   console.log(o.name, o.size);
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
}

/** The same class as {@link Minio}, under minio-js's name. */
export const Client: typeof Minio = Minio;

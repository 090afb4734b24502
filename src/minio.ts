/**
 * The S3 client: {@link MinioCore} plus every operation as a method.
 *
 * @module
 */

import { MinioCore, type RequestOptions } from "./core.ts";
import type { BufferableBody } from "./internal/body.ts";
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
  type ObjectResponse,
  statObject,
  type StatObjectOptions,
} from "./ops/get_object.ts";
import { listObjects, type ListObjectsOptions, type ObjectInfo } from "./ops/list_objects.ts";
import type { ObjectStat } from "./ops/object_headers.ts";
import { type ObjectWriteResult, putObject, type PutObjectOptions } from "./ops/put_object.ts";
import { removeObject, type RemoveObjectOptions } from "./ops/remove_object.ts";

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
   * Uploads an object from bytes, an ArrayBuffer, a Blob or a string.
   * `size`, when given, must match the body's length.
   *
   * @example
   * ```ts
   * await client.putObject("photos", "notes.txt", "text", undefined, {
   *   contentType: "text/plain", metadata: { author: "me" },
   * });
   * ```
   */
  putObject(
    bucket: string,
    name: string,
    body: BufferableBody,
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
}

/** The same class as {@link Minio}, under minio-js's name. */
export const Client: typeof Minio = Minio;

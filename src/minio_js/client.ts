/**
 * minio-js 8's `Client`, part 3 (parts 1 and 2 are base_client.ts and
 * config_client.ts): incomplete
 * uploads, legal hold and retention, the `remove*` configuration calls,
 * the low-level multipart calls, POST policies and `extensions`.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkMethods } from "../base/shape.ts";
import { CLIENT_SHAPES } from "./shapes.ts";
import { Retention } from "../config/retention.ts";
import type { RetentionMode } from "../config/common.ts";
import { deleteBucketEncryption } from "../s3/bucket/bucket_encryption.ts";
import { deleteBucketLifecycle } from "../s3/bucket/bucket_lifecycle.ts";
import { deleteBucketNotification } from "../s3/bucket/bucket_notification.ts";
import { deleteBucketReplication } from "../s3/bucket/bucket_replication.ts";
import { listObjects } from "../s3/list/list_objects.ts";
import {
  disableObjectLegalHold,
  enableObjectLegalHold,
  isObjectLegalHoldEnabled,
} from "../s3/object/object_legal_hold.ts";
import { getObjectRetention, setObjectRetention } from "../s3/object/object_retention.ts";
import { listIncompleteUploads } from "../s3/upload/incomplete_uploads.ts";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  uploadPart,
} from "../s3/upload/multipart.ts";
import { presignedPostPolicy } from "../s3/presign/presign.ts";
import { composeObject, copyObject } from "../s3/upload/copy_object.ts";
import { ComposeSource, CopySource } from "../config/copy_source.ts";
import { bodyBytes } from "../s3/upload/body_bytes.ts";
import { coreOf, only, VERSION_ONLY } from "./base_client.ts";
import { ConfigClient } from "./config_client.ts";
import { PostPolicy } from "./post_policy.ts";
import {
  type EncryptionConfig,
  encryptionConfig,
  lockInfo,
  type ObjectLockInfo,
  setEncryption,
  setLock,
} from "./configs.ts";
import type { RetentionDurationUnit } from "../config/object_lock.ts";
import { CopyConditions, CopyDestinationOptions, CopySourceOptions } from "./copy.ts";
import { type NodeReadable, objectStream } from "./streams.ts";

/**
 * An entry of `extensions.listObjectsV2WithMetadata`: a listed object with
 * its user metadata (MinIO).
 *
 * @example
 * ```ts
 * import { Client, type BucketItemWithMetadata } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * client.extensions.listObjectsV2WithMetadata("photos", "", true, "")
 *   .on("data", (o) => console.log((o as BucketItemWithMetadata).metadata));
 * ```
 */
export interface BucketItemWithMetadata {
  /** Object name. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** ETag without quotes. */
  etag?: string;
  /** Last modification time. */
  lastModified?: Date;
  /** User metadata as the server lists it. */
  metadata: Record<string, string>;
}

/**
 * minio-js 8's `Client`, for code written against minio-js: the same
 * method names, argument orders and results. Imported from
 * `@minio-edge/minio/minio-js`; new code should use `Minio`.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.makeBucket("photos", "us-east-1");
 * await client.putObject("photos", "a.txt", "hello", undefined, { "Content-Type": "text/plain" });
 * const url = await client.presignedGetObject("photos", "a.txt", 3600);
 * ```
 */
export class Client extends ConfigClient {
  /** minio-js's MinIO extensions: `listObjectsV2WithMetadata`. */
  get extensions(): {
    listObjectsV2WithMetadata(
      bucket: string,
      prefix?: string,
      recursive?: boolean,
      startAfter?: string,
    ): NodeReadable | ReadableStream<BucketItemWithMetadata>;
  } {
    const core = coreOf(this);
    return {
      listObjectsV2WithMetadata(bucket, prefix = "", recursive = false, startAfter = "") {
        const all = listObjects(core, bucket, {
          prefix,
          recursive,
          startAfter: startAfter || undefined,
          includeUserMetadata: true,
        });
        return objectStream((async function* () {
          for await (const o of all) {
            if (o.isDir) continue;
            yield {
              name: o.name,
              size: o.size,
              etag: o.etag,
              lastModified: o.lastModified,
              metadata: o.metadata ?? {},
            };
          }
        })());
      },
    };
  }

  /** A stream of the incomplete uploads under `prefix`: `{ key, uploadId, size }`. */
  listIncompleteUploads(
    bucket: string,
    prefix = "",
    recursive = false,
  ): NodeReadable | ReadableStream<{ key: string; uploadId: string; size: number }> {
    const all = listIncompleteUploads(coreOf(this), bucket, { prefix, recursive });
    return objectStream((async function* () {
      for await (const u of all) {
        if (!u.isDir) yield { key: u.name, uploadId: u.uploadId, size: u.size ?? 0 };
      }
    })());
  }

  /** `{ status: "ON" | "OFF" }` of the object's legal hold. */
  async getObjectLegalHold(
    bucket: string,
    name: string,
    getOpts?: { versionId?: string },
  ): Promise<{ status: "ON" | "OFF" }> {
    const options = only(getOpts, VERSION_ONLY, "getOpts");
    const on = await isObjectLegalHoldEnabled(coreOf(this), bucket, name, options);
    return { status: on ? "ON" : "OFF" };
  }

  /** Turns the object's legal hold on or off (`{ status, versionId }`, default on). */
  async setObjectLegalHold(
    bucket: string,
    name: string,
    setOpts?: { status?: "ON" | "OFF"; versionId?: string },
  ): Promise<void> {
    const { status = "ON", versionId } = only(setOpts, ["status", "versionId"], "setOpts");
    if (status !== "ON" && status !== "OFF") {
      throw new InvalidArgumentError(`setOpts.status must be "ON" or "OFF"`);
    }
    const set = status === "ON" ? enableObjectLegalHold : disableObjectLegalHold;
    await set(coreOf(this), bucket, name, { versionId });
  }

  /** Sets the object's retention: `{ mode, retainUntilDate, governanceBypass, versionId }`. */
  async putObjectRetention(
    bucket: string,
    name: string,
    retentionOpts: {
      mode: RetentionMode;
      retainUntilDate: Date | string;
      governanceBypass?: boolean;
      versionId?: string;
    },
  ): Promise<void> {
    const { mode, retainUntilDate, governanceBypass, versionId } = only(
      retentionOpts,
      ["mode", "retainUntilDate", "governanceBypass", "versionId"],
      "retentionOpts",
    );
    const until = retainUntilDate instanceof Date ? retainUntilDate : new Date(retainUntilDate);
    await setObjectRetention(coreOf(this), bucket, name, new Retention(mode, until), {
      governanceBypass,
      versionId,
    });
  }

  /** `{ mode, retainUntilDate }` of the object's retention, or `null`. */
  async getObjectRetention(
    bucket: string,
    name: string,
    getOpts?: { versionId?: string },
  ): Promise<{ mode: RetentionMode; retainUntilDate: Date } | null> {
    const options = only(getOpts, VERSION_ONLY, "getOpts");
    const r = await getObjectRetention(coreOf(this), bucket, name, options);
    return r && { mode: r.mode, retainUntilDate: r.retainUntilDate };
  }

  /** The bucket's object-lock configuration: `{ objectLockEnabled, mode, unit, validity }`. */
  getObjectLockConfig(bucket: string): Promise<ObjectLockInfo> {
    return lockInfo(coreOf(this), bucket);
  }

  /** Sets the default retention: `{ mode, unit, validity }`, or `{}` for none. */
  setObjectLockConfig(
    bucket: string,
    lockConfigOpts: { mode?: RetentionMode; unit?: RetentionDurationUnit; validity?: number },
  ): Promise<void> {
    return setLock(coreOf(this), bucket, lockConfigOpts);
  }

  /** Sets default encryption (`{ Rule: [{ ApplyServerSideEncryptionByDefault }] }`; default AES256). */
  setBucketEncryption(bucket: string, encryptionConfig?: EncryptionConfig): Promise<void> {
    return setEncryption(coreOf(this), bucket, encryptionConfig);
  }

  /** The default encryption in minio-js's form, or `null` when none is set. */
  getBucketEncryption(bucket: string): Promise<EncryptionConfig | null> {
    return encryptionConfig(coreOf(this), bucket);
  }

  /** Removes every notification of the bucket. */
  removeAllBucketNotification(bucket: string): Promise<void> {
    return deleteBucketNotification(coreOf(this), bucket);
  }

  /** Removes the bucket's lifecycle configuration. */
  removeBucketLifecycle(bucket: string): Promise<void> {
    return deleteBucketLifecycle(coreOf(this), bucket);
  }

  /** Removes the bucket's default encryption. */
  removeBucketEncryption(bucket: string): Promise<void> {
    return deleteBucketEncryption(coreOf(this), bucket);
  }

  /** Removes the bucket's replication configuration. */
  removeBucketReplication(bucket: string): Promise<void> {
    return deleteBucketReplication(coreOf(this), bucket);
  }

  /** Starts a multipart upload with these request headers; its upload id. */
  initiateNewMultipartUpload(
    bucket: string,
    name: string,
    headers: Record<string, string>,
  ): Promise<string> {
    return createMultipartUpload(coreOf(this), bucket, name, headers ?? {});
  }

  /** Sends one part; `{ etag }`. */
  async uploadPart(
    partConfig: {
      bucketName: string;
      objectName: string;
      uploadID: string;
      partNumber: number;
      headers?: Record<string, string>;
    },
    payload: Uint8Array | string,
  ): Promise<{ etag: string; key: string; part: number }> {
    const { bucketName, objectName, uploadID, partNumber, headers = {} } = only(
      partConfig,
      ["bucketName", "objectName", "uploadID", "partNumber", "headers"],
      "partConfig",
    );
    const bytes = bodyBytes(payload);
    if (!bytes) {
      throw new InvalidArgumentError("payload must be bytes (a Buffer or Uint8Array) or a string");
    }
    const etag = await uploadPart(
      coreOf(this),
      bucketName,
      objectName,
      uploadID,
      partNumber,
      bytes,
      headers,
    );
    return { etag, key: objectName, part: partNumber };
  }

  /** The id of the newest incomplete upload of exactly this object, if any. */
  async findUploadId(bucket: string, name: string): Promise<string | undefined> {
    let latest: { id: string; at: number } | undefined;
    for await (
      const u of listIncompleteUploads(coreOf(this), bucket, { prefix: name, recursive: true })
    ) {
      const at = u.initiated?.getTime() ?? 0;
      if (u.name === name && (!latest || at >= latest.at)) latest = { id: u.uploadId, at };
    }
    return latest?.id;
  }

  /** Completes an upload from its parts (`[{ part, etag }]`); `{ etag, versionId }`. */
  async completeMultipartUpload(
    bucket: string,
    name: string,
    uploadId: string,
    etags: { part: number; etag?: string }[],
  ): Promise<{ etag: string; versionId: string | null }> {
    if (!Array.isArray(etags)) {
      throw new InvalidArgumentError("etags must be an array of { part, etag }");
    }
    const parts = etags.map(({ part, etag }) => ({
      partNumber: part,
      etag: (etag ?? "").replace(/"/g, ""),
    }));
    const r = await completeMultipartUpload(coreOf(this), bucket, name, uploadId, parts);
    return { etag: r.etag, versionId: r.versionId ?? null };
  }

  /** Aborts an upload. */
  abortMultipartUpload(bucket: string, name: string, uploadId: string): Promise<void> {
    return abortMultipartUpload(coreOf(this), bucket, name, uploadId);
  }

  /**
   * Copies an object, in either of minio-js's forms:
   * `copyObject(source: CopySourceOptions, dest: CopyDestinationOptions)`
   * answers `{ Bucket, Key, Etag, VersionId, SourceVersionId }`;
   * `copyObject(bucket, name, "/srcBucket/srcName", conditions?)` answers
   * `{ etag, versionId }`.
   */
  async copyObject(
    ...args:
      | [CopySourceOptions, CopyDestinationOptions]
      | [string, string, string, CopyConditions?]
  ): Promise<Record<string, string | null | undefined>> {
    const core = coreOf(this);
    if (args[0] instanceof CopySourceOptions) {
      const [source, dest] = args as [CopySourceOptions, CopyDestinationOptions];
      if (args.length !== 2 || !(dest instanceof CopyDestinationOptions)) {
        throw new InvalidArgumentError("copyObject(source, dest) takes a CopyDestinationOptions");
      }
      const r = await copyObject(core, dest.bucket, dest.object, source.source, dest.options);
      return {
        Bucket: r.bucket,
        Key: r.name,
        Etag: r.etag,
        VersionId: r.versionId ?? null,
        SourceVersionId: r.headers.get("x-amz-copy-source-version-id"),
      };
    }
    const [bucket, name, from, conditions] = args as [string, string, string, CopyConditions?];
    if (typeof from !== "string" || !from.includes("/")) {
      throw new InvalidArgumentError(`sourceObject must be "/bucket/object" (got ${typeof from})`);
    }
    if (conditions !== undefined && !(conditions instanceof CopyConditions)) {
      throw new InvalidArgumentError("conditions must be a CopyConditions");
    }
    const path = from.replace(/^\//, "");
    const slash = path.indexOf("/");
    const source = new CopySource(path.slice(0, slash), path.slice(slash + 1), {
      matchETag: conditions?.matchETag,
      notMatchETag: conditions?.matchETagExcept,
      modifiedSince: conditions?.modified,
      unmodifiedSince: conditions?.unmodified,
    });
    const r = await copyObject(core, bucket, name, source);
    return { etag: r.etag, versionId: r.versionId ?? null };
  }

  /** Makes `destObjConfig`'s object from the sources, in order (server-side). */
  async composeObject(
    destObjConfig: CopyDestinationOptions,
    sourceObjList: CopySourceOptions[],
  ): Promise<{ bucket: string; name: string; etag: string; versionId: string | null }> {
    if (!(destObjConfig instanceof CopyDestinationOptions)) {
      throw new InvalidArgumentError("destObjConfig must be a CopyDestinationOptions");
    }
    if (
      !Array.isArray(sourceObjList) || sourceObjList.some((s) => !(s instanceof CopySourceOptions))
    ) {
      throw new InvalidArgumentError("sourceObjList must be an array of CopySourceOptions");
    }
    // The tagging directive is the adapter's own (set with UserTags); a composed object's tags are its own anyway.
    const { metadataDirective, taggingDirective: _, ...options } = destObjConfig.options;
    if (metadataDirective !== undefined) {
      throw new InvalidArgumentError(
        "composeObject takes no MetadataDirective: the result has UserMetadata",
      );
    }
    const r = await composeObject(
      coreOf(this),
      destObjConfig.bucket,
      destObjConfig.object,
      sourceObjList.map((s) => ComposeSource.of(s.source)),
      options,
    );
    return { bucket: r.bucket, name: r.name, etag: r.etag, versionId: r.versionId ?? null };
  }

  /** A new, empty {@link PostPolicy} to fill with its setters. */
  newPostPolicy(): PostPolicy {
    return new PostPolicy();
  }

  /** Signs the policy: `{ postURL, formData }` for a browser form POST. */
  async presignedPostPolicy(
    postPolicy: PostPolicy,
  ): Promise<{ postURL: string; formData: Record<string, string> }> {
    if (!(postPolicy instanceof PostPolicy)) {
      throw new InvalidArgumentError("postPolicy must come from newPostPolicy()");
    }
    const { url, formData } = await presignedPostPolicy(coreOf(this), postPolicy.build());
    return { postURL: url, formData: { ...formData } };
  }
}

checkMethods(Client.prototype, CLIENT_SHAPES);

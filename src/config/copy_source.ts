/**
 * The source of a server-side copy, as minio-py's `commonconfig` names it:
 * {@link CopySource} for `copyObject`, {@link ComposeSource} for
 * `composeObject`. Both name an object (optionally a version and a byte
 * range), its SSE-C key, and the conditions the copy depends on.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptions } from "../base/shape.ts";
import {
  checkBucketName,
  checkObjectName,
  checkOptionalDate,
  checkOptionalInteger,
  checkOptionalString,
} from "../base/validate.ts";
import { uriEncode, uriEncodePath } from "../signer/encode.ts";
import type { SseCustomerKey } from "./sse.ts";
import { customerKeyHeaders } from "./sse_check.ts";

/**
 * Options of a {@link CopySource} or {@link ComposeSource}.
 *
 * @example
 * ```ts
 * import { CopySource, type CopySourceOptions } from "@minio-edge/minio";
 * const options: CopySourceOptions = {
 *   versionId: "b9d6e2a0-4c1f-4f7e-9c1a-2f0e8d3b7a55",
 *   offset: 0,
 *   length: 1024 * 1024,
 *   unmodifiedSince: new Date("2024-06-01T00:00:00Z"),
 * };
 * const source = new CopySource("photos", "cat.png", options);
 * ```
 */
export interface CopySourceOptions {
  /** A specific version of the source. */
  versionId?: string;
  /** The key the source is encrypted with (SSE-C). */
  ssec?: SseCustomerKey;
  /** First byte to copy (default 0). */
  offset?: number;
  /** Bytes to copy from `offset` (default: to the end); at least 1. */
  length?: number;
  /** Copy only if the source's ETag matches. */
  matchETag?: string;
  /** Copy only if the source's ETag differs. */
  notMatchETag?: string;
  /** Copy only if the source was modified since. */
  modifiedSince?: Date;
  /** Copy only if the source was not modified since. */
  unmodifiedSince?: Date;
}

function checkETag(value: unknown, what: string): void {
  checkOptionalString(value, what);
  if (value === "") throw new InvalidArgumentError(`${what} must not be empty`);
}

/**
 * An object to copy from, checked when built.
 *
 * @example
 * ```ts
 * import { CopySource } from "@minio-edge/minio";
 * const src = new CopySource("photos", "2024/cat.png", {
 *   matchETag: "9b2cf535f27731c974343645a3985328",
 *   modifiedSince: new Date("2024-01-01T00:00:00Z"),
 * });
 * console.log(src.copyHeaders()["x-amz-copy-source"]); // "/photos/2024/cat.png"
 * ```
 */
export class CopySource {
  /** Bucket of the source. */
  readonly bucket: string;
  /** Name of the source object. */
  readonly object: string;
  /** A specific version of the source. */
  readonly versionId?: string;
  /** The SSE-C key of the source. */
  readonly ssec?: SseCustomerKey;
  /** First byte to copy. */
  readonly offset?: number;
  /** Bytes to copy from `offset`. */
  readonly length?: number;
  /** Copy only if the source's ETag matches. */
  readonly matchETag?: string;
  /** Copy only if the source's ETag differs. */
  readonly notMatchETag?: string;
  /** Copy only if the source was modified since. */
  readonly modifiedSince?: Date;
  /** Copy only if the source was not modified since. */
  readonly unmodifiedSince?: Date;

  /** Checks the names and options; throws {@link InvalidArgumentError}. */
  constructor(bucket: string, object: string, options: CopySourceOptions = {}) {
    checkBucketName(bucket);
    checkObjectName(object);
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("source options must be an object");
    }
    checkOptions(
      "CopySource: options",
      options,
      "versionId:s ssec:o offset:n length:n matchETag:s notMatchETag:s modifiedSince:d unmodifiedSince:d",
    );
    const { versionId, ssec, offset, length } = options;
    checkOptionalString(versionId, "versionId");
    // TLS is checked when the copy runs: the source does not know the client.
    customerKeyHeaders(ssec, true);
    checkOptionalInteger(offset, "offset");
    checkOptionalInteger(length, "length", 1);
    checkETag(options.matchETag, "matchETag");
    checkETag(options.notMatchETag, "notMatchETag");
    checkOptionalDate(options.modifiedSince, "modifiedSince");
    checkOptionalDate(options.unmodifiedSince, "unmodifiedSince");
    this.bucket = bucket;
    this.object = object;
    this.versionId = versionId || undefined;
    this.ssec = ssec;
    this.offset = offset;
    this.length = length;
    this.matchETag = options.matchETag;
    this.notMatchETag = options.notMatchETag;
    this.modifiedSince = options.modifiedSince;
    this.unmodifiedSince = options.unmodifiedSince;
  }

  /** The options this source was built with. */
  get options(): CopySourceOptions {
    const { versionId, ssec, offset, length, matchETag, notMatchETag } = this;
    return {
      versionId,
      ssec,
      offset,
      length,
      matchETag,
      notMatchETag,
      modifiedSince: this.modifiedSince,
      unmodifiedSince: this.unmodifiedSince,
    };
  }

  /** Whether only a byte range of the source is copied. */
  get ranged(): boolean {
    return this.offset !== undefined || this.length !== undefined;
  }

  /**
   * The request headers naming this source: `x-amz-copy-source`, the
   * `x-amz-copy-source-if-*` conditions, the SSE-C key of the source, and
   * `x-amz-copy-source-range` for `length` bytes from `start` when given.
   */
  copyHeaders(range?: { start: number; length: number }): Record<string, string> {
    let source = uriEncodePath(`/${this.bucket}/${this.object}`);
    if (this.versionId) source += "?versionId=" + uriEncode(this.versionId);
    const headers: Record<string, string> = { "x-amz-copy-source": source };
    if (this.ssec) Object.assign(headers, this.ssec.copyHeaders());
    if (this.matchETag) headers["x-amz-copy-source-if-match"] = this.matchETag;
    if (this.notMatchETag) headers["x-amz-copy-source-if-none-match"] = this.notMatchETag;
    if (this.modifiedSince) {
      headers["x-amz-copy-source-if-modified-since"] = this.modifiedSince.toUTCString();
    }
    if (this.unmodifiedSince) {
      headers["x-amz-copy-source-if-unmodified-since"] = this.unmodifiedSince.toUTCString();
    }
    if (range) {
      headers["x-amz-copy-source-range"] = `bytes=${range.start}-${range.start + range.length - 1}`;
    }
    return headers;
  }

  /** A CopySource with the same object and options as `source`. */
  static of(source: CopySource): CopySource {
    return new CopySource(source.bucket, source.object, source.options);
  }
}

/**
 * One piece of an object built by `composeObject`: a whole object or a byte
 * range of one. Every piece but the last must be at least 5 MiB.
 *
 * @example
 * ```ts
 * import { ComposeSource } from "@minio-edge/minio";
 * const sources = [
 *   new ComposeSource("logs", "part-1"),
 *   new ComposeSource("logs", "part-2", { offset: 0, length: 1024 }),
 * ];
 * console.log(sources[1].copyHeaders({ start: 0, length: 1024 })["x-amz-copy-source-range"]);
 * ```
 */
export class ComposeSource extends CopySource {
  /** A ComposeSource with the same object and options as `source`. */
  static override of(source: CopySource): ComposeSource {
    return new ComposeSource(source.bucket, source.object, source.options);
  }
}

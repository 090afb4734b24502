/**
 * minio-js's copy descriptions: `CopySourceOptions`,
 * `CopyDestinationOptions` and the legacy `CopyConditions`, each read into
 * this SDK's `CopySource` and copy options. A field the adapter does not
 * carry (`Encryption`: use `Minio.copyObject` with `ssec` / `sse`) is
 * refused, not ignored.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { Directive, RetentionMode } from "../config/common.ts";
import { CopySource, type CopySourceOptions as SourceOptions } from "../config/copy_source.ts";
import { Retention } from "../config/retention.ts";
import type { CopyObjectOptions } from "../s3/upload/copy_object.ts";
import { only } from "./base_client.ts";

/**
 * The conditions of minio-js's legacy four-argument `copyObject`.
 *
 * @example
 * ```ts
 * import { Client, CopyConditions } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const conds = new CopyConditions();
 * conds.setMatchETag("bd891862ea3e22c93ed53a098218791d");
 * await client.copyObject("archive", "copy.txt", "/photos/a.txt", conds);
 * ```
 */
export class CopyConditions {
  /** `If-Modified-Since` of the source. */
  modified?: Date;
  /** `If-Unmodified-Since` of the source. */
  unmodified?: Date;
  /** `If-Match` on the source's ETag. */
  matchETag?: string;
  /** `If-None-Match` on the source's ETag. */
  matchETagExcept?: string;

  /** Copy only if the source changed since `date`. */
  setModified(date: Date): void {
    this.modified = date;
  }

  /** Copy only if the source did not change since `date`. */
  setUnmodified(date: Date): void {
    this.unmodified = date;
  }

  /** Copy only if the source's ETag is `etag`. */
  setMatchETag(etag: string): void {
    this.matchETag = etag;
  }

  /** Copy only if the source's ETag is not `etag`. */
  setMatchETagExcept(etag: string): void {
    this.matchETagExcept = etag;
  }
}

const SOURCE_KEYS = [
  "Bucket",
  "Object",
  "VersionID",
  "MatchETag",
  "NoMatchETag",
  "MatchModifiedSince",
  "MatchUnmodifiedSince",
  "MatchRange",
  "Start",
  "End",
];

/**
 * The source of minio-js's `copyObject(source, dest)` and `composeObject`.
 *
 * @example
 * ```ts
 * import { CopySourceOptions } from "@minio-edge/minio/minio-js";
 * const source = new CopySourceOptions({ Bucket: "photos", Object: "a.txt", MatchETag: "bd891862ea3e22c93ed53a098218791d" });
 * ```
 */
export class CopySourceOptions {
  /** This SDK's source object. */
  readonly source: CopySource;

  /** Checks the fields; throws `InvalidArgumentError`. */
  constructor(options: {
    Bucket: string;
    Object: string;
    VersionID?: string;
    MatchETag?: string;
    NoMatchETag?: string;
    MatchModifiedSince?: string | Date;
    MatchUnmodifiedSince?: string | Date;
    MatchRange?: boolean;
    Start?: number;
    End?: number;
  }) {
    const o = only(options, SOURCE_KEYS, "CopySourceOptions");
    const date = (d: string | Date | undefined) =>
      d === undefined || d === "" ? undefined : d instanceof Date ? d : new Date(d);
    const source: SourceOptions = {
      versionId: o.VersionID || undefined,
      matchETag: o.MatchETag || undefined,
      notMatchETag: o.NoMatchETag || undefined,
      modifiedSince: date(o.MatchModifiedSince),
      unmodifiedSince: date(o.MatchUnmodifiedSince),
    };
    if (o.MatchRange) {
      if (!Number.isSafeInteger(o.Start) || !Number.isSafeInteger(o.End) || o.End! < o.Start!) {
        throw new InvalidArgumentError("MatchRange needs integers Start <= End");
      }
      source.offset = o.Start;
      source.length = o.End! - o.Start! + 1;
    }
    this.source = new CopySource(o.Bucket, o.Object, source);
  }
}

const DEST_KEYS = [
  "Bucket",
  "Object",
  "UserMetadata",
  "UserTags",
  "LegalHold",
  "RetainUntilDate",
  "Mode",
  "MetadataDirective",
  "Headers",
];

/**
 * The destination of minio-js's `copyObject(source, dest)` and
 * `composeObject`.
 *
 * @example
 * ```ts
 * import { CopyDestinationOptions } from "@minio-edge/minio/minio-js";
 * const dest = new CopyDestinationOptions({
 *   Bucket: "archive", Object: "a.txt", MetadataDirective: "REPLACE", UserMetadata: { reviewed: "yes" },
 * });
 * ```
 */
export class CopyDestinationOptions {
  /** Destination bucket. */
  readonly bucket: string;
  /** Destination object name. */
  readonly object: string;
  /** This SDK's copy options for the fields given. */
  readonly options: CopyObjectOptions;

  /** Checks the fields; throws `InvalidArgumentError`. */
  constructor(options: {
    Bucket: string;
    Object: string;
    UserMetadata?: Record<string, string>;
    UserTags?: Record<string, string> | string;
    LegalHold?: "ON" | "OFF";
    RetainUntilDate?: string | Date;
    Mode?: RetentionMode;
    MetadataDirective?: Directive;
    Headers?: Record<string, string>;
  }) {
    const o = only(options, DEST_KEYS, "CopyDestinationOptions");
    const copy: CopyObjectOptions = {};
    if (o.UserMetadata !== undefined) copy.metadata = o.UserMetadata;
    if (o.UserTags !== undefined) {
      copy.tags = typeof o.UserTags === "string"
        ? Object.fromEntries(new URLSearchParams(o.UserTags))
        : o.UserTags;
      copy.taggingDirective = "REPLACE";
    }
    if (o.LegalHold !== undefined) {
      if (o.LegalHold !== "ON" && o.LegalHold !== "OFF") {
        throw new InvalidArgumentError(`LegalHold must be "ON" or "OFF"`);
      }
      copy.legalHold = o.LegalHold === "ON";
    }
    if ((o.Mode === undefined) !== (o.RetainUntilDate === undefined)) {
      throw new InvalidArgumentError("Mode and RetainUntilDate go together");
    }
    if (o.Mode !== undefined) {
      const until = o.RetainUntilDate instanceof Date
        ? o.RetainUntilDate
        : new Date(o.RetainUntilDate!);
      copy.retention = new Retention(o.Mode, until);
    }
    if (o.MetadataDirective !== undefined) copy.metadataDirective = o.MetadataDirective;
    if (o.Headers !== undefined) copy.extraHeaders = o.Headers;
    this.bucket = o.Bucket;
    this.object = o.Object;
    this.options = copy;
  }
}

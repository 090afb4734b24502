/**
 * What an object's response headers say about it (HEAD and GET), and the
 * metadata headers a write sends.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";

/** An object's properties as its response headers state them. */
export interface ObjectStat {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** Size in bytes (of the whole object, also for a ranged GET). */
  size: number;
  /** ETag without quotes. */
  etag: string;
  /** Last modification time. */
  lastModified?: Date;
  /** Content type. */
  contentType?: string;
  /** Version id, on versioned buckets. */
  versionId?: string;
  /** User metadata (`x-amz-meta-*`), keys lower-case without the prefix. */
  metadata: Record<string, string>;
  /** Object-lock retention, where the server sent one. */
  retention?: { mode: string; retainUntilDate: Date };
  /** Whether a legal hold is on, where the server said. */
  legalHold?: boolean;
  /** Storage class, where the server sent one. */
  storageClass?: string;
  /** Number of tags, where the server sent it. */
  tagCount?: number;
  /** All response headers. */
  headers: Headers;
}

const META = "x-amz-meta-";

/** Strips the quotes S3 puts around an ETag. */
export function unquoteETag(etag: string | null): string {
  if (!etag) return "";
  return etag.startsWith('"') && etag.endsWith('"') ? etag.slice(1, -1) : etag;
}

/** The object's total size: from Content-Range when ranged, else Content-Length. */
function totalSize(headers: Headers): number {
  const range = headers.get("content-range");
  const total = range?.match(/\/(\d+)$/);
  if (total) return Number(total[1]);
  return Number(headers.get("content-length") ?? 0);
}

/** Reads an {@link ObjectStat} from response headers. */
export function statFromHeaders(bucket: string, name: string, headers: Headers): ObjectStat {
  const metadata: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (key.startsWith(META)) metadata[key.slice(META.length)] = value;
  });
  const modified = headers.get("last-modified");
  const mode = headers.get("x-amz-object-lock-mode");
  const until = headers.get("x-amz-object-lock-retain-until-date");
  const hold = headers.get("x-amz-object-lock-legal-hold");
  const tagCount = headers.get("x-amz-tagging-count");
  return {
    bucket,
    name,
    size: totalSize(headers),
    etag: unquoteETag(headers.get("etag")),
    lastModified: modified ? new Date(modified) : undefined,
    contentType: headers.get("content-type") ?? undefined,
    versionId: headers.get("x-amz-version-id") ?? undefined,
    metadata,
    retention: mode && until ? { mode, retainUntilDate: new Date(until) } : undefined,
    legalHold: hold === null ? undefined : hold === "ON",
    storageClass: headers.get("x-amz-storage-class") ?? undefined,
    tagCount: tagCount === null ? undefined : Number(tagCount),
    headers,
  };
}

const STANDARD = new Set([
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "content-type",
  "expires",
]);
const PRINTABLE = /^[\x20-\x7e\t]*$/;

/**
 * Headers for user metadata: standard headers (Content-Type, Cache-Control,
 * ...) and `x-amz-*` pass as they are, every other key gets `x-amz-meta-`.
 */
export function metadataHeaders(
  metadata: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (metadata === undefined) return out;
  if (metadata === null || typeof metadata !== "object") {
    throw new InvalidArgumentError("metadata must be an object of string values");
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== "string") {
      throw new InvalidArgumentError(`metadata value of ${JSON.stringify(key)} must be a string`);
    }
    const lower = key.toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower)) {
      throw new InvalidArgumentError(
        `metadata key ${JSON.stringify(key)} is not a valid header name`,
      );
    }
    if (!PRINTABLE.test(value)) {
      throw new InvalidArgumentError(
        `metadata value of ${JSON.stringify(key)} must be printable US-ASCII (encode other text)`,
      );
    }
    const name = STANDARD.has(lower) || lower.startsWith("x-amz-") ? lower : META + lower;
    out[name] = value;
  }
  return out;
}

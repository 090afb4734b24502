/**
 * What an object's response headers say about it (HEAD and GET).
 *
 * @module
 */

import { setOwnEntry } from "../../base/own_entry.ts";

/**
 * An object's properties as its response headers state them.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectStat } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * await client.putObject("photos", "cat.png", "...", undefined, { metadata: { owner: "ann" } });
 * const stat: ObjectStat = await client.statObject("photos", "cat.png");
 * console.log(stat.size, stat.etag, stat.lastModified, stat.metadata.owner); // ... "ann"
 * ```
 */
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
  /**
   * Stored checksums by algorithm (`CRC32`, `CRC64NVME`, ...), base64, where
   * the server sent them (a read with `fetchChecksum`).
   */
  checksums: Record<string, string>;
  /** `COMPOSITE` or `FULL_OBJECT`, with the checksums. */
  checksumType?: string;
  /** All response headers. */
  headers: Headers;
}

/** The prefix of user metadata headers. */
export const META_PREFIX = "x-amz-meta-";
const CHECKSUM_PREFIX = "x-amz-checksum-";
const CHECKSUM_TYPE = "x-amz-checksum-type";

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
  const checksums: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (key.startsWith(META_PREFIX)) setOwnEntry(metadata, key.slice(META_PREFIX.length), value);
    else if (key.startsWith(CHECKSUM_PREFIX) && key !== CHECKSUM_TYPE) {
      checksums[key.slice(CHECKSUM_PREFIX.length).toUpperCase()] = value;
    }
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
    checksums,
    checksumType: headers.get(CHECKSUM_TYPE) ?? undefined,
    headers,
  };
}

/**
 * The entries of a listing page, shared by ListObjects V1, V2 and
 * ListObjectVersions: objects, versions, delete markers and common prefixes.
 *
 * @module
 */

import { InvalidResponseError } from "../../base/errors.ts";
import { setOwnEntry } from "../../base/own_entry.ts";
import { childText, type XmlElement } from "../../xml/parse.ts";
import { unquoteETag } from "../common/object_headers.ts";

/**
 * One listed object, object version, delete marker, or a common prefix (`isDir`).
 *
 * @example
 * ```ts
 * import { Minio, type ObjectInfo } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const entries: ObjectInfo[] = [];
 * for await (const o of client.listObjects("photos", { prefix: "2024/" })) entries.push(o);
 * for (const o of entries) console.log(o.isDir ? "dir " : "file", o.name, o.size, o.lastModified);
 * ```
 */
export interface ObjectInfo {
  /** Bucket name. */
  bucket: string;
  /** Object name, or the prefix for a directory entry. */
  name: string;
  /** True for a common prefix rather than an object. */
  isDir: boolean;
  /** Size in bytes (0 for a prefix or a delete marker). */
  size: number;
  /** ETag without quotes. */
  etag?: string;
  /** Last modification time. */
  lastModified?: Date;
  /** Storage class. */
  storageClass?: string;
  /** Owner, with `fetchOwner` (always with `useApiV1` and `includeVersion`). */
  owner?: { id?: string; displayName?: string };
  /** User metadata, with `includeUserMetadata` (MinIO). */
  metadata?: Record<string, string>;
  /** Version id, with `includeVersion` (`"null"` for a version from before versioning). */
  versionId?: string;
  /** Whether this is the current version, with `includeVersion`. */
  isLatest?: boolean;
  /** True for a delete marker, with `includeVersion`. */
  isDeleteMarker?: boolean;
}

/**
 * Decodes a name of a page listed with `encoding-type=url`, where names come
 * percent-encoded so control characters survive XML. A name that is not
 * valid percent-encoded UTF-8 is an {@link InvalidResponseError}.
 */
export function decodeName(value: string | undefined, encoded: boolean): string {
  if (value === undefined) return "";
  if (!encoded) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    const shown = JSON.stringify(value.length > 200 ? value.slice(0, 200) + "..." : value);
    throw new InvalidResponseError(
      `the server listed a name that is not valid percent-encoding: ${shown}`,
      200,
    );
  }
}

function parseMetadata(el: XmlElement | undefined): Record<string, string> | undefined {
  if (!el) return undefined;
  const out: Record<string, string> = {};
  for (const item of el.children) setOwnEntry(out, metadataKey(item.name), item.text);
  return out;
}

/** The key a listing's user-metadata name is given under: lower-cased, without `x-amz-meta-`. */
export function metadataKey(name: string): string {
  const key = name.toLowerCase();
  return key.startsWith("x-amz-meta-") ? key.slice(11) : key;
}

/** The fields of one listed object, version or delete marker, as the page gives them. */
export interface EntryFields {
  key?: string;
  size?: string;
  /** Without its quotes (see unquoteETag). */
  etag?: string;
  /** `LastModified`, read. */
  modified?: Date;
  storageClass?: string;
  owner?: { id?: string; displayName?: string };
  metadata?: Record<string, string>;
  versionId?: string;
  isLatest?: string;
}

/**
 * The {@link ObjectInfo} of an entry element named `element` (`Contents`,
 * `Version` or `DeleteMarker`): every listing reader builds its entries here,
 * so that they are alike to the last field.
 */
export function entryInfo(
  bucket: string,
  element: string,
  f: EntryFields,
  encoded: boolean,
): ObjectInfo {
  const info: ObjectInfo = {
    bucket,
    name: decodeName(f.key, encoded),
    isDir: false,
    size: Number(f.size ?? 0),
    etag: f.etag || undefined,
    lastModified: f.modified,
    storageClass: f.storageClass,
    owner: f.owner,
    metadata: f.metadata,
  };
  if (element !== "Contents") {
    info.versionId = f.versionId;
    info.isLatest = f.isLatest === "true";
    info.isDeleteMarker = element === "DeleteMarker";
  }
  return info;
}

/** The entry of a common prefix. */
export function prefixInfo(
  bucket: string,
  prefix: string | undefined,
  encoded: boolean,
): ObjectInfo {
  return { bucket, name: decodeName(prefix, encoded), isDir: true, size: 0 };
}

function parseObject(bucket: string, el: XmlElement, encoded: boolean): ObjectInfo {
  // One pass over the children (the first of each name counts), not a search per field.
  let key, size, etag, modified, storageClass, owner, metadata, versionId, isLatest;
  for (const c of el.children) {
    switch (c.name) {
      case "Key":
        key ??= c.text;
        break;
      case "Size":
        size ??= c.text;
        break;
      case "ETag":
        etag ??= c.text;
        break;
      case "LastModified":
        modified ??= c.text;
        break;
      case "StorageClass":
        storageClass ??= c.text;
        break;
      case "Owner":
        owner ??= c;
        break;
      case "UserMetadata":
        metadata ??= c;
        break;
      case "VersionId":
        versionId ??= c.text;
        break;
      case "IsLatest":
        isLatest ??= c.text;
    }
  }
  return entryInfo(bucket, el.name, {
    key,
    size,
    etag: etag === undefined ? undefined : unquoteETag(etag),
    modified: modified ? new Date(modified) : undefined,
    storageClass,
    owner: owner
      ? { id: childText(owner, "ID"), displayName: childText(owner, "DisplayName") }
      : undefined,
    metadata: parseMetadata(metadata),
    versionId,
    isLatest,
  }, encoded);
}

/**
 * The entries of one page in document order, so that versions and delete
 * markers of a key keep the order the server gave them (newest first).
 */
export function* pageEntries(root: XmlElement, bucket: string): Generator<ObjectInfo> {
  const encoded = childText(root, "EncodingType") === "url";
  for (const el of root.children) {
    if (el.name === "Contents" || el.name === "Version" || el.name === "DeleteMarker") {
      yield parseObject(bucket, el, encoded);
    } else if (el.name === "CommonPrefixes") {
      yield prefixInfo(bucket, childText(el, "Prefix"), encoded);
    }
  }
}

/** Whether a page says more follow. */
export function isTruncated(root: XmlElement): boolean {
  return childText(root, "IsTruncated") === "true";
}

/** A marker element of a page, decoded like the names it points at. */
export function markerText(root: XmlElement, name: string): string | undefined {
  const value = childText(root, name);
  return value ? decodeName(value, childText(root, "EncodingType") === "url") : undefined;
}

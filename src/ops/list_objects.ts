/**
 * Listing objects with ListObjectsV2, page after page, as an async iterable.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../core.ts";
import { InvalidArgumentError } from "../errors.ts";
import { checkBucketName, checkOptionalString } from "../internal/validate.ts";
import type { QueryParam } from "../signer/encode.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../xml/parse.ts";
import { unquoteETag } from "./object_headers.ts";

/** Options of {@link listObjects}. */
export interface ListObjectsOptions extends RequestOptions {
  /** Only names that start with this. */
  prefix?: string;
  /** List everything under the prefix, not one level (default false). */
  recursive?: boolean;
  /** Start after this name. */
  startAfter?: string;
  /** Include user metadata (MinIO extension). */
  includeUserMetadata?: boolean;
  /** Include each object's owner. */
  fetchOwner?: boolean;
  /** Keys per page, 1 to 1000 (server default 1000). */
  maxKeys?: number;
}

/** One listed object, or a common prefix (`isDir`). */
export interface ObjectInfo {
  /** Bucket name. */
  bucket: string;
  /** Object name, or the prefix for a directory entry. */
  name: string;
  /** True for a common prefix rather than an object. */
  isDir: boolean;
  /** Size in bytes (0 for a prefix). */
  size: number;
  /** ETag without quotes. */
  etag?: string;
  /** Last modification time. */
  lastModified?: Date;
  /** Storage class. */
  storageClass?: string;
  /** Owner, with `fetchOwner`. */
  owner?: { id?: string; displayName?: string };
  /** User metadata, with `includeUserMetadata` (MinIO). */
  metadata?: Record<string, string>;
}

// encoding-type=url: names come percent-encoded so control characters survive XML.
function decodeName(value: string | undefined, encoded: boolean): string {
  if (value === undefined) return "";
  return encoded ? decodeURIComponent(value.replace(/\+/g, " ")) : value;
}

function parseMetadata(el: XmlElement | undefined): Record<string, string> | undefined {
  if (!el) return undefined;
  const out: Record<string, string> = {};
  for (const item of el.children) {
    const key = item.name.toLowerCase();
    out[key.startsWith("x-amz-meta-") ? key.slice(11) : key] = item.text;
  }
  return out;
}

function parseContents(bucket: string, el: XmlElement, encoded: boolean): ObjectInfo {
  const owner = child(el, "Owner");
  const modified = childText(el, "LastModified");
  return {
    bucket,
    name: decodeName(childText(el, "Key"), encoded),
    isDir: false,
    size: Number(childText(el, "Size") ?? 0),
    etag: unquoteETag(childText(el, "ETag") ?? null) || undefined,
    lastModified: modified ? new Date(modified) : undefined,
    storageClass: childText(el, "StorageClass"),
    owner: owner
      ? { id: childText(owner, "ID"), displayName: childText(owner, "DisplayName") }
      : undefined,
    metadata: parseMetadata(child(el, "UserMetadata")),
  };
}

/** Lists objects (and, when not recursive, common prefixes) of a bucket. */
export async function* listObjects(
  core: MinioCore,
  bucket: string,
  options: ListObjectsOptions = {},
): AsyncGenerator<ObjectInfo, void, undefined> {
  checkBucketName(bucket);
  checkOptionalString(options.prefix, "prefix");
  checkOptionalString(options.startAfter, "startAfter");
  const base: QueryParam[] = [
    ["list-type", "2"],
    ["encoding-type", "url"],
    ["prefix", options.prefix ?? ""],
  ];
  if (!options.recursive) base.push(["delimiter", "/"]);
  if (options.startAfter) base.push(["start-after", options.startAfter]);
  if (options.fetchOwner) base.push(["fetch-owner", "true"]);
  if (options.includeUserMetadata) base.push(["metadata", "true"]);
  if (options.maxKeys !== undefined) {
    if (!Number.isInteger(options.maxKeys) || options.maxKeys < 1 || options.maxKeys > 1000) {
      throw new InvalidArgumentError("maxKeys must be an integer from 1 to 1000");
    }
    base.push(["max-keys", String(options.maxKeys)]);
  }
  let token: string | undefined;
  for (;;) {
    const query = token ? [...base, ["continuation-token", token] as const] : base;
    const res = await core.request({ method: "GET", bucket, query, options });
    const root = parseXml(await res.text(), "ListBucketResult");
    const encoded = childText(root, "EncodingType") === "url";
    for (const c of childrenNamed(root, "Contents")) yield parseContents(bucket, c, encoded);
    for (const p of childrenNamed(root, "CommonPrefixes")) {
      yield { bucket, name: decodeName(childText(p, "Prefix"), encoded), isDir: true, size: 0 };
    }
    token = childText(root, "NextContinuationToken");
    if (childText(root, "IsTruncated") !== "true" || !token) return;
  }
}

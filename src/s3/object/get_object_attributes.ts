/**
 * GetObjectAttributes (GET ?attributes): an object's ETag, checksum, size,
 * storage class and parts in one call, as HEAD and ListParts would give.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidResponseError } from "../../base/errors.ts";
import {
  checkBucketName,
  checkObjectName,
  checkOptionalInteger,
  checkOptionalString,
} from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import type { SseCustomerKey } from "../../config/sse.ts";
import { customerKeyHeaders } from "../../config/sse_check.ts";
import { child, childrenNamed, childText, parseXml, type XmlElement } from "../../xml/parse.ts";
import { unquoteETag } from "../common/object_headers.ts";

/**
 * Options of {@link getObjectAttributes}.
 *
 * @example
 * ```ts
 * import { type GetObjectAttributesOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: GetObjectAttributesOptions = { maxParts: 100, partNumberMarker: 100 };
 * const attrs = await client.getObjectAttributes("videos", "cat.mp4", options);
 * console.log(attrs.objectParts?.parts.map((p) => p.partNumber)); // [101, 102, ...]
 * ```
 */
export interface GetObjectAttributesOptions extends RequestOptions {
  /** A specific version. */
  versionId?: string;
  /** Parts per answer, 1 to 1000 (default 1000). */
  maxParts?: number;
  /** List the parts after this part number. */
  partNumberMarker?: number;
  /** The SSE-C key the object was written with. */
  ssec?: SseCustomerKey;
}

/**
 * One part of a multipart object.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectAttributesPart } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const attrs = await client.getObjectAttributes("videos", "cat.mp4");
 * const parts: ObjectAttributesPart[] = attrs.objectParts?.parts ?? [];
 * for (const p of parts) console.log(p.partNumber, p.size, p.checksum.CRC32);
 * ```
 */
export interface ObjectAttributesPart {
  /** 1 to 10,000. */
  partNumber: number;
  /** Size in bytes. */
  size: number;
  /** Checksums of the part by algorithm (`CRC32`, `SHA256`, ...). */
  checksum: Record<string, string>;
}

/**
 * The parts section: present for multipart objects only.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectAttributesParts } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const { objectParts } = await client.getObjectAttributes("videos", "cat.mp4", { maxParts: 10 });
 * const page: ObjectAttributesParts | undefined = objectParts;
 * console.log(page?.partsCount, page?.isTruncated, page?.nextPartNumberMarker); // 40 true 10
 * ```
 */
export interface ObjectAttributesParts {
  /** Parts the whole object has (not only this page). */
  partsCount: number;
  /** The marker this page starts after. */
  partNumberMarker: number;
  /** The marker of the next page. */
  nextPartNumberMarker: number;
  /** Parts per page the server used. */
  maxParts: number;
  /** Whether more parts follow. */
  isTruncated: boolean;
  /** The parts of this page. */
  parts: ObjectAttributesPart[];
}

/**
 * What {@link getObjectAttributes} returns.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectAttributes } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const attrs: ObjectAttributes = await client.getObjectAttributes("videos", "cat.mp4");
 * console.log(attrs.etag, attrs.objectSize, attrs.storageClass, attrs.checksum);
 * ```
 */
export interface ObjectAttributes {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** Version id, on versioned buckets. */
  versionId?: string;
  /** Last modification time. */
  lastModified?: Date;
  /** ETag without quotes. */
  etag?: string;
  /** Size in bytes. */
  objectSize?: number;
  /** Storage class. */
  storageClass?: string;
  /** Checksums by algorithm (`CRC32`, `CRC32C`, `SHA1`, `SHA256`, `CRC64NVME`). */
  checksum: Record<string, string>;
  /** `COMPOSITE` or `FULL_OBJECT`, when the object has a checksum. */
  checksumType?: string;
  /** Parts, for a multipart object. */
  objectParts?: ObjectAttributesParts;
  /** All response headers. */
  headers: Headers;
}

// MinIO names the root getObjectAttributesResponse; AWS documents GetObjectAttributesOutput.
const ROOTS = new Set(["getobjectattributesresponse", "getobjectattributesoutput"]);

/** Every attribute; MinIO answers only those asked for. */
const ATTRIBUTES = "ETag,Checksum,ObjectParts,StorageClass,ObjectSize";

function checksums(el: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of el?.children ?? []) {
    if (c.name.startsWith("Checksum") && c.name !== "ChecksumType") out[c.name.slice(8)] = c.text;
  }
  return out;
}

function count(el: XmlElement, name: string): number {
  return Number(childText(el, name) ?? 0);
}

function parseParts(el: XmlElement): ObjectAttributesParts {
  return {
    partsCount: count(el, "PartsCount"),
    partNumberMarker: count(el, "PartNumberMarker"),
    nextPartNumberMarker: count(el, "NextPartNumberMarker"),
    maxParts: count(el, "MaxParts"),
    isTruncated: childText(el, "IsTruncated") === "true",
    parts: childrenNamed(el, "Part").map((p) => ({
      partNumber: count(p, "PartNumber"),
      size: count(p, "Size"),
      checksum: checksums(p),
    })),
  };
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
export async function getObjectAttributes(
  core: MinioCore,
  bucket: string,
  name: string,
  options: GetObjectAttributesOptions = {},
): Promise<ObjectAttributes> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkOptionalString(options.versionId, "versionId");
  checkOptionalInteger(options.maxParts, "maxParts", 1, 1000);
  checkOptionalInteger(options.partNumberMarker, "partNumberMarker", 0, 10_000);
  const ssecHeaders = customerKeyHeaders(options.ssec, core.secure);
  const query: QueryParam[] = [["attributes", ""]];
  if (options.versionId) query.push(["versionId", options.versionId]);
  const headers: Record<string, string> = {
    "x-amz-object-attributes": ATTRIBUTES,
    "x-amz-max-parts": String(options.maxParts ?? 1000),
    ...ssecHeaders,
  };
  if (options.partNumberMarker) {
    headers["x-amz-part-number-marker"] = String(options.partNumberMarker);
  }
  const res = await core.request({
    method: "GET",
    bucket,
    object: name,
    query,
    headers,
    options,
    buffered: true,
  });
  // A server without the API ignores `?attributes` and sends the object itself.
  if (res.headers.has("etag")) {
    await res.body?.cancel();
    throw new InvalidResponseError(
      "the server does not support GetObjectAttributes (it sent the object)",
      res.status,
      res.headers.get("content-type") ?? undefined,
    );
  }
  const root = parseXml(await res.text());
  if (!ROOTS.has(root.name.toLowerCase())) {
    throw new InvalidResponseError(
      `expected <GetObjectAttributesResponse> but the response has <${root.name}>`,
      res.status,
      "application/xml",
    );
  }
  const checksum = child(root, "Checksum");
  const parts = child(root, "ObjectParts");
  const size = childText(root, "ObjectSize");
  const modified = res.headers.get("last-modified");
  return {
    bucket,
    name,
    versionId: res.headers.get("x-amz-version-id") ?? undefined,
    lastModified: modified ? new Date(modified) : undefined,
    etag: unquoteETag(childText(root, "ETag") ?? null) || undefined,
    objectSize: size === undefined ? undefined : Number(size),
    storageClass: childText(root, "StorageClass"),
    checksum: checksums(checksum),
    checksumType: checksum ? childText(checksum, "ChecksumType") : undefined,
    objectParts: parts ? parseParts(parts) : undefined,
    headers: res.headers,
  };
}

/**
 * Listing objects as an async iterable, page after page: ListObjectsV2 by
 * default, ListObjects V1 with `useApiV1`, ListObjectVersions with
 * `includeVersion` (as minio-py's `list_objects` chooses).
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkBucketName, checkInteger, checkOptionalString } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { childText } from "../../xml/parse.ts";
import { PageMarkers } from "../common/page_markers.ts";
import { isTruncated, type ObjectInfo } from "./list_entries.ts";

export type { ObjectInfo } from "./list_entries.ts";

/**
 * Options of {@link listObjects}.
 *
 * @example
 * ```ts
 * import { type ListObjectsOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: ListObjectsOptions = {
 *   prefix: "2024/", recursive: true, includeUserMetadata: true, maxKeys: 500,
 * };
 * for await (const o of client.listObjects("photos", options)) console.log(o.name, o.metadata);
 * ```
 */
export interface ListObjectsOptions extends RequestOptions {
  /** Only names that start with this. */
  prefix?: string;
  /** List everything under the prefix, not one level (default false). */
  recursive?: boolean;
  /** Start after this name (the marker of V1, the key marker of versions). */
  startAfter?: string;
  /** Include user metadata (MinIO extension; V2 and versions). */
  includeUserMetadata?: boolean;
  /** Include each object's owner (V2; V1 and versions always include it). */
  fetchOwner?: boolean;
  /** Keys per page, 1 to 1000 (server default 1000). */
  maxKeys?: number;
  /**
   * List every version and delete marker (ListObjectVersions), each with
   * `versionId`, `isLatest` and `isDeleteMarker`. Takes precedence over
   * `useApiV1`.
   */
  includeVersion?: boolean;
  /** Use the legacy ListObjects V1 API, paged by marker. */
  useApiV1?: boolean;
}

/** The query every listing API shares: encoding, prefix, delimiter, page size. */
export function baseQuery(options: ListObjectsOptions): QueryParam[] {
  checkOptionalString(options.prefix, "prefix");
  checkOptionalString(options.startAfter, "startAfter");
  const base: QueryParam[] = [["encoding-type", "url"], ["prefix", options.prefix ?? ""]];
  if (!options.recursive) base.push(["delimiter", "/"]);
  if (options.maxKeys !== undefined) {
    checkInteger(options.maxKeys, "maxKeys", 1, 1000);
    base.push(["max-keys", String(options.maxKeys)]);
  }
  return base;
}

async function* listObjectsV2(
  core: MinioCore,
  bucket: string,
  base: QueryParam[],
  options: ListObjectsOptions,
): AsyncGenerator<ObjectInfo, void, undefined> {
  base = [["list-type", "2"], ...base];
  if (options.startAfter) base.push(["start-after", options.startAfter]);
  if (options.fetchOwner) base.push(["fetch-owner", "true"]);
  if (options.includeUserMetadata) base.push(["metadata", "true"]);
  let token: string | undefined;
  const markers = new PageMarkers("ListObjectsV2");
  // The listing reader loads with the first page (bench/README.md, size.ts).
  const { readListing } = await import("./list_reader.ts");
  for (;;) {
    const query = token ? [...base, ["continuation-token", token] as const] : base;
    const res = await core.request({ method: "GET", bucket, query, options, buffered: true });
    const { root, entries } = readListing(await res.text(), "ListBucketResult", bucket);
    yield* entries;
    // The token is opaque: it is never URL-encoded, so it goes back as it came.
    if (!isTruncated(root)) return;
    token = childText(root, "NextContinuationToken");
    markers.check(token);
  }
}

/**
 * Lists objects (and, when not recursive, common prefixes) of a bucket; with
 * `includeVersion`, every version and delete marker. Bad options are refused
 * on the first iteration, before any request. `options` may be a string:
 * the prefix, then `recursive` as a boolean, as minio-js and minio-py take
 * them (`listObjects("logs", "2024/", true)`).
 *
 * @example
 * ```ts
 * for await (const o of client.listObjects("photos", "2024/", true)) console.log(o.name);
 * for await (const o of client.listObjects("photos", { prefix: "2024/", recursive: true })) {
 *   console.log(o.name, o.size);
 * }
 * for await (const v of client.listObjects("photos", { includeVersion: true, recursive: true })) {
 *   console.log(v.name, v.versionId, v.isLatest, v.isDeleteMarker);
 * }
 * ```
 */
export async function* listObjects(
  core: MinioCore,
  bucket: string,
  options: ListObjectsOptions | string = {},
  recursive?: boolean,
): AsyncGenerator<ObjectInfo, void, undefined> {
  checkBucketName(bucket);
  if (typeof options === "string") options = { prefix: options, recursive };
  else if (recursive !== undefined) {
    throw new InvalidArgumentError("recursive goes after a prefix string, or into the options");
  }
  const base = baseQuery(options);
  // The versions and V1 listings are loaded on use: most apps list with V2 only.
  if (options.includeVersion) {
    const { listObjectVersions } = await import("./list_object_versions.ts");
    yield* listObjectVersions(core, bucket, base, options);
  } else if (options.useApiV1) {
    const { listObjectsV1 } = await import("./list_objects_v1.ts");
    yield* listObjectsV1(core, bucket, base, options);
  } else {
    yield* listObjectsV2(core, bucket, base, options);
  }
}

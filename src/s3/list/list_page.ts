/**
 * One page of a listing, for callers that page by hand (minio-js's
 * `listObjectsQuery` and `listObjectsV2Query`): the request of ListObjectsV2,
 * ListObjects V1 or ListObjectVersions with the markers given, and the
 * page's entries with the markers of the next one. The query and the
 * entries come from the same code as {@link listObjects}.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkBucketName, checkOptionalString } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { childText } from "../../xml/parse.ts";
import { baseQuery } from "./list_objects.ts";
import { isTruncated, markerText, type ObjectInfo } from "./list_entries.ts";

/** Which listing API a page comes from. */
export type ListApi = "v2" | "v1" | "versions";

/**
 * Options of {@link listObjectsPage}; the markers are the plain names and
 * tokens a previous {@link ListPage} gave.
 *
 * @example
 * ```ts
 * const options: ListPageOptions = { prefix: "logs/", delimiter: "/", maxKeys: 100 };
 * const page = await listObjectsPage(core, "photos", "v2", options);
 * ```
 */
export interface ListPageOptions extends RequestOptions {
  /** Only names that start with this. */
  prefix?: string;
  /** Roll names up to common prefixes at this string (none when empty or absent). */
  delimiter?: string;
  /** Entries per page, 1 to 1000 (server default 1000). */
  maxKeys?: number;
  /** ListObjectsV2: the previous page's `nextContinuationToken`. */
  continuationToken?: string;
  /** ListObjectsV2: start after this name. */
  startAfter?: string;
  /** ListObjects V1: start after this name (the previous page's `nextMarker`). */
  marker?: string;
  /** ListObjectVersions: start after this key (the previous page's `nextKeyMarker`). */
  keyMarker?: string;
  /** ListObjectVersions: with `keyMarker`, start after this version of it. */
  versionIdMarker?: string;
}

/**
 * One page: its entries in the server's order and whether more follow,
 * with the markers that name the next page.
 *
 * @example
 * ```ts
 * function names(page: ListPage): string[] {
 *   return page.entries.filter((e) => !e.isDir).map((e) => e.name);
 * }
 * ```
 */
export interface ListPage {
  /** Objects, versions, delete markers and common prefixes (`isDir`). */
  entries: ObjectInfo[];
  /** Whether another page follows. */
  isTruncated: boolean;
  /** ListObjectsV2: the token of the next page, when truncated. */
  nextContinuationToken?: string;
  /** ListObjects V1: where the next page starts, when truncated (NextMarker, else the last name). */
  nextMarker?: string;
  /** ListObjectVersions: the key marker of the next page, when truncated. */
  nextKeyMarker?: string;
  /** ListObjectVersions: the version-id marker of the next page, when truncated. */
  nextVersionIdMarker?: string;
}

const MARKERS: Record<ListApi, readonly (keyof ListPageOptions)[]> = {
  v2: ["continuationToken", "startAfter"],
  v1: ["marker"],
  versions: ["keyMarker", "versionIdMarker"],
};
const ROOTS: Record<ListApi, string> = {
  v2: "ListBucketResult",
  v1: "ListBucketResult",
  versions: "ListVersionsResult",
};

function pageQuery(api: ListApi, options: ListPageOptions): QueryParam[] {
  for (const [other, keys] of Object.entries(MARKERS)) {
    const wrong = other === api ? undefined : keys.find((k) => options[k] !== undefined);
    if (wrong) {
      throw new InvalidArgumentError(`${wrong} belongs to the ${other} listing, not ${api}`);
    }
    for (const k of keys) checkOptionalString(options[k], k);
  }
  checkOptionalString(options.delimiter, "delimiter");
  const query = baseQuery({ prefix: options.prefix, recursive: true, maxKeys: options.maxKeys });
  if (options.delimiter) query.push(["delimiter", options.delimiter]);
  const add = (name: string, value: string | undefined) => value && query.push([name, value]);
  if (api === "v2") {
    query.unshift(["list-type", "2"]);
    add("continuation-token", options.continuationToken);
    add("start-after", options.startAfter);
  } else if (api === "v1") {
    add("marker", options.marker);
  } else {
    query.unshift(["versions", ""]);
    add("key-marker", options.keyMarker);
    add("version-id-marker", options.versionIdMarker);
  }
  return query;
}

/**
 * Lists one page of a bucket with ListObjectsV2 (`v2`), ListObjects V1
 * (`v1`) or ListObjectVersions (`versions`). A marker of another API than
 * `api` is refused before the request.
 *
 * @example
 * ```ts
 * let token: string | undefined;
 * do {
 *   const page = await listObjectsPage(core, "logs", "v2", { continuationToken: token, maxKeys: 100 });
 *   for (const e of page.entries) console.log(e.name);
 *   token = page.nextContinuationToken;
 * } while (token);
 * ```
 */
export async function listObjectsPage(
  core: MinioCore,
  bucket: string,
  api: ListApi,
  options: ListPageOptions = {},
): Promise<ListPage> {
  checkBucketName(bucket);
  if (!(api in MARKERS)) throw new InvalidArgumentError(`api must be v2, v1 or versions`);
  const query = pageQuery(api, options);
  const res = await core.request({ method: "GET", bucket, query, options, buffered: true });
  // The listing reader loads on the first page (bench/README.md, size.ts).
  const { readListing } = await import("./list_reader.ts");
  const { root, entries } = readListing(await res.text(), ROOTS[api], bucket);
  const page: ListPage = { entries, isTruncated: isTruncated(root) };
  if (!page.isTruncated) return page;
  if (api === "v2") {
    // Opaque: it goes back as it came.
    page.nextContinuationToken = childText(root, "NextContinuationToken");
  } else if (api === "v1") {
    const names = entries.filter((e) => !e.isDir);
    page.nextMarker = markerText(root, "NextMarker") ?? names[names.length - 1]?.name;
  } else {
    page.nextKeyMarker = markerText(root, "NextKeyMarker");
    page.nextVersionIdMarker = childText(root, "NextVersionIdMarker");
  }
  return page;
}

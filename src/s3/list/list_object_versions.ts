/**
 * ListObjectVersions: every version and delete marker, paged by key marker
 * and version-id marker.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { childText } from "../../xml/parse.ts";
import { PageMarkers } from "../common/page_markers.ts";
import { isTruncated, markerText, type ObjectInfo } from "./list_entries.ts";

/**
 * Pages through ListObjectVersions from `startAfter` (a key marker). The key
 * marker comes URL-encoded like the keys and is decoded before it goes back;
 * MinIO may append its own listing-cache suffix to it, which must survive.
 */
export async function* listObjectVersions(
  core: MinioCore,
  bucket: string,
  base: QueryParam[],
  options: RequestOptions & { startAfter?: string; includeUserMetadata?: boolean },
): AsyncGenerator<ObjectInfo, void, undefined> {
  base = [["versions", ""], ...base];
  if (options.includeUserMetadata) base.push(["metadata", "true"]);
  let keyMarker = options.startAfter ?? "";
  let versionIdMarker: string | undefined;
  const markers = new PageMarkers("ListObjectVersions", keyMarker);
  // The listing reader loads with the first page (bench/README.md, size.ts).
  const { readListing } = await import("./list_reader.ts");
  for (;;) {
    const query = [...base];
    if (keyMarker) query.push(["key-marker", keyMarker]);
    if (versionIdMarker) query.push(["version-id-marker", versionIdMarker]);
    const res = await core.request({ method: "GET", bucket, query, options, buffered: true });
    const { root, entries } = readListing(await res.text(), "ListVersionsResult", bucket);
    yield* entries;
    if (!isTruncated(root)) return;
    const nextKey = markerText(root, "NextKeyMarker");
    versionIdMarker = childText(root, "NextVersionIdMarker");
    // Versions are paged by key, then by version id within it: a version
    // marker without a key marker names no page.
    markers.check(nextKey, nextKey ? versionIdMarker : undefined);
    keyMarker = nextKey!;
  }
}

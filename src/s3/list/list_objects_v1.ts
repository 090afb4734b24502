/**
 * ListObjects V1, the legacy listing paged by marker.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { PageMarkers } from "../common/page_markers.ts";
import { isTruncated, markerText, type ObjectInfo } from "./list_entries.ts";

/**
 * Pages through ListObjects V1 from `startAfter`. S3 sends NextMarker only
 * when a delimiter is given; otherwise the next page starts after the last
 * name of this one.
 */
export async function* listObjectsV1(
  core: MinioCore,
  bucket: string,
  base: QueryParam[],
  options: RequestOptions & { startAfter?: string },
): AsyncGenerator<ObjectInfo, void, undefined> {
  let marker = options.startAfter ?? "";
  const markers = new PageMarkers("ListObjects", marker);
  // The listing reader loads with the first page (bench/README.md, size.ts).
  const { readListing } = await import("./list_reader.ts");
  for (;;) {
    const query = marker ? [...base, ["marker", marker] as const] : base;
    const res = await core.request({ method: "GET", bucket, query, options, buffered: true });
    const { root, entries } = readListing(await res.text(), "ListBucketResult", bucket);
    let last: string | undefined;
    for (const entry of entries) {
      last = entry.name;
      yield entry;
    }
    if (!isTruncated(root)) return;
    const next = markerText(root, "NextMarker") ?? last;
    markers.check(next);
    marker = next!;
  }
}

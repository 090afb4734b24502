/**
 * The guard every paged listing shares: the next page must be named, and by
 * a marker (continuation token, key marker, part number) the server has not
 * given before.
 *
 * @module
 */

import { InvalidResponseError } from "../../base/errors.ts";

/**
 * The markers a listing has followed so far. A truncated page that names no
 * next marker would end the listing early with entries missing; one that
 * names a marker already followed would have it request the same pages
 * forever. Both end the listing with an {@link InvalidResponseError}.
 *
 * @example
 * ```ts
 * const markers = new PageMarkers("ListObjectsV2");
 * token = childText(root, "NextContinuationToken");
 * markers.check(token); // throws InvalidResponseError if absent or repeated
 * ```
 */
export class PageMarkers {
  readonly #what: string;
  readonly #seen = new Set<string>();

  /**
   * `what` names the listing in errors; `start` is the marker of the first
   * request, when it has one.
   */
  constructor(what: string, ...start: (string | undefined)[]) {
    this.#what = what;
    if (start.some((f) => f)) this.#seen.add(JSON.stringify(start.map((f) => f ?? "")));
  }

  /**
   * Checks the marker of the next page, of one field or several (key and
   * version id): at least one given, and the whole not followed before.
   */
  check(...marker: (string | undefined)[]): void {
    if (!marker.some((f) => f)) {
      throw new InvalidResponseError(
        `${this.#what}: the server says more pages follow but names no marker for the next one`,
        200,
      );
    }
    const key = JSON.stringify(marker.map((f) => f ?? ""));
    if (this.#seen.has(key)) {
      throw new InvalidResponseError(
        `${this.#what}: the server named a page marker it had already given; ` +
          "following it would list the same pages forever",
        200,
      );
    }
    this.#seen.add(key);
  }
}

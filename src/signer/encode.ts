/**
 * URI encoding as SigV4 defines it: every byte except the RFC 3986
 * unreserved characters `A-Z a-z 0-9 - _ . ~` is percent-encoded, upper-case.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

const EXTRA = /[!'()*]/g;
const hexOf = (c: string) => "%" + c.charCodeAt(0).toString(16).toUpperCase();
const UNRESERVED = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~") {
  UNRESERVED[c.charCodeAt(0)] = 1;
}

/** Encodes one query key or value, or one path segment. */
export function uriEncode(value: string): string {
  // Most keys and values need no escape; a table scan is much cheaper than
  // encodeURIComponent plus a regex.
  for (let i = 0; i < value.length; i++) {
    if (UNRESERVED[value.charCodeAt(i)] !== 1) {
      return encodeSlow(value);
    }
  }
  return value;
}

function encodeSlow(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // URIError: a lone UTF-16 surrogate, which has no UTF-8 form.
    const shown = JSON.stringify(value.length > 100 ? value.slice(0, 100) + "..." : value);
    throw new InvalidArgumentError(
      `${shown} holds a lone UTF-16 surrogate, which has no UTF-8 form to send`,
    );
  }
  // encodeURIComponent leaves !'()* alone; SigV4 wants them encoded.
  return encoded.replace(EXTRA, hexOf);
}

/** Encodes an object key as an S3 path: each segment encoded, `/` kept. */
export function uriEncodePath(path: string): string {
  return path.split("/").map(uriEncode).join("/");
}

/**
 * A query parameter: key and value, not yet encoded.
 *
 * @example
 * ```ts
 * import { MinioCore, type QueryParam } from "@minio-edge/minio";
 * const core = new MinioCore({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const query: QueryParam[] = [["versioning", ""]];
 * const res = await core.request({ method: "GET", bucket: "photos", query }); // GetBucketVersioning
 * console.log(await res.text());
 * ```
 */
export type QueryParam = readonly [key: string, value: string];

/**
 * The canonical query string: each key and value encoded, pairs sorted by
 * encoded key then value, joined with `&`. Also the query sent on the wire.
 */
export function canonicalQuery(params: readonly QueryParam[]): string {
  if (params.length === 0) return "";
  const encoded = params.map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  encoded.sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0
  );
  let out = "";
  for (const [k, v] of encoded) out += (out ? "&" : "") + k + "=" + v;
  return out;
}

/**
 * minio-js's `metaData` object (one bag of headers and user metadata) read
 * into our upload options: `Content-Type` is the content type, standard
 * and `x-amz-*` headers are sent as they are, anything else is user
 * metadata (`x-amz-meta-` prefixed or not), as minio-js reads it.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { setOwnEntry } from "../base/own_entry.ts";
import type { PutObjectOptions } from "../s3/upload/put_object.ts";

const HEADERS = new Set([
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-language",
  "expires",
]);
const META = "x-amz-meta-";

/** The upload options minio-js's `metaData` stands for. */
export function metaDataOptions(metaData: unknown): PutObjectOptions {
  if (metaData === undefined || metaData === null) return {};
  if (typeof metaData !== "object" || Array.isArray(metaData)) {
    throw new InvalidArgumentError(
      `metaData must be an object of headers (got ${typeof metaData})`,
    );
  }
  const metadata: Record<string, string> = {};
  const extraHeaders: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [key, raw] of Object.entries(metaData)) {
    if (typeof raw !== "string" && typeof raw !== "number") {
      throw new InvalidArgumentError(`metaData['${key}'] must be a string or a number`);
    }
    const value = String(raw);
    const k = key.toLowerCase();
    if (k === "content-type") contentType = value;
    else if (k.startsWith(META)) setOwnEntry(metadata, key.slice(META.length), value);
    else if (HEADERS.has(k) || k.startsWith("x-amz-")) extraHeaders[k] = value;
    else setOwnEntry(metadata, key, value);
  }
  const options: PutObjectOptions = { metadata };
  if (contentType !== undefined) options.contentType = contentType;
  if (Object.keys(extraHeaders).length) options.extraHeaders = extraHeaders;
  return options;
}

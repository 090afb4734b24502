/**
 * Downloading an object (whole or a byte range), and reading its properties.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../core.ts";
import { InvalidArgumentError } from "../errors.ts";
import {
  checkBucketName,
  checkObjectName,
  checkOptionalCount,
  checkOptionalString,
} from "../internal/validate.ts";
import type { QueryParam } from "../signer/encode.ts";
import { type ObjectStat, statFromHeaders } from "./object_headers.ts";

/** Options of {@link statObject}. */
export interface StatObjectOptions extends RequestOptions {
  /** A specific version. */
  versionId?: string;
}

/** Options of {@link getObject}. */
export interface GetObjectOptions extends StatObjectOptions {
  /** First byte to read (default 0). */
  offset?: number;
  /** Bytes to read from `offset` (default: to the end). */
  length?: number;
  /** Only if the ETag matches (`If-Match`). */
  matchETag?: string;
  /** Only if the ETag differs (`If-None-Match`). */
  notMatchETag?: string;
  /** Only if modified since (`If-Modified-Since`). */
  modifiedSince?: Date;
  /** Only if not modified since (`If-Unmodified-Since`). */
  unmodifiedSince?: Date;
}

/**
 * A downloaded object: its properties and a web `ReadableStream` body, read
 * once with `body`, `bytes()`, `arrayBuffer()`, `text()`, `json()` or `blob()`.
 */
export class ObjectResponse {
  /** The object's properties from the response headers. */
  readonly stat: ObjectStat;
  /** HTTP status: 200, or 206 for a range. */
  readonly status: number;
  readonly #response: Response;

  /** Wraps a successful GET response. */
  constructor(bucket: string, name: string, response: Response) {
    this.#response = response;
    this.status = response.status;
    this.stat = statFromHeaders(bucket, name, response.headers);
  }

  /** Response headers. */
  get headers(): Headers {
    return this.#response.headers;
  }

  /** The body as a stream (empty stream for an empty object). */
  get body(): ReadableStream<Uint8Array> {
    return this.#response.body ?? new ReadableStream({ start: (c) => c.close() });
  }

  /** The whole body as bytes. */
  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.#response.arrayBuffer());
  }

  /** The whole body as an ArrayBuffer. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#response.arrayBuffer();
  }

  /** The whole body decoded as UTF-8. */
  text(): Promise<string> {
    return this.#response.text();
  }

  /** The whole body parsed as JSON. */
  json(): Promise<unknown> {
    return this.#response.json();
  }

  /** The whole body as a Blob. */
  blob(): Promise<Blob> {
    return this.#response.blob();
  }
}

function versionQuery(versionId: string | undefined): QueryParam[] {
  checkOptionalString(versionId, "versionId");
  return versionId ? [["versionId", versionId]] : [];
}

function checkDate(value: unknown, what: string): void {
  if (value !== undefined && !(value instanceof Date && !Number.isNaN(value.getTime()))) {
    throw new InvalidArgumentError(`${what} must be a valid Date`);
  }
}

/** Builds the headers of a GET: range and conditions. */
export function getObjectHeaders(options: GetObjectOptions): Record<string, string> {
  const { offset, length } = options;
  checkOptionalCount(offset, "offset");
  checkOptionalCount(length, "length");
  if (length === 0) throw new InvalidArgumentError("length must be at least 1 when given");
  for (const k of ["matchETag", "notMatchETag"] as const) checkOptionalString(options[k], k);
  for (const k of ["modifiedSince", "unmodifiedSince"] as const) checkDate(options[k], k);
  const headers: Record<string, string> = {};
  if (offset || length) {
    const start = offset ?? 0;
    headers.range = `bytes=${start}-${length ? start + length - 1 : ""}`;
  }
  if (options.matchETag) headers["if-match"] = options.matchETag;
  if (options.notMatchETag) headers["if-none-match"] = options.notMatchETag;
  if (options.modifiedSince) headers["if-modified-since"] = options.modifiedSince.toUTCString();
  if (options.unmodifiedSince) {
    headers["if-unmodified-since"] = options.unmodifiedSince.toUTCString();
  }
  return headers;
}

/** Downloads an object, or a byte range of it. */
export async function getObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: GetObjectOptions = {},
): Promise<ObjectResponse> {
  checkBucketName(bucket);
  checkObjectName(name);
  const headers = getObjectHeaders(options);
  const query = versionQuery(options.versionId);
  const res = await core.request({ method: "GET", bucket, object: name, query, headers, options });
  return new ObjectResponse(bucket, name, res);
}

/** Reads an object's properties without its data. */
export async function statObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: StatObjectOptions = {},
): Promise<ObjectStat> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = versionQuery(options.versionId);
  const res = await core.request({ method: "HEAD", bucket, object: name, query, options });
  return statFromHeaders(bucket, name, res.headers);
}

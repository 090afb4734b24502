/**
 * Downloading an object (whole or a byte range), and reading its properties.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import {
  checkBucketName,
  checkInteger,
  checkObjectName,
  checkOptionalDate,
  checkOptionalInteger,
  checkOptionalString,
} from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { type ObjectStat, statFromHeaders } from "../common/object_headers.ts";
import type { SseCustomerKey } from "../../config/sse.ts";
import type { DownloadSpec } from "./resume_download.ts";

/**
 * Options of {@link statObject}.
 *
 * @example
 * ```ts
 * import { Minio, type StatObjectOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: StatObjectOptions = { versionId: "b4a1c0a2-2c5e-4a8e-9d1f-6f7c2d3e4b5a" };
 * const stat = await client.statObject("records", "report.pdf", options);
 * console.log(stat.versionId, stat.size);
 * ```
 */
export interface StatObjectOptions extends RequestOptions {
  /** A specific version. */
  versionId?: string;
  /** The key of an SSE-C encrypted object. */
  ssec?: SseCustomerKey;
  /**
   * Ask for the object's stored checksums (`x-amz-checksum-mode: ENABLED`),
   * read into `stat.checksums`; a server sends them only for an object
   * uploaded with one.
   */
  fetchChecksum?: boolean;
}

/**
 * Options of {@link getObject}.
 *
 * @example
 * ```ts
 * import { type GetObjectOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: GetObjectOptions = {
 *   offset: 1024, length: 4096, modifiedSince: new Date("2024-01-01T00:00:00Z"),
 *   onProgress: ({ loaded, total }) => console.log(loaded, total),
 * };
 * const res = await client.getObject("photos", "big.bin", options);
 * console.log(res.status); // 206
 * ```
 */
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
  /**
   * Response header overrides, by their query names: `response-content-type`,
   * `response-content-disposition`, `response-cache-control`,
   * `response-content-encoding`, `response-content-language`, `response-expires`.
   */
  responseHeaders?: Record<string, string>;
  /** Called as body bytes arrive, with the total when known. */
  onProgress?: (progress: { loaded: number; total?: number }) => void;
  /**
   * Times the body may resume after it breaks part-way (default: the
   * client's `maxResumes`, 3; 0 turns resuming off). A resume asks for the
   * rest with a Range from the byte reached and `If-Match` on the ETag, so
   * a changed object ends the download with a `DownloadInterruptedError`
   * rather than splicing two versions.
   */
  maxResumes?: number;
}

/**
 * A downloaded object: its properties and a web `ReadableStream` body, read
 * once with `body`, `bytes()`, `arrayBuffer()`, `text()`, `json()` or `blob()`.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectResponse } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const res: ObjectResponse = await client.getObject("photos", "notes.txt");
 * console.log(res.status, res.stat.size, res.stat.contentType, res.headers.get("etag"));
 * console.log(await res.text()); // the body is read once: text(), bytes(), json(), blob() or body
 * ```
 */
export class ObjectResponse {
  /** The object's properties from the response headers. */
  readonly stat: ObjectStat;
  /** HTTP status: 200, or 206 for a range. */
  readonly status: number;
  readonly #response: Response;

  /**
   * Wraps a successful GET response; `onProgress` is called as the body is
   * read.
   */
  constructor(
    bucket: string,
    name: string,
    response: Response,
    onProgress?: (progress: { loaded: number; total?: number }) => void,
  ) {
    this.status = response.status;
    this.stat = statFromHeaders(bucket, name, response.headers);
    const length = response.headers.get("content-length");
    const total = length === null ? undefined : Number(length);
    if (onProgress && response.body) {
      let loaded = 0;
      const counted = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            loaded += chunk.length;
            controller.enqueue(chunk);
            onProgress({ loaded, total });
          },
        }),
      );
      response = new Response(counted, { status: response.status, headers: response.headers });
    }
    this.#response = response;
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

/**
 * The headers of a read's SSE-C key, checked, and of `fetchChecksum`. The
 * SSE checks load on use: an app that never reads SSE-C objects does not
 * download them.
 */
async function readHeaders(
  core: MinioCore,
  options: StatObjectOptions,
): Promise<Record<string, string>> {
  const { ssec, fetchChecksum } = options;
  if (fetchChecksum !== undefined && typeof fetchChecksum !== "boolean") {
    throw new InvalidArgumentError("fetchChecksum must be a boolean");
  }
  const headers: Record<string, string> = fetchChecksum ? { "x-amz-checksum-mode": "ENABLED" } : {};
  if (ssec === undefined) return headers;
  const { customerKeyHeaders } = await import("../../config/sse_check.ts");
  return { ...headers, ...customerKeyHeaders(ssec, core.secure) };
}

/** Builds the headers of a GET: range and conditions. */
export function getObjectHeaders(options: GetObjectOptions): Record<string, string> {
  const { offset, length } = options;
  checkOptionalInteger(offset, "offset");
  checkOptionalInteger(length, "length");
  if (length === 0) throw new InvalidArgumentError("length must be at least 1 when given");
  for (const k of ["matchETag", "notMatchETag"] as const) checkOptionalString(options[k], k);
  for (const k of ["modifiedSince", "unmodifiedSince"] as const) checkOptionalDate(options[k], k);
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

/**
 * Downloads an object, or a range of it with `offset`/`length`.
 *
 * @example
 * ```ts
 * const res = await client.getObject("photos", "notes.txt", { offset: 0, length: 4 });
 * console.log(await res.text(), res.stat.size);
 * ```
 */
export async function getObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: GetObjectOptions = {},
): Promise<ObjectResponse> {
  checkBucketName(bucket);
  checkObjectName(name);
  const headers = { ...getObjectHeaders(options), ...await readHeaders(core, options) };
  const query = versionQuery(options.versionId);
  if (options.responseHeaders !== undefined) {
    // Loaded on use: most downloads override no response header.
    const { responseHeaderQuery } = await import("../common/response_headers.ts");
    query.push(...responseHeaderQuery(options.responseHeaders));
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") {
    throw new InvalidArgumentError("onProgress must be a function");
  }
  checkOptionalInteger(options.maxResumes, "maxResumes");
  const spec: DownloadSpec = { core, bucket, object: name, query, headers, options };
  // Set once the answer is in: the body of an error answer is never resumed.
  let first: Response | undefined = undefined;
  const res = await core.request({
    method: "GET",
    bucket,
    object: name,
    query,
    headers,
    options,
    // A body that breaks part-way is resumed from the byte reached; loaded on its first failure.
    resumeBody: async (state, cause) => {
      if (!first) throw cause;
      const { resumeDownload } = await import("./resume_download.ts");
      return await resumeDownload(first, spec, state, cause);
    },
  });
  first = res;
  return new ObjectResponse(bucket, name, res, options.onProgress);
}

/**
 * Downloads `length` bytes from `offset` (to the end without `length`), as
 * minio-js names it.
 *
 * @example
 * ```ts
 * const res = await client.getPartialObject("photos", "big.bin", 1024, 4096);
 * console.log((await res.bytes()).length); // 4096
 * ```
 */
// deno-lint-ignore require-await -- async so that bad input rejects, never throws.
export async function getPartialObject(
  core: MinioCore,
  bucket: string,
  name: string,
  offset: number,
  length?: number,
  options: GetObjectOptions = {},
): Promise<ObjectResponse> {
  checkInteger(offset, "offset");
  return getObject(core, bucket, name, { ...options, offset, length });
}

/**
 * Reads an object's properties and user metadata.
 *
 * @example
 * ```ts
 * const stat = await client.statObject("photos", "notes.txt");
 * console.log(stat.size, stat.etag, stat.metadata);
 * ```
 */
export async function statObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: StatObjectOptions = {},
): Promise<ObjectStat> {
  checkBucketName(bucket);
  checkObjectName(name);
  const query = versionQuery(options.versionId);
  const headers = await readHeaders(core, options);
  const res = await core.request({ method: "HEAD", bucket, object: name, query, headers, options });
  return statFromHeaders(bucket, name, res.headers);
}

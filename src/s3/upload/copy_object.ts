/**
 * Server-side copy and compose, as minio-py's `copy_object` and
 * `compose_object`: one CopyObject request where it can be, otherwise a
 * multipart upload whose parts are UploadPartCopy ranges of the sources (at
 * most 5 GiB each), aborted on any failure so nothing is left behind.
 *
 * @module
 */

import { parseOkBody } from "../../core/parse_error.ts";
import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { COPY, type Directive, REPLACE } from "../../config/common.ts";
import { ComposeSource, CopySource } from "../../config/copy_source.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { linkedController } from "../../base/abort.ts";
import { runPool } from "../../base/pool.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import { checkSse, isCustomerKey } from "../../config/sse_check.ts";
import { MAX_OBJECT_SIZE, MAX_PART_COUNT, MAX_PART_SIZE, MIN_PART_SIZE } from "./part_size.ts";
import { childText } from "../../xml/parse.ts";
import { statObject } from "../object/get_object.ts";
import { abortMultipartUpload, type ObjectWriteResult } from "./multipart.ts";
import { finishUpload, startUpload } from "./multipart_safe.ts";
import { type ObjectStat, unquoteETag } from "../common/object_headers.ts";
import { writeHeaders, type WriteOptions } from "./write_headers.ts";

/**
 * Options of {@link composeObject}: how the new object is written.
 *
 * @example
 * ```ts
 * import { type ComposeObjectOptions, ComposeSource, Minio, SseS3 } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: ComposeObjectOptions = { contentType: "text/plain", sse: new SseS3() };
 * await client.composeObject("logs", "week.log", [
 *   new ComposeSource("logs", "monday.log"),
 *   new ComposeSource("logs", "tuesday.log"),
 * ], options);
 * ```
 */
export interface ComposeObjectOptions extends RequestOptions, WriteOptions {}

/**
 * Options of {@link copyObject}.
 *
 * @example
 * ```ts
 * import { type CopyObjectOptions, CopySource, Minio, REPLACE } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: CopyObjectOptions = {
 *   metadata: { reviewed: "yes" }, metadataDirective: REPLACE,
 *   tags: { stage: "approved" }, taggingDirective: REPLACE,
 * };
 * const source = new CopySource("photos", "inbox/cat.png");
 * await client.copyObject("photos", "approved/cat.png", source, options);
 * ```
 */
export interface CopyObjectOptions extends ComposeObjectOptions {
  /**
   * `COPY` keeps the source's metadata and content type; `REPLACE` sets
   * `metadata` and `contentType` instead. Default: `REPLACE` when either is
   * given, else the server's default (`COPY`).
   */
  metadataDirective?: Directive;
  /** `COPY` keeps the source's tags; `REPLACE` sets `tags`. Default as above. */
  taggingDirective?: Directive;
}

/** Requests (HEADs, part copies) in flight at once. */
const CONCURRENCY = 4;

/**
 * Copies `source` to `bucket/name` on the server. A byte range of the
 * source, or a source over 5 GiB, is copied part by part as
 * {@link composeObject} does; COPY directives cannot apply then.
 *
 * @example
 * ```ts
 * import { CopySource, REPLACE } from "@minio-edge/minio";
 * await client.copyObject("backup", "cat.png", new CopySource("photos", "cat.png"));
 * await client.copyObject("photos", "cat-2.png", new CopySource("photos", "cat.png", {
 *   matchETag: "9b2cf535f27731c974343645a3985328",
 * }), { metadata: { reviewed: "yes" }, metadataDirective: REPLACE });
 * ```
 */
export async function copyObject(
  core: MinioCore,
  bucket: string,
  name: string,
  source: CopySource,
  options: CopyObjectOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkSource(core, source, "source", "CopySource");
  const meta = directive(
    options.metadataDirective,
    "metadataDirective",
    options.metadata !== undefined || options.contentType !== undefined,
  );
  const tag = directive(options.taggingDirective, "taggingDirective", options.tags !== undefined);
  const headers = await destinationHeaders(core, options, meta, tag);
  // A multipart copy starts a new object: the source's metadata and tags
  // cannot be carried over, so asking for it is an error (as in minio-py).
  const checkNoCopyDirective = () => {
    if (meta === COPY || tag === COPY) {
      throw new InvalidArgumentError(
        "COPY directives do not apply to a byte range or a source over 5 GiB",
      );
    }
  };
  if (source.ranged) {
    checkNoCopyDirective();
    return composeObject(core, bucket, name, [ComposeSource.of(source)], options);
  }
  const stat = await statSource(core, source, options.signal);
  if (stat.size > MAX_PART_SIZE) {
    checkNoCopyDirective();
    return composeStatted(core, bucket, name, [source], [stat], options);
  }
  return copyRequest(core, bucket, name, source, headers, options);
}

/**
 * Builds `bucket/name` from the sources in order (whole objects or byte
 * ranges) by server-side copy. Every source is pinned to the ETag it had
 * when looked at, so a source changed meanwhile fails the compose.
 *
 * @example
 * ```ts
 * import { ComposeSource } from "@minio-edge/minio";
 * await client.composeObject("logs", "all.log", [
 *   new ComposeSource("logs", "day-1.log"),
 *   new ComposeSource("logs", "day-2.log", { offset: 0, length: 1024 }),
 * ], { contentType: "text/plain" });
 * ```
 */
export async function composeObject(
  core: MinioCore,
  bucket: string,
  name: string,
  sources: ComposeSource[],
  options: ComposeObjectOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  if (!Array.isArray(sources) || sources.length === 0 || sources.length > MAX_PART_COUNT) {
    throw new InvalidArgumentError(`sources must be an array of 1 to ${MAX_PART_COUNT} sources`);
  }
  sources.forEach((s, i) => checkSource(core, s, `sources[${i}]`, "ComposeSource"));
  await writeHeaders(core, options); // checked before the HEADs; built again once the path is known
  const stats = await runPool(
    sources.length,
    CONCURRENCY,
    (i) => statSource(core, sources[i], options.signal),
  );
  return composeStatted(core, bucket, name, sources, stats, options);
}

function checkSource(core: MinioCore, source: unknown, what: string, type: string): void {
  if (!(source instanceof CopySource)) throw new InvalidArgumentError(`${what} must be a ${type}`);
  checkSse(source.ssec, core.secure, `${what}.ssec`);
}

/** The directive to send: none when nothing is asked for, REPLACE when values are given. */
function directive(value: unknown, what: string, given: boolean): Directive | undefined {
  if (value === undefined) return given ? REPLACE : undefined;
  if (value !== COPY && value !== REPLACE) {
    throw new InvalidArgumentError(`${what} must be ${COPY} or ${REPLACE}`);
  }
  if (value === COPY && given) {
    // The server would silently ignore them.
    throw new InvalidArgumentError(`${what} COPY keeps the source's values; do not pass new ones`);
  }
  return value;
}

/** Headers of the new object; metadata and tags only where they replace the source's. */
async function destinationHeaders(
  core: MinioCore,
  options: CopyObjectOptions,
  meta: Directive | undefined,
  tag: Directive | undefined,
): Promise<Record<string, string>> {
  const replaceMeta = meta === REPLACE;
  const headers = await writeHeaders(core, {
    ...options,
    metadata: replaceMeta ? options.metadata : undefined,
    contentType: replaceMeta ? options.contentType : undefined,
    tags: tag === REPLACE ? options.tags : undefined,
  });
  if (!replaceMeta) delete headers["content-type"];
  if (meta) headers["x-amz-metadata-directive"] = meta;
  if (tag) headers["x-amz-tagging-directive"] = tag;
  return headers;
}

function statSource(core: MinioCore, s: CopySource, signal?: AbortSignal): Promise<ObjectStat> {
  return statObject(core, s.bucket, s.object, { versionId: s.versionId, ssec: s.ssec, signal });
}

async function composeStatted(
  core: MinioCore,
  bucket: string,
  name: string,
  sources: CopySource[],
  stats: ObjectStat[],
  options: CopyObjectOptions,
): Promise<ObjectWriteResult> {
  const sseHeaders = isCustomerKey(options.sse) ? options.sse.headers() : {};
  const parts = planParts(sources, stats, sseHeaders);
  if (parts.length === 1 && !sources[0].ranged) {
    // One whole object fits one CopyObject, which also keeps the source's
    // metadata and tags unless new ones are given (as minio-py does).
    const meta = options.metadata !== undefined || options.contentType !== undefined;
    const headers = await destinationHeaders(
      core,
      options,
      meta ? REPLACE : undefined,
      options.tags !== undefined ? REPLACE : undefined,
    );
    return copyRequest(core, bucket, name, sources[0], headers, options);
  }
  const headers = await writeHeaders(core, options);
  return multipartCopy(core, bucket, name, parts, headers, sseHeaders, options);
}

/**
 * The UploadPartCopy headers of every part: each source's range (the whole
 * object when it has none) split into pieces of at most 5 GiB, as minio-py
 * splits them. Checks the ranges against the sizes and S3's part limits.
 */
function planParts(
  sources: CopySource[],
  stats: ObjectStat[],
  sseHeaders: Record<string, string>,
): Record<string, string>[] {
  const parts: Record<string, string>[] = [];
  let total = 0;
  sources.forEach((src, i) => {
    const size = stats[i].size;
    const last = i === sources.length - 1;
    const what = `source ${src.bucket}/${src.object}` +
      (src.versionId ? `?versionId=${src.versionId}` : "");
    const start = src.offset ?? 0;
    if (src.offset !== undefined && src.offset >= size) {
      throw new InvalidArgumentError(`${what}: offset ${src.offset} is beyond its size ${size}`);
    }
    if (src.length !== undefined && start + src.length > size) {
      throw new InvalidArgumentError(
        `${what}: offset + length ${start + src.length} is beyond its size ${size}`,
      );
    }
    const length = src.length ?? size - start;
    if (!last && length < MIN_PART_SIZE) {
      throw new InvalidArgumentError(
        `${what}: ${length} bytes; every source but the last must be at least 5 MiB`,
      );
    }
    total += length;
    if (total > MAX_OBJECT_SIZE) throw new InvalidArgumentError("composed object exceeds 5 TiB");
    // Pinning the ETag seen now stops a source replaced meanwhile from
    // mixing old and new bytes.
    const etag = src.matchETag ?? stats[i].etag;
    const pin: Record<string, string> = etag ? { "x-amz-copy-source-if-match": etag } : {};
    const part = (range?: { start: number; length: number }) => ({
      ...src.copyHeaders(range),
      ...pin,
      ...sseHeaders,
    });
    if (length <= MAX_PART_SIZE) {
      parts.push(part(src.ranged ? { start, length } : undefined));
      return;
    }
    for (let offset = start, end = start + length; offset < end; offset += MAX_PART_SIZE) {
      const n = Math.min(MAX_PART_SIZE, end - offset);
      if (!last && n < MIN_PART_SIZE) {
        throw new InvalidArgumentError(
          `${what}: split into 5 GiB parts, its last part of ${n} bytes is under 5 MiB`,
        );
      }
      parts.push(part({ start: offset, length: n }));
    }
  });
  if (parts.length > MAX_PART_COUNT) {
    throw new InvalidArgumentError(`the sources make more than ${MAX_PART_COUNT} parts`);
  }
  return parts;
}

/** One CopyObject request. */
async function copyRequest(
  core: MinioCore,
  bucket: string,
  name: string,
  source: CopySource,
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<ObjectWriteResult> {
  const res = await core.request({
    method: "PUT",
    bucket,
    object: name,
    headers: { ...headers, ...source.copyHeaders() },
    options,
    buffered: true,
  });
  return {
    bucket,
    name,
    etag: await copyResultETag(res, "CopyObjectResult", bucket, name),
    versionId: res.headers.get("x-amz-version-id") ?? undefined,
    headers: res.headers,
  };
}

/** CreateMultipartUpload, the part copies `CONCURRENCY` at a time, Complete; or Abort. */
async function multipartCopy(
  core: MinioCore,
  bucket: string,
  name: string,
  parts: Record<string, string>[],
  createHeaders: Record<string, string>,
  sseHeaders: Record<string, string>,
  options: RequestOptions,
): Promise<ObjectWriteResult> {
  const controller = linkedController(options.signal);
  const signal = controller.signal;
  try {
    const uploadId = await startUpload(core, bucket, name, createHeaders, { signal });
    try {
      const etags = await runPool(parts.length, CONCURRENCY, async (i) => {
        const res = await core.request({
          method: "PUT",
          bucket,
          object: name,
          query: [["partNumber", String(i + 1)], ["uploadId", uploadId]],
          headers: parts[i],
          options: { signal },
          buffered: true,
        });
        return copyResultETag(res, "CopyPartResult", bucket, name);
      }, (e) => controller.abort(e));
      const done = etags.map((etag, i) => ({ partNumber: i + 1, etag }));
      return await finishUpload(core, bucket, name, uploadId, done, sseHeaders, {
        signal,
      });
    } catch (e) {
      // The abort must reach the server even when the caller's signal fired.
      await abortMultipartUpload(core, bucket, name, uploadId).catch(() => {});
      throw e;
    }
  } finally {
    controller.dispose();
  }
}

/** The ETag of a copy result; S3 may answer 200 with an <Error> body. */
async function copyResultETag(
  res: Response,
  root: string,
  bucket: string,
  name: string,
): Promise<string> {
  const doc = parseOkBody(await res.text(), res.status, { bucket, object: name });
  const etag = doc.name === root ? childText(doc, "ETag") : undefined;
  if (!etag) {
    throw new InvalidResponseError(
      `expected <${root}> with an ETag`,
      res.status,
      "application/xml",
    );
  }
  return unquoteETag(etag);
}

/**
 * PutObjectFanOut, a MinIO extension: one body written as many objects in a
 * single request. It is a POST policy form upload whose `x-minio-fanout-list`
 * field lists the objects; the server answers one JSON line per object.
 *
 * @module
 */

import { coreCredentials, type MinioCore, type RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, InvalidResponseError } from "../../base/errors.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import { PostPolicy } from "../../config/post_policy.ts";
import type { Sse } from "../../config/sse.ts";
import { checkSse } from "../../config/sse_check.ts";
import { randomHex } from "../../crypto/hex.ts";
import { Tags } from "../../config/tags.ts";
import { metadataHeaders } from "../upload/metadata_headers.ts";
import { wholeBodyBytes } from "../upload/body_bytes.ts";

/**
 * One object to write from the shared body.
 *
 * @example
 * ```ts
 * import { type FanOutEntry, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const entries: FanOutEntry[] = [
 *   { key: "thumbs/a.png", contentType: "image/png", metadata: { owner: "ann" } },
 *   { key: "thumbs/b.png", tags: { size: "small" }, cacheControl: "max-age=3600" },
 * ];
 * await client.putObjectFanOut("photos", new Uint8Array([137, 80, 78, 71]), entries);
 * ```
 */
export interface FanOutEntry {
  /** Object name. */
  key: string;
  /** User metadata; plain keys become `x-amz-meta-*`, standard headers pass. */
  metadata?: Record<string, string>;
  /** Object tags. */
  tags?: Tags | Record<string, string>;
  /** Content type (default `application/octet-stream`). */
  contentType?: string;
  /** Content encoding. */
  contentEncoding?: string;
  /** Content disposition. */
  contentDisposition?: string;
  /** Content language. */
  contentLanguage?: string;
  /** Cache control. */
  cacheControl?: string;
}

/**
 * The server's answer for one entry: the new object, or why it failed.
 *
 * @example
 * ```ts
 * import { type FanOutResult, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const entries = [{ key: "a.txt" }, { key: "b.txt" }];
 * const results: FanOutResult[] = await client.putObjectFanOut("docs", "same text", entries);
 * for (const r of results) console.log(r.key, r.error ?? r.etag, r.lastModified);
 * ```
 */
export interface FanOutResult {
  /** Object name. */
  key: string;
  /** ETag of the new object. */
  etag?: string;
  /** Version id, on versioned buckets. */
  versionId?: string;
  /** Modification time of the new object. */
  lastModified?: Date;
  /** The server's error for this entry; the others may still have been written. */
  error?: string;
}

/**
 * Options of {@link putObjectFanOut}.
 *
 * @example
 * ```ts
 * import { Minio, type PutObjectFanOutOptions, SseS3 } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: PutObjectFanOutOptions = { sse: new SseS3(), signal: AbortSignal.timeout(30_000) };
 * await client.putObjectFanOut("docs", "same text", [{ key: "a.txt" }, { key: "b.txt" }], options);
 * ```
 */
export interface PutObjectFanOutOptions extends RequestOptions {
  /** Encryption of every object: SSE-C or SSE-S3 (MinIO refuses SSE-KMS in a POST). */
  sse?: Sse;
}

/**
 * A fan-out body: bytes the server holds in memory, at most {@link MAX_FAN_OUT_SIZE}.
 *
 * @example
 * ```ts
 * import { type FanOutBody, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const body: FanOutBody = new Blob(["shared content"]);
 * await client.putObjectFanOut("docs", body, [{ key: "eu/notice.txt" }, { key: "us/notice.txt" }]);
 * ```
 */
export type FanOutBody = Uint8Array | ArrayBuffer | ArrayBufferView | Blob | string;

/**
 * MinIO reads at most 16 MiB of a fan-out body.
 *
 * @example
 * ```ts
 * import { MAX_FAN_OUT_SIZE, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const file = new Blob(["report"]);
 * const keys = ["eu/report.txt", "us/report.txt"];
 * if (file.size <= MAX_FAN_OUT_SIZE) {
 *   await client.putObjectFanOut("docs", file, keys.map((key) => ({ key })));
 * } else for (const key of keys) await client.putObject("docs", key, file);
 * ```
 */
export const MAX_FAN_OUT_SIZE = 16 * 1024 * 1024;

const enc = new TextEncoder();

const STANDARD_FIELDS = [
  ["contentType", "content-type"],
  ["contentEncoding", "content-encoding"],
  ["contentDisposition", "content-disposition"],
  ["contentLanguage", "content-language"],
  ["cacheControl", "cache-control"],
] as const;

/**
 * One line of the fan-out list. MinIO stores only `metadata` and `tags` of
 * an entry (it ignores minio-go's `contentType` and similar fields), so the
 * standard headers travel inside `metadata`.
 */
function entryJson(entry: FanOutEntry): string {
  if (entry === null || typeof entry !== "object") {
    throw new InvalidArgumentError("each fan-out entry must be an object with a key");
  }
  checkObjectName(entry.key);
  const metadata = metadataHeaders(entry.metadata);
  for (const [field, header] of STANDARD_FIELDS) {
    const value = entry[field];
    if (value === undefined) continue;
    Object.assign(metadata, metadataHeaders({ [header]: value }));
  }
  const line: Record<string, unknown> = { key: entry.key };
  if (Object.keys(metadata).length) line.metadata = metadata;
  if (entry.tags !== undefined) {
    const tags = entry.tags instanceof Tags ? entry.tags : Tags.from(entry.tags);
    if (tags.size) line.tags = Object.fromEntries(tags);
  }
  return JSON.stringify(line);
}

/** A multipart/form-data body: text fields in order, then the `file` field. */
export function formBody(
  fields: [string, string][],
  file: Uint8Array,
  boundary: string,
): Uint8Array {
  let head = "";
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
    `filename="fanout-content"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const headBytes = enc.encode(head);
  const tail = enc.encode(`\r\n--${boundary}--\r\n`);
  const out = new Uint8Array(headBytes.length + file.length + tail.length);
  out.set(headBytes);
  out.set(file, headBytes.length);
  out.set(tail, headBytes.length + file.length);
  return out;
}

function parseResult(line: string): FanOutResult {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line);
  } catch {
    throw new InvalidResponseError(`malformed fan-out result: ${line.slice(0, 200)}`, 200);
  }
  const s = (x: unknown) => typeof x === "string" && x !== "" ? x : undefined;
  const modified = s(v.lastModified);
  return {
    key: String(v.key ?? ""),
    etag: s(v.etag),
    versionId: s(v.versionId),
    lastModified: modified ? new Date(modified) : undefined,
    error: s(v.error),
  };
}

/**
 * Writes `body` as one object per entry in a single request and returns the
 * server's result for each entry, in the server's order.
 *
 * @example
 * ```ts
 * const results = await client.putObjectFanOut("photos", "same bytes", [
 *   { key: "copies/a.txt", contentType: "text/plain" },
 *   { key: "copies/b.txt", metadata: { owner: "me" }, tags: { team: "x" } },
 * ]);
 * for (const r of results) console.log(r.key, r.etag ?? r.error);
 * ```
 */
export async function putObjectFanOut(
  core: MinioCore,
  bucket: string,
  body: FanOutBody,
  entries: FanOutEntry[],
  options: PutObjectFanOutOptions = {},
): Promise<FanOutResult[]> {
  checkBucketName(bucket);
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new InvalidArgumentError("entries must be a non-empty array");
  }
  const list = entries.map(entryJson).join("\n") + "\n";
  checkSse(options.sse, core.secure);
  if (options.sse?.headers()["x-amz-server-side-encryption"] === "aws:kms") {
    throw new InvalidArgumentError("sse: MinIO does not accept SSE-KMS in a fan-out upload");
  }
  const file = await wholeBodyBytes(body, "body");
  if (file.length > MAX_FAN_OUT_SIZE) {
    throw new InvalidArgumentError(`body must be at most ${MAX_FAN_OUT_SIZE} bytes for a fan-out`);
  }

  // The policy's own key names no object; the entries do.
  const nonce = randomHex(8);
  const policy = new PostPolicy(bucket, new Date(Date.now() + 15 * 60_000))
    .addEqualsCondition("key", `fanout-${nonce}`);
  // Every form field must appear in the policy, so the SSE fields become conditions.
  for (const [k, v] of Object.entries(options.sse?.headers() ?? {})) {
    policy.addEqualsCondition(k, v);
  }
  const region = await core.bucketRegion(bucket, options.signal);
  const fields = policy.formData(await coreCredentials(core), region);
  const boundary = `----minio-edge-${nonce}`;
  const form = formBody(
    [...Object.entries(fields), ["x-minio-fanout-list", list]],
    file,
    boundary,
  );
  // The form's policy signature is the authentication; MinIO refuses a second one.
  const res = await core.request({
    method: "POST",
    bucket,
    unsigned: true,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: form,
    options,
  });
  const text = await res.text();
  return text.split("\n").filter((l) => l.trim() !== "").map(parseResult);
}

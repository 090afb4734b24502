/**
 * What multipart_safe.ts does after a retried create or complete: find the
 * uploads lost attempts started, and recognise an object an earlier
 * complete wrote. Loaded only after such a retry.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { md5Bytes } from "../../crypto/md5.ts";
import { bytesToHex } from "../../crypto/hex.ts";
import { unquoteETag } from "../common/object_headers.ts";
import { abortMultipartUpload, type ObjectWriteResult, type UploadedPart } from "./multipart.ts";
import {
  type IncompleteUpload,
  listIncompleteUploads,
  uploadsOfPage,
  uploadsQuery,
} from "./incomplete_uploads.ts";
import { parseXml } from "../../xml/parse.ts";
import { ServerError } from "../../base/errors.ts";

/**
 * Slack around the span of our attempts, in server time: a lost attempt
 * may reach the server a little before or after it was sent by our clock.
 */
const SLACK_MS = 1_000;

/**
 * Aborts the uploads of `name` that lost attempts of one create started:
 * those initiated within `spanMs` (from the first attempt's send to the
 * answer) plus slack before the upload that `uploadId` names. The window
 * is anchored on that upload's own `Initiated` time, so clock skew does
 * not matter; the list has millisecond precision. An upload of the same
 * name another client started in that window is aborted too; it then
 * fails loudly (NoSuchUpload), never silently.
 */
export async function abortLostUploads(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  spanMs: number,
  options: RequestOptions,
): Promise<void> {
  const uploads: IncompleteUpload[] = [];
  let ours: number | undefined;
  const listing = { signal: options.signal, prefix: name, recursive: true };
  for await (const u of listIncompleteUploads(core, bucket, listing)) {
    // Names come sorted, so `name` itself comes before the longer ones it prefixes.
    if (u.name !== name) break;
    if (u.uploadId === uploadId) ours = u.initiated?.getTime();
    else uploads.push(u);
  }
  if (ours === undefined) return;
  await abortWithin(
    core,
    bucket,
    name,
    uploads,
    ours - spanMs - SLACK_MS,
    ours + SLACK_MS,
    options,
  );
}

/**
 * After a create that failed with `error`: when an attempt had no answer
 * (`retried`, or the error says none came), aborts the uploads of `name`
 * such attempts may have started, none of whose ids came back. Best
 * effort: nothing it meets is thrown, and an attempt that reaches the
 * server after this has looked is not seen.
 *
 * There is no upload of ours to date them by, so the window is anchored
 * on the server's clock, the `Date` of the listing's answer (whole
 * seconds): from the time since the first attempt was sent, plus slack,
 * before it, to a second plus slack after it (nothing is aborted where
 * `Date` cannot be read: a browser shows it only when the server's CORS
 * answer exposes it). The listing is one attempt, not retried: a server
 * that cannot be reached now adds no wait to the failure being reported.
 * As with {@link abortLostUploads}, another client's upload of the same
 * name started in that window is aborted too, and fails loudly.
 */
export async function abortUnansweredUploads(
  core: MinioCore,
  bucket: string,
  name: string,
  firstSent: number,
  retried: boolean,
  error: unknown,
  options: RequestOptions,
): Promise<void> {
  if (!retried && !(error instanceof ServerError && error.status === 0)) return;
  await abortSinceServerNow(core, bucket, name, firstSent, options).catch(() => {});
}

async function abortSinceServerNow(
  core: MinioCore,
  bucket: string,
  name: string,
  firstSent: number,
  options: RequestOptions,
): Promise<void> {
  const res = await core.request({
    method: "GET",
    bucket,
    query: uploadsQuery(name),
    options: { signal: options.signal },
    idempotent: false,
    buffered: true,
  });
  const spanMs = Date.now() - firstSent;
  const now = Date.parse(res.headers.get("date") ?? "");
  if (Number.isNaN(now)) return;
  const root = parseXml(await res.text(), "ListMultipartUploadsResult");
  const uploads = uploadsOfPage(root).filter((u) => u.name === name);
  await abortWithin(core, bucket, name, uploads, now - spanMs - SLACK_MS, now + 1_000 + SLACK_MS, {
    signal: options.signal,
  });
}

/** Aborts those of `uploads` initiated from `from` to `to` (ms since the epoch). */
async function abortWithin(
  core: MinioCore,
  bucket: string,
  name: string,
  uploads: readonly IncompleteUpload[],
  from: number,
  to: number,
  options: RequestOptions,
): Promise<void> {
  for (const u of uploads) {
    const at = u.initiated?.getTime();
    if (at !== undefined && at >= from && at <= to) {
      await abortMultipartUpload(core, bucket, name, u.uploadId, { signal: options.signal });
    }
  }
}

/**
 * The ETag S3 gives the object completed from `parts`: the MD5 of the
 * parts' binary MD5s, a dash and the part count. Undefined when a part's
 * ETag is not an MD5 in hex.
 */
export function multipartETag(parts: readonly UploadedPart[]): string | undefined {
  const all = new Uint8Array(parts.length * 16);
  for (const [i, p] of parts.entries()) {
    if (!/^[0-9a-fA-F]{32}$/.test(p.etag)) return undefined;
    for (let j = 0; j < 16; j++) {
      all[i * 16 + j] = parseInt(p.etag.slice(j * 2, j * 2 + 2), 16);
    }
  }
  return `${bytesToHex(md5Bytes(all))}-${parts.length}`;
}

/**
 * The object as the completion of `parts` wrote it, or undefined when
 * `name` is not that object (another writer's, or none). Read with HEAD,
 * with the SSE-C headers among `headers`.
 */
export async function completedObject(
  core: MinioCore,
  bucket: string,
  name: string,
  parts: readonly UploadedPart[],
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<ObjectWriteResult | undefined> {
  const expected = multipartETag(parts);
  if (!expected) return undefined;
  const ssec: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase().startsWith("x-amz-server-side-encryption-customer-")) ssec[k] = v;
  }
  const res = await core.request({
    method: "HEAD",
    bucket,
    object: name,
    headers: ssec,
    options: { signal: options.signal },
  });
  const etag = unquoteETag(res.headers.get("etag"));
  if (etag.toLowerCase() !== expected) return undefined;
  return {
    bucket,
    name,
    etag,
    versionId: res.headers.get("x-amz-version-id") ?? undefined,
    headers: res.headers,
  };
}

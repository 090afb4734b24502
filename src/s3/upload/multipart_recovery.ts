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
import { listIncompleteUploads } from "./incomplete_uploads.ts";

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
  const uploads: { uploadId: string; at: number }[] = [];
  let ours: number | undefined;
  const listing = { signal: options.signal, prefix: name, recursive: true };
  for await (const u of listIncompleteUploads(core, bucket, listing)) {
    // Names come sorted, so `name` itself comes before the longer ones it prefixes.
    if (u.name !== name) break;
    if (!u.initiated) continue;
    if (u.uploadId === uploadId) ours = u.initiated.getTime();
    else uploads.push({ uploadId: u.uploadId, at: u.initiated.getTime() });
  }
  if (ours === undefined) return;
  for (const u of uploads) {
    if (u.at >= ours - spanMs - SLACK_MS && u.at <= ours + SLACK_MS) {
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

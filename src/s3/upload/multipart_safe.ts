/**
 * CreateMultipartUpload and CompleteMultipartUpload made safe to retry.
 * Neither is idempotent: a create whose answer is lost has started an
 * upload nobody knows the id of, and a complete whose answer is lost has
 * written the object, so its repeat finds no upload. After a retry, the
 * create aborts the uploads its lost attempts started (also when it fails
 * in the end), and the complete checks the object before it reports a
 * NoSuchUpload. The checks are loaded only when a retry happened or an
 * attempt had no answer. A create the caller aborts gets a few seconds
 * for its answer, so that the upload it made is aborted too.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { S3Error } from "../../base/errors.ts";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  type ObjectWriteResult,
  type UploadedPart,
} from "./multipart.ts";

/**
 * How long a create the caller aborted may still take to answer: an abort
 * that lands after the server made the upload but before its answer came
 * would otherwise leave an upload nobody knows the id of.
 */
const CREATE_ABORT_GRACE_MS = 3_000;

/**
 * Starts a multipart upload, retrying like an idempotent request; when a
 * retry was needed, aborts the other uploads of `name` that the lost
 * attempts started (best effort: the upload goes on if that fails). When
 * the create fails after an attempt that had no answer, the uploads such
 * attempts may have started are aborted too before the error is thrown.
 *
 * When the caller aborts while the create is in flight, the create gets up
 * to {@link CREATE_ABORT_GRACE_MS} more for its answer; the upload it
 * names is then aborted on the server, and the caller gets its abort
 * reason. A create still unanswered then is cut short.
 */
export async function startUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  headers: Record<string, string>,
  options: RequestOptions = {},
): Promise<string> {
  const { signal, ...rest } = options;
  if (!signal) return await createOnce(core, bucket, name, headers, rest);
  signal.throwIfAborted();
  const own = new AbortController();
  let grace: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => {
    grace = setTimeout(() => own.abort(signal.reason), CREATE_ABORT_GRACE_MS);
  };
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const uploadId = await createOnce(core, bucket, name, headers, { ...rest, signal: own.signal });
    if (!signal.aborted) return uploadId;
    await abortMultipartUpload(core, bucket, name, uploadId).catch(() => {});
    throw signal.reason;
  } catch (e) {
    throw signal.aborted ? signal.reason : e;
  } finally {
    clearTimeout(grace);
    signal.removeEventListener("abort", onAbort);
  }
}

/** The create and, after a retry, the clean-up of the lost attempts. */
async function createOnce(
  core: MinioCore,
  bucket: string,
  name: string,
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<string> {
  const firstSent = Date.now();
  let retried = false;
  let uploadId: string;
  try {
    uploadId = await createMultipartUpload(core, bucket, name, headers, options, () => {
      retried = true;
    });
  } catch (e) {
    // Not when the caller aborted: startUpload handles that.
    if (!options.signal?.aborted) {
      const { abortUnansweredUploads } = await import("./multipart_recovery.ts");
      await abortUnansweredUploads(core, bucket, name, firstSent, retried, e, options);
    }
    throw e;
  }
  if (retried) {
    // From the first attempt's send to the answer, not to the last send:
    // the attempt that answered may reach the server well after it left
    // (a slow link), and the server dates its upload from then.
    const spanMs = Date.now() - firstSent;
    const { abortLostUploads } = await import("./multipart_recovery.ts");
    await abortLostUploads(core, bucket, name, uploadId, spanMs, options).catch(() => {});
  }
  return uploadId;
}

/**
 * Completes a multipart upload, retrying like an idempotent request. A
 * NoSuchUpload after a retry means an earlier attempt may have completed
 * it: the object is checked, and returned when its ETag is the one these
 * parts make; otherwise the error stands.
 */
export async function finishUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  parts: UploadedPart[],
  headers: Record<string, string> = {},
  options: RequestOptions = {},
): Promise<ObjectWriteResult> {
  let retried = false;
  try {
    return await completeMultipartUpload(
      core,
      bucket,
      name,
      uploadId,
      parts,
      headers,
      options,
      () => {
        retried = true;
      },
    );
  } catch (e) {
    if (!retried || !(e instanceof S3Error && e.code === "NoSuchUpload")) throw e;
    const { completedObject } = await import("./multipart_recovery.ts");
    const written = await completedObject(core, bucket, name, parts, headers, options)
      .catch(() => undefined);
    if (written) return written;
    throw e;
  }
}

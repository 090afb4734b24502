/**
 * CreateMultipartUpload and CompleteMultipartUpload made safe to retry.
 * Neither is idempotent: a create whose answer is lost has started an
 * upload nobody knows the id of, and a complete whose answer is lost has
 * written the object, so its repeat finds no upload. After a retry, the
 * create aborts the uploads its lost attempts started, and the complete
 * checks the object before it reports a NoSuchUpload. The checks are loaded
 * only when a retry happened. A create the caller aborts still gets its
 * answer, so the upload it made is aborted too.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { S3Error } from "../../base/errors.ts";
import { abortable } from "../../base/abort.ts";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  type ObjectWriteResult,
  type UploadedPart,
} from "./multipart.ts";

/**
 * Starts a multipart upload, retrying like an idempotent request; when a
 * retry was needed, aborts the other uploads of `name` that the lost
 * attempts started (best effort: the upload goes on if that fails).
 *
 * The caller's signal does not cut the create short: an abort that lands
 * after the server made the upload but before its answer arrived would
 * leave an upload nobody knows the id of. The create runs to its answer
 * (within the client's timeouts) while the caller gets the abort at once,
 * and the upload it made is then aborted on the server.
 */
export async function startUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  headers: Record<string, string>,
  options: RequestOptions = {},
): Promise<string> {
  const { signal, ...rest } = options;
  signal?.throwIfAborted();
  const creating = createOnce(core, bucket, name, headers, rest);
  return await abortable(creating, signal, () => {
    creating.then((id) => abortMultipartUpload(core, bucket, name, id)).catch(() => {});
  });
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
  let lastSent: number | undefined;
  const uploadId = await createMultipartUpload(core, bucket, name, headers, options, () => {
    lastSent = Date.now();
  });
  if (lastSent !== undefined) {
    const { abortLostUploads } = await import("./multipart_recovery.ts");
    await abortLostUploads(core, bucket, name, uploadId, lastSent - firstSent, options)
      .catch(() => {});
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

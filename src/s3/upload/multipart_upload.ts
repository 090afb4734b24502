/**
 * The streaming multipart uploader: parts are read one at a time and sent
 * `concurrency` at a time, so memory stays near partSize x (concurrency + 1)
 * whatever the body's length. Progress is reported as bytes are sent. On any
 * failure or abort, in-flight parts are cancelled and the upload is aborted
 * on the server, so nothing is left behind.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { linkedController } from "../../base/abort.ts";
import { type ChecksumAlgorithm, checksumElement, checksumHeader } from "../../crypto/checksum.ts";
import { checksumBase64 } from "../../crypto/checksum_compute.ts";
import {
  abortMultipartUpload,
  type ObjectWriteResult,
  type UploadedPart,
  uploadPart,
} from "./multipart.ts";
import { finishUpload, startUpload } from "./multipart_safe.ts";
import { MAX_PART_COUNT } from "./part_size.ts";
import type { Part } from "./part_source.ts";

/**
 * Upload progress.
 *
 * @example
 * ```ts
 * import { Minio, type Progress } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const report = ({ loaded, total }: Progress) =>
 *   console.log(total ? `${Math.round((loaded / total) * 100)}%` : `${loaded} bytes`);
 * const file = new Blob([new Uint8Array(64 * 1024 * 1024)]);
 * await client.putObject("videos", "cat.mp4", file, undefined, { onProgress: report });
 * ```
 */
export interface Progress {
  /** Bytes sent and acknowledged or in flight so far. */
  loaded: number;
  /** Total bytes, when the length is known. */
  total?: number;
}

/** What the uploader needs beyond the parts. */
export interface MultipartJob {
  bucket: string;
  name: string;
  /** Headers of CreateMultipartUpload (content type, metadata, SSE, ...). */
  createHeaders: Record<string, string>;
  /** Headers every part and the completion carry (SSE-C). */
  partHeaders: Record<string, string>;
  /** Parts in order. */
  parts: AsyncIterable<Part>;
  /** Parts sent at once. */
  concurrency: number;
  /** Additional checksum sent with each part and the completion. */
  checksum?: ChecksumAlgorithm;
  /** Total length, when known (for progress). */
  total?: number;
  /** Progress callback. */
  onProgress?: (p: Progress) => void;
  /** Cancels the upload. */
  signal?: AbortSignal;
  /** Called when the upload stops early, to release the body. */
  cancelBody: (reason: unknown) => Promise<void>;
}

/** Runs a multipart upload to completion, or aborts it on the server. */
export async function multipartUpload(
  core: MinioCore,
  job: MultipartJob,
): Promise<ObjectWriteResult> {
  const { bucket, name } = job;
  const controller = linkedController(job.signal);
  const signal = controller.signal;
  let uploadId: string | undefined;
  const done: UploadedPart[] = [];
  const inFlight = new Set<Promise<void>>();
  const sending = new Map<number, number>();
  let acknowledged = 0;
  let reported = -1;
  let failure: unknown;

  const report = () => {
    if (!job.onProgress) return;
    let loaded = acknowledged;
    for (const n of sending.values()) loaded += n;
    if (loaded > reported) {
      reported = loaded;
      job.onProgress({ loaded, total: job.total });
    }
  };

  const partChecksum = (bytes: Uint8Array): Promise<string | undefined> =>
    job.checksum ? checksumBase64(job.checksum, bytes) : Promise.resolve(undefined);

  const send = (partNumber: number, { bytes, release }: Part) => {
    sending.set(partNumber, 0);
    const p = partChecksum(bytes).then((sum) =>
      uploadPart(
        core,
        bucket,
        name,
        uploadId!,
        partNumber,
        bytes,
        sum ? { ...job.partHeaders, [checksumHeader(job.checksum!)]: sum } : job.partHeaders,
        { signal },
        // Counted even when nobody asked for progress: a counted part goes
        // out as a stream 1 MiB at a time, and Node's and Bun's fetch copy a
        // byte body whole (a 1 GiB upload peaked at 340 MiB on Node, not 149).
        (sent) => {
          sending.set(partNumber, sent);
          report();
        },
      ).then((etag) => ({ etag, sum }))
    ).then(({ etag, sum }) => {
      sending.delete(partNumber);
      acknowledged += bytes.length;
      done.push({
        partNumber,
        etag,
        checksum: sum ? { algorithm: checksumElement(job.checksum!), value: sum } : undefined,
      });
      report();
    }, (e) => {
      failure ??= e;
      controller.abort(e);
    });
    const tracked = p.finally(() => {
      inFlight.delete(tracked);
      release?.();
    });
    inFlight.add(tracked);
  };

  try {
    uploadId = await startUpload(core, bucket, name, job.createHeaders, { signal });
    let partNumber = 0;
    for await (const part of job.parts) {
      if (failure !== undefined) break;
      signal.throwIfAborted();
      if (++partNumber > MAX_PART_COUNT) {
        throw new InvalidArgumentError(
          `the body needs more than ${MAX_PART_COUNT} parts; raise partSize`,
        );
      }
      send(partNumber, part);
      while (inFlight.size >= job.concurrency && failure === undefined) {
        await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
    signal.throwIfAborted();
    done.sort((a, b) => a.partNumber - b.partNumber);
    return await finishUpload(core, bucket, name, uploadId, done, job.partHeaders, {
      signal,
    });
  } catch (e) {
    controller.abort(e);
    await Promise.allSettled(inFlight);
    await job.cancelBody(e);
    // The abort must reach the server even when the caller's signal fired.
    if (uploadId !== undefined) {
      await abortMultipartUpload(core, bucket, name, uploadId).catch(() => {});
    }
    throw failure ?? e;
  } finally {
    controller.dispose();
  }
}

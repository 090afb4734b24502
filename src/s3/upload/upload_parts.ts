/**
 * An upload that may not fit in one part: bytes longer than the smallest
 * part, or a Blob, stream or file whose parts are read one at a time. The first part is
 * read; if it is also the last, it goes out as one PUT, else the multipart
 * uploader sends it and the rest. Loaded on use by `putObject`, so that an
 * app whose uploads are bytes that fit in one part never downloads it.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import type { ObjectWriteResult } from "./multipart.ts";
import type { Sse } from "../../config/sse.ts";
import { isCustomerKey } from "../../config/sse_check.ts";
import type { MultipartJob } from "./multipart_upload.ts";
import { bytesSource, type Part, type PartSource } from "./part_source.ts";
import { choosePartSize } from "./part_size.ts";

/** The multipart job of the upload, apart from its parts and part headers. */
export type PartsJob = Omit<MultipartJob, "parts" | "cancelBody" | "partHeaders"> & {
  /** Encryption of the new object; an SSE-C key goes with every part too. */
  sse?: Sse;
};

/**
 * Uploads `source` in parts of the given or chosen `partSize`: `putOne`
 * sends a body that turns out to be one part, the multipart uploader
 * anything longer. The part size is checked before any request.
 */
export async function uploadParts(
  core: MinioCore,
  source: Uint8Array | PartSource,
  partSize: number | undefined,
  putOne: (bytes: Uint8Array) => Promise<ObjectWriteResult>,
  job: PartsJob,
): Promise<ObjectWriteResult> {
  const size = choosePartSize(job.total, partSize);
  job.signal?.throwIfAborted();
  const body = source instanceof Uint8Array ? bytesSource(source) : source;
  const parts = body.parts(size);
  let first: IteratorResult<Part, void>;
  try {
    first = await parts.next();
  } catch (e) {
    await body.cancel(e);
    throw e;
  }
  const firstPart = first.value as Part;
  if (firstPart.last) return putOne(firstPart.bytes);
  // Loaded on use: a body of one part never needs the multipart uploader.
  const { multipartUpload } = await import("./multipart_upload.ts");
  const { sse, ...rest } = job;
  return multipartUpload(core, {
    ...rest,
    partHeaders: sse && isCustomerKey(sse) ? sse.headers() : {},
    parts: (async function* () {
      yield firstPart;
      yield* parts;
    })(),
    cancelBody: (reason) => body.cancel(reason),
  });
}

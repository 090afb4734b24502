/**
 * What a browser does with a presigned multipart plan (examples/browser/ has
 * the real page): PUT each part's bytes of the file to its URL, in parallel,
 * and keep the ETags the server answers, for `completeMultipartUpload`.
 *
 * @example
 * ```ts
 * const parts = await sendParts(plan.parts, file);
 * await client.completeMultipartUpload(bucket, name, plan.uploadId, parts);
 * ```
 *
 * @module
 */
import type { CompletedPart, PresignedPart } from "@minio-edge/minio";

/** Sends `parts` of `file`; resolves with their numbers and ETags. */
export async function sendParts(parts: PresignedPart[], file: Blob): Promise<CompletedPart[]> {
  return await Promise.all(parts.map(async (part) => {
    const res = await fetch(part.url, {
      method: "PUT",
      body: file.slice(part.offset, part.offset + part.size),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`part ${part.partNumber}: HTTP ${res.status}`);
    return { partNumber: part.partNumber, etag: res.headers.get("etag")! };
  }));
}

/**
 * The multipart upload calls: create, upload a part, complete, abort, list
 * parts. The uploader and copy/compose build on these.
 *
 * @module
 */

import { parseOkBody } from "../../core/parse_error.ts";
import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { S3Error } from "../../base/errors.ts";
import { childrenNamed, childText, parseXml } from "../../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../../xml/write.ts";
import { unquoteETag } from "../common/object_headers.ts";
import { PageMarkers } from "../common/page_markers.ts";

/**
 * What a write returns.
 *
 * @example
 * ```ts
 * import { Minio, type ObjectWriteResult } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const result: ObjectWriteResult = await client.putObject("photos", "notes.txt", "Hello");
 * console.log(result.etag, result.versionId, result.headers.get("x-amz-request-id"));
 * ```
 */
export interface ObjectWriteResult {
  /** Bucket name. */
  bucket: string;
  /** Object name. */
  name: string;
  /** ETag of the new object, without quotes. */
  etag: string;
  /** Version id, on versioned buckets. */
  versionId?: string;
  /** All response headers. */
  headers: Headers;
}

/**
 * A part the server holds: its number, ETag and optional checksum.
 *
 * @example
 * ```ts
 * import { Minio, type UploadedPart } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const plan = await client.createPresignedMultipartUpload("videos", "cat.mp4", 200 * 1024 ** 2);
 * // ... after the browser uploaded some parts:
 * const parts: UploadedPart[] = await client.listUploadedParts("videos", "cat.mp4", plan.uploadId);
 * for (const p of parts) console.log(p.partNumber, p.etag, p.size);
 * ```
 */
export interface UploadedPart {
  /** 1 to 10,000. */
  partNumber: number;
  /** ETag without quotes. */
  etag: string;
  /** Size in bytes (from ListParts). */
  size?: number;
  /** Last modification (from ListParts). */
  lastModified?: Date;
  /** Checksum element name (such as `ChecksumCRC32`) and base64 value, when one was sent. */
  checksum?: { algorithm: string; value: string };
}

/**
 * Starts a multipart upload; returns its upload id. Sent once unless
 * `onRetry` is given: a repeat after a lost answer starts a second upload,
 * so only a caller that cleans up after one (multipart_safe.ts) retries it.
 */
export async function createMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  headers: Record<string, string>,
  options: RequestOptions = {},
  onRetry?: () => void,
): Promise<string> {
  const res = await core.request({
    method: "POST",
    bucket,
    object: name,
    query: [["uploads", ""]],
    headers,
    options,
    idempotent: onRetry !== undefined,
    onRetry,
    buffered: true,
  });
  const id = childText(parseXml(await res.text(), "InitiateMultipartUploadResult"), "UploadId");
  if (!id) {
    throw new S3Error({ code: "InvalidResponse", message: "no UploadId", status: res.status });
  }
  return id;
}

/** Uploads one part; returns its ETag. */
export async function uploadPart(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  partNumber: number,
  body: Uint8Array,
  headers: Record<string, string>,
  options: RequestOptions = {},
  onBodyProgress?: (sent: number) => void,
): Promise<string> {
  const res = await core.request({
    method: "PUT",
    bucket,
    object: name,
    query: [["partNumber", String(partNumber)], ["uploadId", uploadId]],
    headers,
    body,
    awsChunked: true,
    options,
    onBodyProgress,
  });
  await res.body?.cancel();
  return unquoteETag(res.headers.get("etag"));
}

/**
 * Completes an upload from its parts (in part-number order). S3 may answer
 * 200 and still report an error in the body; that becomes an S3Error. Sent
 * once unless `onRetry` is given: a repeat after a lost answer finds the
 * upload gone (NoSuchUpload), so only a caller that then checks the object
 * (multipart_safe.ts) retries it.
 */
export async function completeMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  parts: UploadedPart[],
  headers: Record<string, string> = {},
  options: RequestOptions = {},
  onRetry?: () => void,
): Promise<ObjectWriteResult> {
  let inner = "";
  for (const p of parts) {
    inner += element(
      "Part",
      textElement("PartNumber", p.partNumber) + textElement("ETag", `"${p.etag}"`) +
        (p.checksum ? textElement(p.checksum.algorithm, p.checksum.value) : ""),
    );
  }
  const body = new TextEncoder().encode(element("CompleteMultipartUpload", inner, S3_NAMESPACE));
  const res = await core.request({
    method: "POST",
    bucket,
    object: name,
    query: [["uploadId", uploadId]],
    // No Content-MD5: S3 does not require it here, the signature (or TLS)
    // already protects the body, and MD5 would be the only reason for an
    // upload to load a second hash implementation.
    headers: { ...headers, "content-type": "application/xml" },
    body,
    options,
    idempotent: onRetry !== undefined,
    onRetry,
    buffered: true,
  });
  const root = parseOkBody(await res.text(), res.status, { bucket, object: name });
  return {
    bucket,
    name,
    etag: unquoteETag(childText(root, "ETag") ?? null),
    versionId: res.headers.get("x-amz-version-id") ?? undefined,
    headers: res.headers,
  };
}

/** Aborts an upload, discarding its parts. */
export async function abortMultipartUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  options: RequestOptions = {},
): Promise<void> {
  const res = await core.request({
    method: "DELETE",
    bucket,
    object: name,
    query: [["uploadId", uploadId]],
    options,
  });
  await res.body?.cancel();
}

/** Lists the parts of an upload, following pages. */
export async function* listParts(
  core: MinioCore,
  bucket: string,
  name: string,
  uploadId: string,
  options: RequestOptions = {},
): AsyncGenerator<UploadedPart, void, undefined> {
  let marker = "";
  const markers = new PageMarkers("ListParts");
  for (;;) {
    const query: [string, string][] = [["uploadId", uploadId], ["max-parts", "1000"]];
    if (marker) query.push(["part-number-marker", marker]);
    const res = await core.request({
      method: "GET",
      bucket,
      object: name,
      query,
      options,
      buffered: true,
    });
    const root = parseXml(await res.text(), "ListPartsResult");
    for (const p of childrenNamed(root, "Part")) {
      const modified = childText(p, "LastModified");
      yield {
        partNumber: Number(childText(p, "PartNumber")),
        etag: unquoteETag(childText(p, "ETag") ?? null),
        size: Number(childText(p, "Size") ?? 0),
        lastModified: modified ? new Date(modified) : undefined,
      };
    }
    if (childText(root, "IsTruncated") !== "true") return;
    marker = childText(root, "NextPartNumberMarker") ?? "";
    markers.check(marker);
  }
}

/**
 * Multipart uploads that were started and never completed or aborted:
 * listing them (minio-js's `listIncompleteUploads`) and removing them.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { childrenNamed, childText, parseXml, type XmlElement } from "../../xml/parse.ts";
import { decodeName } from "../list/list_entries.ts";
import { PageMarkers } from "../common/page_markers.ts";
import { abortMultipartUpload, listParts } from "./multipart.ts";

/**
 * Options of {@link listIncompleteUploads}.
 *
 * @example
 * ```ts
 * import { type ListIncompleteUploadsOptions, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: ListIncompleteUploadsOptions = {
 *   prefix: "videos/", recursive: true, includeSize: true,
 * };
 * for await (const u of client.listIncompleteUploads("media", options)) console.log(u.name, u.size);
 * ```
 */
export interface ListIncompleteUploadsOptions extends RequestOptions {
  /** Only object names starting with this. */
  prefix?: string;
  /** All levels under the prefix, not just one (default false). */
  recursive?: boolean;
  /** Sum the sizes of each upload's parts (one more request per upload). */
  includeSize?: boolean;
}

/**
 * An upload in progress, or a common prefix (`isDir`).
 *
 * @example
 * ```ts
 * import { type IncompleteUpload, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const stale: IncompleteUpload[] = [];
 * for await (const u of client.listIncompleteUploads("media", { recursive: true })) {
 *   if (u.initiated && u.initiated.getTime() < Date.now() - 86_400_000) stale.push(u);
 * }
 * for (const u of stale) await client.removeIncompleteUpload("media", u.name);
 * ```
 */
export interface IncompleteUpload {
  /** Object name, or the prefix of a directory entry. */
  name: string;
  /** Upload id ("" for a prefix). */
  uploadId: string;
  /** When the upload started. */
  initiated?: Date;
  /** Bytes uploaded so far, with `includeSize`. */
  size?: number;
  /** True for a common prefix. */
  isDir?: boolean;
}

/**
 * Lists multipart uploads that were started and not completed or aborted
 * (minio-js's name), optionally with the bytes each holds.
 *
 * @example
 * ```ts
 * for await (const u of client.listIncompleteUploads("photos", { recursive: true })) {
 *   console.log(u.name, u.uploadId, u.initiated);
 * }
 * ```
 */
export async function* listIncompleteUploads(
  core: MinioCore,
  bucket: string,
  options: ListIncompleteUploadsOptions = {},
): AsyncGenerator<IncompleteUpload, void, undefined> {
  checkBucketName(bucket);
  checkOptionalString(options.prefix, "prefix");
  let keyMarker = "";
  let idMarker = "";
  const markers = new PageMarkers("ListMultipartUploads");
  for (;;) {
    const query = uploadsQuery(options.prefix ?? "");
    if (!options.recursive) query.push(["delimiter", "/"]);
    if (keyMarker) query.push(["key-marker", keyMarker]);
    if (idMarker) query.push(["upload-id-marker", idMarker]);
    const res = await core.request({ method: "GET", bucket, query, options, buffered: true });
    const root = parseXml(await res.text(), "ListMultipartUploadsResult");
    const encoded = childText(root, "EncodingType") === "url";
    for (const upload of uploadsOfPage(root)) {
      if (options.includeSize) {
        upload.size = 0;
        for await (const p of listParts(core, bucket, upload.name, upload.uploadId, options)) {
          upload.size += p.size ?? 0;
        }
      }
      yield upload;
    }
    for (const p of childrenNamed(root, "CommonPrefixes")) {
      yield { name: decodeName(childText(p, "Prefix"), encoded), uploadId: "", isDir: true };
    }
    if (childText(root, "IsTruncated") !== "true") return;
    keyMarker = decodeName(childText(root, "NextKeyMarker"), encoded);
    idMarker = childText(root, "NextUploadIdMarker") ?? "";
    markers.check(keyMarker, idMarker);
  }
}

/** The query of a ListMultipartUploads page of up to 1,000 uploads under `prefix`. */
export function uploadsQuery(prefix: string): QueryParam[] {
  return [["uploads", ""], ["encoding-type", "url"], ["prefix", prefix], ["max-uploads", "1000"]];
}

/** The uploads a ListMultipartUploads page names (not its common prefixes). */
export function uploadsOfPage(root: XmlElement): IncompleteUpload[] {
  const encoded = childText(root, "EncodingType") === "url";
  return childrenNamed(root, "Upload").map((u) => {
    const initiated = childText(u, "Initiated");
    return {
      name: decodeName(childText(u, "Key"), encoded),
      uploadId: childText(u, "UploadId") ?? "",
      initiated: initiated ? new Date(initiated) : undefined,
    };
  });
}

/**
 * Aborts every incomplete multipart upload of an object, freeing its parts.
 *
 * @example
 * ```ts
 * await client.removeIncompleteUpload("photos", "big.bin");
 * ```
 */
export async function removeIncompleteUpload(
  core: MinioCore,
  bucket: string,
  name: string,
  options: RequestOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  for await (
    const u of listIncompleteUploads(core, bucket, { ...options, prefix: name, recursive: true })
  ) {
    if (u.name === name) await abortMultipartUpload(core, bucket, name, u.uploadId, options);
  }
}

/**
 * The three requests every bucket or object configuration uses: PUT a
 * document (with Content-MD5, which S3 requires for these), GET it (where
 * "not configured" is an answer, not an error), DELETE it.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { S3Error } from "../../core/errors.ts";
import { md5Base64 } from "../../crypto/md5.ts";
import { checkOptionalString } from "../../core/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";

/**
 * Options of the calls on one object version.
 *
 * @example
 * ```ts
 * import { Minio, type VersionOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: VersionOptions = { versionId: "b4a1c0a2-2c5e-4a8e-9d1f-6f7c2d3e4b5a" };
 * await client.setObjectTags("records", "report.pdf", { reviewed: "yes" }, options);
 * console.log(await client.isObjectLegalHoldEnabled("records", "report.pdf", options));
 * ```
 */
export interface VersionOptions extends RequestOptions {
  /** A specific version (default: the latest). */
  versionId?: string;
}

/** What a configuration request is about. */
export interface ConfigTarget {
  /** The bucket. */
  bucket: string;
  /** The object, for object subresources. */
  object?: string;
  /** The subresource and any other query parameters. */
  query: QueryParam[];
  /** The caller's options. */
  options?: RequestOptions;
}

/** The query of an object subresource such as `tagging`, with the versionId when given. */
export function subresourceQuery(name: string, versionId: string | undefined): QueryParam[] {
  checkOptionalString(versionId, "versionId");
  return versionId ? [[name, ""], ["versionId", versionId]] : [[name, ""]];
}

/** PUTs a configuration document with its Content-MD5. */
export async function putConfig(
  core: MinioCore,
  target: ConfigTarget,
  document: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const body = new TextEncoder().encode(document);
  const res = await core.request({
    method: "PUT",
    ...target,
    headers: { ...headers, "content-md5": md5Base64(body) },
    body,
  });
  await res.body?.cancel();
}

/**
 * GETs a configuration document; `null` when the server answers with one of
 * the `notFound` error codes.
 */
export async function getConfig(
  core: MinioCore,
  target: ConfigTarget,
  notFound: readonly string[] = [],
): Promise<string | null> {
  try {
    const res = await core.request({ method: "GET", ...target });
    return await res.text();
  } catch (e) {
    if (e instanceof S3Error && notFound.includes(e.code)) return null;
    throw e;
  }
}

/** DELETEs a configuration; the `notFound` error codes count as done. */
export async function deleteConfig(
  core: MinioCore,
  target: ConfigTarget,
  notFound: readonly string[] = [],
): Promise<void> {
  try {
    const res = await core.request({ method: "DELETE", ...target });
    await res.body?.cancel();
  } catch (e) {
    if (e instanceof S3Error && notFound.includes(e.code)) return;
    throw e;
  }
}

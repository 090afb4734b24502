/**
 * The get, set and delete of every bucket or object configuration, made
 * from one description of its subresource ({@link ConfigResource}): PUT a
 * document (with Content-MD5, which S3 requires for these), GET it (where
 * "not configured" is an answer, not an error), DELETE it.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError, S3Error } from "../../base/errors.ts";
import { md5Base64 } from "../../crypto/md5.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../../base/validate.ts";
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

/**
 * A configuration subresource of a bucket or an object: `In` is what a
 * caller sets, `Out` what a get answers.
 */
export interface ConfigResource<In, Out> {
  /** The subresource's query key: `lifecycle`, `tagging`, `legal-hold`, ... */
  key: string;
  /** Checks what the caller gave and returns the document to PUT. */
  document(value: In): string;
  /** What the server's document reads as. */
  parse(text: string): Out;
  /** GET error codes that mean "none set", and the answer they stand for. */
  none?: { codes: readonly string[]; value: Out };
  /** DELETE error codes that mean done. */
  deleted?: readonly string[];
}

/** The document of a configuration class instance; `what` names the class with its article. */
export function classDocument<T extends { toXml(): string }>(
  config: T,
  type: abstract new (...args: never[]) => T,
  what: string,
): string {
  if (!(config instanceof type)) throw new InvalidArgumentError(`config must be ${what}`);
  return config.toXml();
}

function checkNames(bucket: string, object: string | undefined): void {
  checkBucketName(bucket);
  if (object !== undefined) checkObjectName(object);
}

/** The request's target: the bucket's subresource `key`, or the object version's. */
function target(key: string, bucket: string, object: string | undefined, options: VersionOptions) {
  let query: QueryParam[] = [[key, ""]];
  if (object !== undefined) {
    checkOptionalString(options.versionId, "versionId");
    if (options.versionId) query = [[key, ""], ["versionId", options.versionId]];
  }
  return { bucket, object, query, options };
}

/**
 * PUTs the document of `value` to the bucket's subresource (`object`
 * undefined) or the object version's, with its Content-MD5.
 */
export async function setConfig<In>(
  core: MinioCore,
  resource: ConfigResource<In, unknown>,
  bucket: string,
  object: string | undefined,
  value: In,
  options: VersionOptions,
  headers: Record<string, string> = {},
): Promise<void> {
  checkNames(bucket, object);
  const body = new TextEncoder().encode(resource.document(value));
  const res = await core.request({
    method: "PUT",
    ...target(resource.key, bucket, object, options),
    headers: { ...headers, "content-md5": md5Base64(body) },
    body,
  });
  await res.body?.cancel();
}

/** GETs and reads the subresource; `resource.none`'s value when it is not set. */
export async function getConfig<Out>(
  core: MinioCore,
  resource: Pick<ConfigResource<never, Out>, "key" | "parse" | "none">,
  bucket: string,
  object: string | undefined,
  options: VersionOptions,
): Promise<Out> {
  checkNames(bucket, object);
  let text: string;
  try {
    const res = await core.request({
      method: "GET",
      ...target(resource.key, bucket, object, options),
      buffered: true,
    });
    text = await res.text();
  } catch (e) {
    const none = resource.none;
    if (none && e instanceof S3Error && none.codes.includes(e.code)) return none.value;
    throw e;
  }
  return resource.parse(text);
}

/** DELETEs the subresource; `resource.deleted`'s error codes count as done. */
export async function deleteConfig(
  core: MinioCore,
  resource: ConfigResource<never, unknown>,
  bucket: string,
  object: string | undefined,
  options: VersionOptions,
): Promise<void> {
  checkNames(bucket, object);
  try {
    const res = await core.request({
      method: "DELETE",
      ...target(resource.key, bucket, object, options),
    });
    await res.body?.cancel();
  } catch (e) {
    if (e instanceof S3Error && resource.deleted?.includes(e.code)) return;
    throw e;
  }
}

/**
 * Removing many objects with DeleteObjects (POST ?delete), 1000 per request,
 * reading the names lazily so that a listing of millions can be piped in.
 *
 * @module
 */

import { parseOkBody } from "../../core/parse_error.ts";
import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { md5Base64 } from "../../crypto/md5.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../../base/validate.ts";
import { childrenNamed, childText } from "../../xml/parse.ts";
import { element, S3_NAMESPACE, textElement } from "../../xml/write.ts";

/**
 * An object to remove: its name, and a version to remove instead of adding a delete marker.
 *
 * @example
 * ```ts
 * import { type DeleteObject, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const objects: DeleteObject[] = [
 *   { name: "a.txt" },
 *   { name: "b.txt", versionId: "b4a1c0a2-2c5e-4a8e-9d1f-6f7c2d3e4b5a" },
 * ];
 * for await (const e of client.removeObjects("docs", objects)) console.log(e.name, e.code);
 * ```
 */
export interface DeleteObject {
  /** Object name. */
  name: string;
  /** Version to remove permanently. */
  versionId?: string;
}

/**
 * One object the server did not remove, as minio-py's `DeleteError`.
 *
 * @example
 * ```ts
 * import { type DeleteError, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const failed: DeleteError[] = [];
 * for await (const e of client.removeObjects("docs", ["a.txt", "b.txt"])) failed.push(e);
 * for (const e of failed) console.log(e.name, e.code, e.message); // e.g. "a.txt" "AccessDenied" ...
 * ```
 */
export interface DeleteError {
  /** Object name. */
  name: string;
  /** Version, when one was named. */
  versionId?: string;
  /** S3 error code, such as `AccessDenied`. */
  code: string;
  /** The server's message. */
  message: string;
}

/**
 * Options of {@link removeObjects}.
 *
 * @example
 * ```ts
 * import { Minio, type RemoveObjectsOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: RemoveObjectsOptions = { governanceBypass: true, signal: AbortSignal.timeout(6e4) };
 * for await (const e of client.removeObjects("records", ["2019/a.pdf", "2019/b.pdf"], options)) {
 *   console.log("not removed:", e.name, e.code);
 * }
 * ```
 */
export interface RemoveObjectsOptions extends RequestOptions {
  /** Bypass governance-mode retention. */
  governanceBypass?: boolean;
}

/**
 * What {@link removeObjects} accepts: names, or names with versions.
 *
 * @example
 * ```ts
 * import { type DeleteObjectList, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * async function* names() {
 *   for await (const o of client.listObjects("logs", { prefix: "2019/", recursive: true })) yield o.name;
 * }
 * const list: DeleteObjectList = names();
 * for await (const e of client.removeObjects("logs", list)) console.log("not removed:", e.name);
 * ```
 */
export type DeleteObjectList =
  | Iterable<string | DeleteObject>
  | AsyncIterable<string | DeleteObject>;

/**
 * The most keys one DeleteObjects request may carry.
 *
 * @example
 * ```ts
 * import { DELETE_BATCH_SIZE, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const names = Array.from({ length: 2500 }, (_, i) => `tmp/${i}.txt`);
 * console.log(Math.ceil(names.length / DELETE_BATCH_SIZE)); // 3 DeleteObjects requests
 * for await (const e of client.removeObjects("scratch", names)) console.log(e.name, e.code);
 * ```
 */
export const DELETE_BATCH_SIZE = 1000;

function toDeleteObject(item: unknown): DeleteObject {
  if (typeof item === "string") {
    checkObjectName(item);
    return { name: item };
  }
  if (item === null || typeof item !== "object") {
    throw new InvalidArgumentError("each object must be a name or { name, versionId? }");
  }
  const { name, versionId } = item as DeleteObject;
  checkObjectName(name);
  checkOptionalString(versionId, "versionId");
  return versionId ? { name, versionId } : { name };
}

function isIterable(v: unknown): v is DeleteObjectList {
  return v !== null && typeof v === "object" &&
    (typeof (v as Iterable<unknown>)[Symbol.iterator] === "function" ||
      typeof (v as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function");
}

// Pulls at most one batch ahead of the requests: the source is read only as
// the caller consumes the errors.
async function* batches(objects: DeleteObjectList): AsyncGenerator<DeleteObject[]> {
  let batch: DeleteObject[] = [];
  for await (const item of objects) {
    batch.push(toDeleteObject(item));
    if (batch.length === DELETE_BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The DeleteObjects body: quiet, so the server answers with errors only. */
export function deleteRequestXml(objects: DeleteObject[]): string {
  let inner = textElement("Quiet", "true");
  for (const o of objects) {
    inner += element(
      "Object",
      textElement("Key", o.name) + (o.versionId ? textElement("VersionId", o.versionId) : ""),
    );
  }
  return element("Delete", inner, S3_NAMESPACE);
}

/**
 * What {@link removeObjects} returns: the errors as an async generator, and
 * a promise of all of them. Iterating makes the requests batch by batch as
 * the errors are consumed; awaiting it (minio-js's call, `await
 * client.removeObjects(bucket, names)`) makes them all and resolves to the
 * errors not iterated yet. Either way the objects are removed.
 *
 * @example
 * ```ts
 * import { Minio, type RemoveObjectsResult } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const result: RemoveObjectsResult = client.removeObjects("photos", ["a.png", "b.png"]);
 * const errors = await result; // [] when all were removed
 * ```
 */
export type RemoveObjectsResult =
  & AsyncGenerator<DeleteError, void, undefined>
  & PromiseLike<DeleteError[]>;

/**
 * Removes objects (or versions of them) in batches of 1000 and gives an
 * error for each one the server did not remove. The requests are made as
 * the result is iterated, or all at once when it is awaited (so the
 * minio-js call `await client.removeObjects(bucket, names)` removes them
 * and resolves to the errors); bad input is refused before the request of
 * its batch. A version that does not exist is not an error (as in minio-py).
 *
 * @example
 * ```ts
 * const names = ["a.txt", { name: "b.txt", versionId: "3f2c..." }];
 * for await (const e of client.removeObjects("photos", names)) {
 *   console.log("not removed:", e.name, e.code, e.message);
 * }
 * async function* old() {
 *   for await (const o of client.listObjects("photos", { prefix: "2019/", recursive: true })) {
 *     yield o.name;
 *   }
 * }
 * for await (const e of client.removeObjects("photos", old())) console.log(e);
 * const failed = await client.removeObjects("photos", ["c.txt", "d.txt"]);
 * ```
 */
export function removeObjects(
  core: MinioCore,
  bucket: string,
  objects: DeleteObjectList,
  options: RemoveObjectsOptions = {},
): RemoveObjectsResult {
  const errors = removeEach(core, bucket, objects, options);
  let all: Promise<DeleteError[]> | undefined;
  const collect = async () => {
    const list: DeleteError[] = [];
    for await (const e of errors) list.push(e);
    return list;
  };
  return Object.assign(errors, {
    then<A = DeleteError[], B = never>(
      onFulfilled?: ((errors: DeleteError[]) => A | PromiseLike<A>) | null,
      onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
    ): Promise<A | B> {
      return (all ??= collect()).then(onFulfilled, onRejected);
    },
  });
}

async function* removeEach(
  core: MinioCore,
  bucket: string,
  objects: DeleteObjectList,
  options: RemoveObjectsOptions,
): AsyncGenerator<DeleteError, void, undefined> {
  checkBucketName(bucket);
  if (!isIterable(objects) || typeof objects === "string") {
    throw new InvalidArgumentError("objects must be an iterable or async iterable");
  }
  const headers: Record<string, string> = { "content-type": "application/xml" };
  if (options.governanceBypass) headers["x-amz-bypass-governance-retention"] = "true";
  for await (const batch of batches(objects)) {
    const body = new TextEncoder().encode(deleteRequestXml(batch));
    const res = await core.request({
      method: "POST",
      bucket,
      query: [["delete", ""]],
      headers: { ...headers, "content-md5": md5Base64(body) },
      body,
      options,
      buffered: true,
    });
    // A 200 whose body is an error: the whole batch failed.
    const root = parseOkBody(await res.text(), res.status, { bucket });
    for (const e of childrenNamed(root, "Error")) {
      const code = childText(e, "Code") ?? "InternalError";
      if (code === "NoSuchVersion") continue;
      yield {
        name: childText(e, "Key") ?? "",
        versionId: childText(e, "VersionId") || undefined,
        code,
        message: childText(e, "Message") ?? "",
      };
    }
  }
}

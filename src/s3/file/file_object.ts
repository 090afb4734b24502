/**
 * Uploading from and downloading to a file (minio-py's `fput_object` and
 * `fget_object`), on Deno, Bun and Node. A download goes to a temporary file
 * next to the target and is renamed into place only when complete, so a
 * failed download never leaves a half-written file under the target name.
 *
 * @module
 */

import type { MinioCore } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkBucketName, checkObjectName } from "../../base/validate.ts";
import { fileSystem } from "./file_io.ts";
import { getObject, type GetObjectOptions } from "../object/get_object.ts";
import type { ObjectStat } from "../common/object_headers.ts";
import type { ObjectWriteResult } from "../upload/multipart.ts";
import { type PutObjectOptions, uploadSource } from "../upload/put_object.ts";
import { readerSource } from "../upload/part_source.ts";

function checkPath(path: unknown): asserts path is string {
  if (typeof path !== "string" || path === "") {
    throw new InvalidArgumentError("file path must be a non-empty string");
  }
}

/**
 * Uploads a file (Deno, Bun and Node); takes putObject's options.
 *
 * @example
 * ```ts
 * await client.fPutObject("photos", "holiday.jpg", "/tmp/holiday.jpg", {
 *   contentType: "image/jpeg",
 * });
 * ```
 */
export async function fPutObject(
  core: MinioCore,
  bucket: string,
  name: string,
  filePath: string,
  options: PutObjectOptions = {},
): Promise<ObjectWriteResult> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkPath(filePath);
  const fs = await fileSystem();
  const file = await fs.openRead(filePath);
  try {
    const source = readerSource(file.read, file.size, () => Promise.resolve());
    return await uploadSource(core, bucket, name, source, file.size, options);
  } finally {
    await file.close();
  }
}

/**
 * Downloads an object into a file (Deno, Bun and Node). The data goes to a
 * temporary file first, renamed into place when complete.
 *
 * @example
 * ```ts
 * const stat = await client.fGetObject("photos", "holiday.jpg", "/tmp/copy.jpg");
 * console.log(stat.size);
 * ```
 */
export async function fGetObject(
  core: MinioCore,
  bucket: string,
  name: string,
  filePath: string,
  options: GetObjectOptions = {},
): Promise<ObjectStat> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkPath(filePath);
  const fs = await fileSystem();
  const res = await getObject(core, bucket, name, options);
  const temp = `${filePath}.${crypto.randomUUID().slice(0, 8)}.part.minio`;
  try {
    await fs.writeAll(temp, res.body as unknown as AsyncIterable<Uint8Array>);
    await fs.rename(temp, filePath);
  } catch (e) {
    await fs.remove(temp).catch(() => {});
    throw e;
  }
  return res.stat;
}

/**
 * Removing one object.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { checkBucketName, checkObjectName, checkOptionalString } from "../../base/validate.ts";
import type { QueryParam } from "../../signer/encode.ts";

/**
 * Options of {@link removeObject}.
 *
 * @example
 * ```ts
 * import { Minio, type RemoveObjectOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: RemoveObjectOptions = {
 *   versionId: "b4a1c0a2-2c5e-4a8e-9d1f-6f7c2d3e4b5a", governanceBypass: true,
 * };
 * await client.removeObject("records", "report.pdf", options); // removed for good, no delete marker
 * ```
 */
export interface RemoveObjectOptions extends RequestOptions {
  /** Remove this version instead of adding a delete marker. */
  versionId?: string;
  /** Bypass governance-mode retention. */
  governanceBypass?: boolean;
}

/**
 * Removes an object, or one version of it.
 *
 * @example
 * ```ts
 * await client.removeObject("photos", "notes.txt");
 * ```
 */
export async function removeObject(
  core: MinioCore,
  bucket: string,
  name: string,
  options: RemoveObjectOptions = {},
): Promise<void> {
  checkBucketName(bucket);
  checkObjectName(name);
  checkOptionalString(options.versionId, "versionId");
  const query: QueryParam[] = options.versionId ? [["versionId", options.versionId]] : [];
  const headers: Record<string, string> = {};
  if (options.governanceBypass) headers["x-amz-bypass-governance-retention"] = "true";
  const res = await core.request({
    method: "DELETE",
    bucket,
    object: name,
    query,
    headers,
    options,
  });
  await res.body?.cancel();
}

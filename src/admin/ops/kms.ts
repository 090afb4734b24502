/**
 * KMS master keys: create and check. Plain both ways. With a static key
 * (`MINIO_KMS_SECRET_KEY`) the server has one key and cannot create more.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { adminCall, adminJson } from "../transport/transport.ts";
import { checkName } from "./_check.ts";

/**
 * The result of the server's encrypt/decrypt round trip with a key.
 *
 * @example
 * ```ts
 * import type { KmsKeyStatus } from "@minio-edge/minio/admin";
 * const status: KmsKeyStatus = await admin.kmsKeyStatus({ key: "my-key" });
 * const error = status["encryption-error"] ?? status["decryption-error"];
 * console.log(status["key-id"], error ?? "ok");
 * ```
 */
export interface KmsKeyStatus {
  /** The key checked. */
  "key-id": string;
  /** Why generating a data key failed; absent on success. */
  "encryption-error"?: string;
  /** Why decrypting it back failed; absent on success. */
  "decryption-error"?: string;
}

/**
 * Options of `kmsKeyStatus`.
 *
 * @example
 * ```ts
 * import type { KmsKeyStatusOptions } from "@minio-edge/minio/admin";
 * const options: KmsKeyStatusOptions = { key: "my-key", signal: AbortSignal.timeout(5_000) };
 * const status = await admin.kmsKeyStatus(options);
 * ```
 */
export interface KmsKeyStatusOptions extends RequestOptions {
  /** The key to check (default: the server's default key). */
  key?: string;
}

/**
 * Creates a KMS master key (a KMS such as KES is needed; a static key cannot).
 *
 * @example
 * ```ts
 * await admin.kmsKeyCreate("my-key");
 * ```
 */
export async function kmsKeyCreate(
  core: MinioCore,
  key: string,
  options?: RequestOptions,
): Promise<void> {
  checkName(key, "key");
  await adminCall(core, {
    method: "POST",
    command: "kms/key/create",
    query: [["key-id", key]],
    options,
  });
}

/**
 * Checks a KMS key (default: the server's) by a data key round trip.
 *
 * @example
 * ```ts
 * const status = await admin.kmsKeyStatus({ key: "my-key" });
 * console.log(status["encryption-error"] ?? "ok");
 * ```
 */
export async function kmsKeyStatus(
  core: MinioCore,
  options: KmsKeyStatusOptions = {},
): Promise<KmsKeyStatus> {
  if (options.key !== undefined) checkName(options.key, "key");
  return await adminJson<KmsKeyStatus>(core, {
    method: "GET",
    command: "kms/key/status",
    query: [["key-id", options.key ?? ""]],
    options,
  });
}

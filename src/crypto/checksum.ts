/**
 * The additional checksums S3 and MinIO verify on upload
 * (`x-amz-checksum-*`): CRC32, CRC32C, CRC64NVME, SHA1 and SHA256, base64
 * of the big-endian digest.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

/**
 * A checksum algorithm S3 verifies.
 *
 * @example
 * ```ts
 * import { type ChecksumAlgorithm, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const checksum: ChecksumAlgorithm = "CRC32C";
 * await client.putObject("photos", "notes.txt", "Hello", undefined, { checksum });
 * ```
 */
export type ChecksumAlgorithm = "CRC32" | "CRC32C" | "CRC64NVME" | "SHA1" | "SHA256";

const ALGORITHMS = new Set<string>(["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"]);

/** Checks an optional algorithm name. */
export function checkChecksumAlgorithm(
  value: unknown,
): asserts value is ChecksumAlgorithm | undefined {
  if (value !== undefined && !ALGORITHMS.has(value as string)) {
    throw new InvalidArgumentError(`checksum must be one of ${[...ALGORITHMS].join(", ")}`);
  }
}

/** The header carrying a checksum, e.g. `x-amz-checksum-crc32`. */
export function checksumHeader(algorithm: ChecksumAlgorithm): string {
  return "x-amz-checksum-" + algorithm.toLowerCase();
}

/** The CompleteMultipartUpload element of a part's checksum, e.g. `ChecksumCRC32`. */
export function checksumElement(algorithm: ChecksumAlgorithm): string {
  return "Checksum" + algorithm;
}

/**
 * The additional checksums S3 and MinIO verify on upload
 * (`x-amz-checksum-*`): CRC32, CRC32C, SHA1 and SHA256, base64 of the
 * big-endian digest.
 *
 * @module
 */

import { InvalidArgumentError } from "../errors.ts";
import { crc32, crc32c } from "./crc32.ts";
import { bytesToBase64 } from "./hash.ts";

/** A checksum algorithm S3 verifies. */
export type ChecksumAlgorithm = "CRC32" | "CRC32C" | "SHA1" | "SHA256";

const ALGORITHMS = new Set<string>(["CRC32", "CRC32C", "SHA1", "SHA256"]);

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

function crcBytes(value: number): Uint8Array {
  return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
}

/** Base64 checksum of `bytes`. */
export async function checksumBase64(
  algorithm: ChecksumAlgorithm,
  bytes: Uint8Array,
): Promise<string> {
  switch (algorithm) {
    case "CRC32":
      return bytesToBase64(crcBytes(crc32(bytes)));
    case "CRC32C":
      return bytesToBase64(crcBytes(crc32c(bytes)));
    default: {
      const name = algorithm === "SHA1" ? "SHA-1" : "SHA-256";
      return bytesToBase64(new Uint8Array(await crypto.subtle.digest(name, bytes as BufferSource)));
    }
  }
}

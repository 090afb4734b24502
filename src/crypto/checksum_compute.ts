/**
 * Computing the additional checksums: loaded only by an upload that asks
 * for one, so other bundles carry no CRC tables.
 *
 * @module
 */

import { bytesToBase64 } from "./base64.ts";
import type { ChecksumAlgorithm } from "./checksum.ts";
import { crc32, crc32c } from "./crc32.ts";
import { crc64nvme } from "./crc64.ts";

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
    case "CRC64NVME":
      return bytesToBase64(crc64nvme(bytes));
    default: {
      const name = algorithm === "SHA1" ? "SHA-1" : "SHA-256";
      return bytesToBase64(new Uint8Array(await crypto.subtle.digest(name, bytes as BufferSource)));
    }
  }
}

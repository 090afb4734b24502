/**
 * SHA-256 of request bodies: small ones hashed synchronously by the signer's
 * own SHA-256 (no promise, no copy), large ones by Web Crypto's native one.
 *
 * @module
 */

import { sha256BytesHex } from "../signer/sha256.ts";
import { bytesToHex } from "./hex.ts";

const NATIVE_FROM = 64 * 1024;

/** Hex SHA-256 of `data`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  if (data.length < NATIVE_FROM) return sha256BytesHex(data);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
}

/**
 * Digests of request bodies: small ones hashed synchronously with noble (no
 * promise, no copy), large ones by Web Crypto's native SHA-256.
 *
 * @module
 */

import { md5 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

const NATIVE_FROM = 64 * 1024;

/** Hex SHA-256 of `data`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  if (data.length < NATIVE_FROM) return bytesToHex(sha256(data));
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
}

/** Base64 MD5 of `data`, as the `Content-MD5` header carries it. */
export function md5Base64(data: Uint8Array): string {
  return bytesToBase64(md5(data));
}

/** Standard base64 of bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

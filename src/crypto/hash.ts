/**
 * SHA-256 of request bodies: small ones hashed synchronously by the signer's
 * own SHA-256 (no promise, no copy), large ones natively: by the runtime's
 * own hash where it has one (Node, Bun), else by Web Crypto.
 *
 * @module
 */

import { sha256BytesHex } from "./sha256.ts";
import { bytesToHex } from "./hex.ts";
import { nativeHash } from "./native_hash.ts";

const NATIVE_FROM = 64 * 1024;

/** Hex SHA-256 of `data`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  if (data.length < NATIVE_FROM) return sha256BytesHex(data);
  // In place: Web Crypto copies its input first (the spec asks it to), which
  // for a 5 MiB part costs a fresh buffer and ~15% of the hash's time.
  const native = nativeHash();
  if (native) return native.sha256(data);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
}

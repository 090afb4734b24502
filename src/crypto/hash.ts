/**
 * SHA-256 of request bodies: by the runtime's own synchronous hash where it
 * has one (Node, Bun), at any size (for a 4 KiB body it is several times
 * faster than JavaScript, as it is for the signer's strings); elsewhere
 * small ones by the signer's own SHA-256 (no promise, no copy), large ones
 * by Web Crypto.
 *
 * @module
 */

import { sha256BytesHex } from "./sha256.ts";
import { bytesToHex } from "./hex.ts";
import { nativeHash } from "./native_hash.ts";

/** Where Web Crypto's promise and copy cost less than our JavaScript's hashing. */
const NATIVE_FROM = 64 * 1024;

/** Hex SHA-256 of `data`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  // In place: Web Crypto copies its input first (the spec asks it to), which
  // for a 5 MiB part costs a fresh buffer and ~15% of the hash's time.
  const native = nativeHash();
  if (native) return native.sha256(data);
  if (data.length < NATIVE_FROM) return sha256BytesHex(data);
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
}

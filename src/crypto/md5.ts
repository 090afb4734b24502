/**
 * MD5 for the `Content-MD5` header some S3 calls require (configuration
 * PUTs, DeleteObjects, select) and for the SSE-C key digest. Web Crypto has
 * no MD5, so noble's is used; only the modules that need it import this.
 *
 * @module
 */

import { md5 } from "@noble/hashes/legacy.js";
import { bytesToBase64 } from "./base64.ts";

/** Base64 MD5 of `data`, as the `Content-MD5` header carries it. */
export function md5Base64(data: Uint8Array): string {
  return bytesToBase64(md5(data));
}

/** Raw MD5 of `data` (a multipart ETag is the MD5 of its parts' MD5s). */
export function md5Bytes(data: Uint8Array): Uint8Array {
  return md5(data);
}

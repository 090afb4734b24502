/**
 * SHA-256 of request bodies: small ones hashed synchronously by the signer's
 * own SHA-256 (no promise, no copy), large ones natively: by `node:crypto`
 * where the runtime has it (Node, Deno, Bun), else by Web Crypto.
 *
 * @module
 */

import { sha256BytesHex } from "../signer/sha256.ts";
import { bytesToHex } from "./hex.ts";

const NATIVE_FROM = 64 * 1024;

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(encoding: "hex"): string;
}

// Reached through `process.getBuiltinModule` (Node ≥ 20.16, Deno, Bun), not
// an import, so browser and Workers bundles never see `node:crypto`. It
// hashes in place: Web Crypto copies its input first (the spec asks it to),
// which for a 5 MiB part costs a fresh buffer and ~15% of the hash's time.
const nodeCrypto = (globalThis as {
  process?: { getBuiltinModule?: (id: string) => unknown };
}).process?.getBuiltinModule?.("node:crypto") as
  | { createHash(algorithm: "sha256"): NodeHash }
  | undefined;

/** Hex SHA-256 of `data`. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  if (data.length < NATIVE_FROM) return sha256BytesHex(data);
  if (nodeCrypto) return nodeCrypto.createHash("sha256").update(data).digest("hex");
  return bytesToHex(new Uint8Array(await crypto.subtle.digest("SHA-256", data as BufferSource)));
}

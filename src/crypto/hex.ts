/**
 * Lower-case hex of bytes: digests and random nonces.
 *
 * @module
 */

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Lower-case hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += HEX[b];
  return out;
}

/** `n` random bytes as hex. */
export function randomHex(n: number): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(n)));
}

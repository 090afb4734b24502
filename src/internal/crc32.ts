/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial), as the AWS event-stream
 * framing uses it for its prelude and message checksums.
 *
 * @module
 */

// Reflected polynomial 0x04C11DB7; one table lookup per byte is fast enough
// for event-stream messages (at most a few hundred KiB each).
const TABLE = /* @__PURE__ */ (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * CRC-32 of `bytes` as an unsigned 32-bit number. Pass the CRC of earlier
 * bytes as `seed` to continue over data that arrives in pieces:
 * `crc32(b, crc32(a))` equals the CRC of `a` followed by `b`.
 */
export function crc32(bytes: Uint8Array, seed = 0): number {
  let c = ~seed;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

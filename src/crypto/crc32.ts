/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial), as the AWS event-stream
 * framing and the `x-amz-checksum-crc32` header use it, and CRC-32C
 * (Castagnoli), as `x-amz-checksum-crc32c` uses it. Slicing-by-8 tables, so
 * checksumming a multi-MiB upload part costs little next to sending it.
 *
 * @module
 */

/** Eight 256-entry tables for a reflected polynomial. */
function tables(poly: number): Uint32Array[] {
  const t = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? poly ^ (c >>> 1) : c >>> 1;
    t[0][n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  }
  return t;
}

function update(t: Uint32Array[], bytes: Uint8Array, seed: number): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = t;
  let c = ~seed;
  let i = 0;
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const a = c ^ (bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    c = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^
      t3[bytes[i + 4]] ^ t2[bytes[i + 5]] ^ t1[bytes[i + 6]] ^ t0[bytes[i + 7]];
  }
  for (; i < bytes.length; i++) c = t0[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

let ieee: Uint32Array[] | undefined;
let castagnoli: Uint32Array[] | undefined;

/**
 * CRC-32 of `bytes` as an unsigned 32-bit number. Pass the CRC of earlier
 * bytes as `seed` to continue over data that arrives in pieces:
 * `crc32(b, crc32(a))` equals the CRC of `a` followed by `b`.
 */
export function crc32(bytes: Uint8Array, seed = 0): number {
  return update(ieee ??= tables(0xedb88320), bytes, seed);
}

/** CRC-32C of `bytes`; `seed` continues as for {@link crc32}. */
export function crc32c(bytes: Uint8Array, seed = 0): number {
  return update(castagnoli ??= tables(0x82f63b78), bytes, seed);
}

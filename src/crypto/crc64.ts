/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, initial value and
 * final xor all ones), as `x-amz-checksum-crc64nvme` uses it. JavaScript has
 * no fast 64-bit integer, so the register is two 32-bit halves and the
 * tables hold each entry's high and low words; slicing-by-8, as crc32.ts.
 *
 * @module
 */

const POLY_HI = 0x9a6c9329;
const POLY_LO = 0xac4bc9b5;

/** Eight 256-entry tables of high words and eight of low words. */
interface Tables {
  hi: Uint32Array[];
  lo: Uint32Array[];
}

function tables(): Tables {
  const hi = Array.from({ length: 8 }, () => new Uint32Array(256));
  const lo = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let n = 0; n < 256; n++) {
    let h = 0;
    let l = n;
    for (let k = 0; k < 8; k++) {
      const odd = l & 1;
      l = (l >>> 1) | ((h & 1) << 31);
      h >>>= 1;
      if (odd) {
        h ^= POLY_HI;
        l ^= POLY_LO;
      }
    }
    hi[0][n] = h >>> 0;
    lo[0][n] = l >>> 0;
  }
  // Entry k of table t: the CRC of byte n followed by t zero bytes.
  for (let t = 1; t < 8; t++) {
    for (let n = 0; n < 256; n++) {
      const h = hi[t - 1][n];
      const l = lo[t - 1][n];
      const i = l & 0xff;
      hi[t][n] = ((h >>> 8) ^ hi[0][i]) >>> 0;
      lo[t][n] = (((l >>> 8) | (h << 24)) ^ lo[0][i]) >>> 0;
    }
  }
  return { hi, lo };
}

let cached: Tables | undefined;

/**
 * CRC-64/NVME of `bytes` as its 8 big-endian bytes. Pass the result for
 * earlier bytes as `seed` to continue over data that arrives in pieces.
 */
export function crc64nvme(bytes: Uint8Array, seed?: Uint8Array): Uint8Array {
  const { hi, lo } = cached ??= tables();
  const [h0, h1, h2, h3, h4, h5, h6, h7] = hi;
  const [l0, l1, l2, l3, l4, l5, l6, l7] = lo;
  const view = seed ? new DataView(seed.buffer, seed.byteOffset, 8) : undefined;
  let h = ~(view ? view.getUint32(0) : 0);
  let l = ~(view ? view.getUint32(4) : 0);
  let i = 0;
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const a = l ^ (bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    const b = h ^ (bytes[i + 4] | bytes[i + 5] << 8 | bytes[i + 6] << 16 | bytes[i + 7] << 24);
    const a0 = a & 0xff, a1 = (a >>> 8) & 0xff, a2 = (a >>> 16) & 0xff, a3 = a >>> 24;
    const b0 = b & 0xff, b1 = (b >>> 8) & 0xff, b2 = (b >>> 16) & 0xff, b3 = b >>> 24;
    h = h7[a0] ^ h6[a1] ^ h5[a2] ^ h4[a3] ^ h3[b0] ^ h2[b1] ^ h1[b2] ^ h0[b3];
    l = l7[a0] ^ l6[a1] ^ l5[a2] ^ l4[a3] ^ l3[b0] ^ l2[b1] ^ l1[b2] ^ l0[b3];
  }
  for (; i < bytes.length; i++) {
    const x = (l ^ bytes[i]) & 0xff;
    l = ((l >>> 8) | (h << 24)) ^ l0[x];
    h = (h >>> 8) ^ h0[x];
  }
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, ~h >>> 0);
  dv.setUint32(4, ~l >>> 0);
  return out;
}

/**
 * SHA-256 and HMAC-SHA256 of strings, to hex, for the signer's hot path.
 * A signature hashes a few hundred bytes, and at that size a general-purpose
 * hash object's allocations (its buffers, a clone per HMAC, the UTF-8 bytes,
 * the digest) cost a good part of the time. Here nothing is allocated per
 * call: the message is written into one reused buffer, an HMAC key is kept
 * as its two precomputed midstates, and digests go straight to hex.
 *
 * @module
 */

// deno-fmt-ignore
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// deno-fmt-ignore
const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const HEX_DIGITS = new Uint8Array([..."0123456789abcdef"].map((c) => c.charCodeAt(0)));
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const hexBytes = new Uint8Array(64);

const work = new Int32Array(8);
let buf = new Uint8Array(1024);

/**
 * Runs the compression function over `blocks` 64-byte blocks of `buf`.
 * Unrolled by 16 with the message schedule in locals: V8 runs it about 1.4x
 * faster than the rolled loop (measured; JavaScriptCore about 1.2x slower).
 */
function compress(state: Int32Array, blocks: number): void {
  let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
  let s4 = state[4], s5 = state[5], s6 = state[6], s7 = state[7];
  for (let p = 0; p < blocks * 64; p += 64) {
    let w0 = (buf[p] << 24) | (buf[p + 1] << 16) | (buf[p + 2] << 8) | buf[p + 3];
    let w1 = (buf[p + 4] << 24) | (buf[p + 5] << 16) | (buf[p + 6] << 8) | buf[p + 7];
    let w2 = (buf[p + 8] << 24) | (buf[p + 9] << 16) | (buf[p + 10] << 8) | buf[p + 11];
    let w3 = (buf[p + 12] << 24) | (buf[p + 13] << 16) | (buf[p + 14] << 8) | buf[p + 15];
    let w4 = (buf[p + 16] << 24) | (buf[p + 17] << 16) | (buf[p + 18] << 8) | buf[p + 19];
    let w5 = (buf[p + 20] << 24) | (buf[p + 21] << 16) | (buf[p + 22] << 8) | buf[p + 23];
    let w6 = (buf[p + 24] << 24) | (buf[p + 25] << 16) | (buf[p + 26] << 8) | buf[p + 27];
    let w7 = (buf[p + 28] << 24) | (buf[p + 29] << 16) | (buf[p + 30] << 8) | buf[p + 31];
    let w8 = (buf[p + 32] << 24) | (buf[p + 33] << 16) | (buf[p + 34] << 8) | buf[p + 35];
    let w9 = (buf[p + 36] << 24) | (buf[p + 37] << 16) | (buf[p + 38] << 8) | buf[p + 39];
    let w10 = (buf[p + 40] << 24) | (buf[p + 41] << 16) | (buf[p + 42] << 8) | buf[p + 43];
    let w11 = (buf[p + 44] << 24) | (buf[p + 45] << 16) | (buf[p + 46] << 8) | buf[p + 47];
    let w12 = (buf[p + 48] << 24) | (buf[p + 49] << 16) | (buf[p + 50] << 8) | buf[p + 51];
    let w13 = (buf[p + 52] << 24) | (buf[p + 53] << 16) | (buf[p + 54] << 8) | buf[p + 55];
    let w14 = (buf[p + 56] << 24) | (buf[p + 57] << 16) | (buf[p + 58] << 8) | buf[p + 59];
    let w15 = (buf[p + 60] << 24) | (buf[p + 61] << 16) | (buf[p + 62] << 8) | buf[p + 63];
    let a = s0, b = s1, c = s2, d = s3, e = s4, f = s5, g = s6, h = s7, t = 0;
    for (let i = 0; i < 64; i += 16) {
      if (i > 0) {
        w0 =
          (w0 + (((w14 >>> 17) | (w14 << 15)) ^ ((w14 >>> 19) | (w14 << 13)) ^ (w14 >>> 10)) + w9 +
            (((w1 >>> 7) | (w1 << 25)) ^ ((w1 >>> 18) | (w1 << 14)) ^ (w1 >>> 3))) | 0;
        w1 =
          (w1 + (((w15 >>> 17) | (w15 << 15)) ^ ((w15 >>> 19) | (w15 << 13)) ^ (w15 >>> 10)) + w10 +
            (((w2 >>> 7) | (w2 << 25)) ^ ((w2 >>> 18) | (w2 << 14)) ^ (w2 >>> 3))) | 0;
        w2 = (w2 + (((w0 >>> 17) | (w0 << 15)) ^ ((w0 >>> 19) | (w0 << 13)) ^ (w0 >>> 10)) + w11 +
          (((w3 >>> 7) | (w3 << 25)) ^ ((w3 >>> 18) | (w3 << 14)) ^ (w3 >>> 3))) | 0;
        w3 = (w3 + (((w1 >>> 17) | (w1 << 15)) ^ ((w1 >>> 19) | (w1 << 13)) ^ (w1 >>> 10)) + w12 +
          (((w4 >>> 7) | (w4 << 25)) ^ ((w4 >>> 18) | (w4 << 14)) ^ (w4 >>> 3))) | 0;
        w4 = (w4 + (((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)) + w13 +
          (((w5 >>> 7) | (w5 << 25)) ^ ((w5 >>> 18) | (w5 << 14)) ^ (w5 >>> 3))) | 0;
        w5 = (w5 + (((w3 >>> 17) | (w3 << 15)) ^ ((w3 >>> 19) | (w3 << 13)) ^ (w3 >>> 10)) + w14 +
          (((w6 >>> 7) | (w6 << 25)) ^ ((w6 >>> 18) | (w6 << 14)) ^ (w6 >>> 3))) | 0;
        w6 = (w6 + (((w4 >>> 17) | (w4 << 15)) ^ ((w4 >>> 19) | (w4 << 13)) ^ (w4 >>> 10)) + w15 +
          (((w7 >>> 7) | (w7 << 25)) ^ ((w7 >>> 18) | (w7 << 14)) ^ (w7 >>> 3))) | 0;
        w7 = (w7 + (((w5 >>> 17) | (w5 << 15)) ^ ((w5 >>> 19) | (w5 << 13)) ^ (w5 >>> 10)) + w0 +
          (((w8 >>> 7) | (w8 << 25)) ^ ((w8 >>> 18) | (w8 << 14)) ^ (w8 >>> 3))) | 0;
        w8 = (w8 + (((w6 >>> 17) | (w6 << 15)) ^ ((w6 >>> 19) | (w6 << 13)) ^ (w6 >>> 10)) + w1 +
          (((w9 >>> 7) | (w9 << 25)) ^ ((w9 >>> 18) | (w9 << 14)) ^ (w9 >>> 3))) | 0;
        w9 = (w9 + (((w7 >>> 17) | (w7 << 15)) ^ ((w7 >>> 19) | (w7 << 13)) ^ (w7 >>> 10)) + w2 +
          (((w10 >>> 7) | (w10 << 25)) ^ ((w10 >>> 18) | (w10 << 14)) ^ (w10 >>> 3))) | 0;
        w10 = (w10 + (((w8 >>> 17) | (w8 << 15)) ^ ((w8 >>> 19) | (w8 << 13)) ^ (w8 >>> 10)) + w3 +
          (((w11 >>> 7) | (w11 << 25)) ^ ((w11 >>> 18) | (w11 << 14)) ^ (w11 >>> 3))) | 0;
        w11 = (w11 + (((w9 >>> 17) | (w9 << 15)) ^ ((w9 >>> 19) | (w9 << 13)) ^ (w9 >>> 10)) + w4 +
          (((w12 >>> 7) | (w12 << 25)) ^ ((w12 >>> 18) | (w12 << 14)) ^ (w12 >>> 3))) | 0;
        w12 =
          (w12 + (((w10 >>> 17) | (w10 << 15)) ^ ((w10 >>> 19) | (w10 << 13)) ^ (w10 >>> 10)) + w5 +
            (((w13 >>> 7) | (w13 << 25)) ^ ((w13 >>> 18) | (w13 << 14)) ^ (w13 >>> 3))) | 0;
        w13 =
          (w13 + (((w11 >>> 17) | (w11 << 15)) ^ ((w11 >>> 19) | (w11 << 13)) ^ (w11 >>> 10)) + w6 +
            (((w14 >>> 7) | (w14 << 25)) ^ ((w14 >>> 18) | (w14 << 14)) ^ (w14 >>> 3))) | 0;
        w14 =
          (w14 + (((w12 >>> 17) | (w12 << 15)) ^ ((w12 >>> 19) | (w12 << 13)) ^ (w12 >>> 10)) + w7 +
            (((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3))) | 0;
        w15 =
          (w15 + (((w13 >>> 17) | (w13 << 15)) ^ ((w13 >>> 19) | (w13 << 13)) ^ (w13 >>> 10)) + w8 +
            (((w0 >>> 7) | (w0 << 25)) ^ ((w0 >>> 18) | (w0 << 14)) ^ (w0 >>> 3))) | 0;
      }
      t = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        (g ^ (e & (f ^ g))) + K[i + 0] + w0) | 0;
      d = (d + t) | 0;
      h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) | (c & (a | b)))) | 0;
      t = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
        (f ^ (d & (e ^ f))) + K[i + 1] + w1) | 0;
      c = (c + t) | 0;
      g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
        ((h & a) | (b & (h | a)))) | 0;
      t = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
        (e ^ (c & (d ^ e))) + K[i + 2] + w2) | 0;
      b = (b + t) | 0;
      f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
        ((g & h) | (a & (g | h)))) | 0;
      t = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
        (d ^ (b & (c ^ d))) + K[i + 3] + w3) | 0;
      a = (a + t) | 0;
      e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
        ((f & g) | (h & (f | g)))) | 0;
      t = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
        (c ^ (a & (b ^ c))) + K[i + 4] + w4) | 0;
      h = (h + t) | 0;
      d = (t + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
        ((e & f) | (g & (e | f)))) | 0;
      t = (c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
        (b ^ (h & (a ^ b))) + K[i + 5] + w5) | 0;
      g = (g + t) | 0;
      c = (t + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
        ((d & e) | (f & (d | e)))) | 0;
      t = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
        (a ^ (g & (h ^ a))) + K[i + 6] + w6) | 0;
      f = (f + t) | 0;
      b = (t + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
        ((c & d) | (e & (c | d)))) | 0;
      t = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
        (h ^ (f & (g ^ h))) + K[i + 7] + w7) | 0;
      e = (e + t) | 0;
      a = (t + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
        ((b & c) | (d & (b | c)))) | 0;
      t = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        (g ^ (e & (f ^ g))) + K[i + 8] + w8) | 0;
      d = (d + t) | 0;
      h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) | (c & (a | b)))) | 0;
      t = (g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
        (f ^ (d & (e ^ f))) + K[i + 9] + w9) | 0;
      c = (c + t) | 0;
      g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) +
        ((h & a) | (b & (h | a)))) | 0;
      t = (f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
        (e ^ (c & (d ^ e))) + K[i + 10] + w10) | 0;
      b = (b + t) | 0;
      f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
        ((g & h) | (a & (g | h)))) | 0;
      t = (e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
        (d ^ (b & (c ^ d))) + K[i + 11] + w11) | 0;
      a = (a + t) | 0;
      e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
        ((f & g) | (h & (f | g)))) | 0;
      t = (d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
        (c ^ (a & (b ^ c))) + K[i + 12] + w12) | 0;
      h = (h + t) | 0;
      d = (t + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
        ((e & f) | (g & (e | f)))) | 0;
      t = (c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) +
        (b ^ (h & (a ^ b))) + K[i + 13] + w13) | 0;
      g = (g + t) | 0;
      c = (t + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
        ((d & e) | (f & (d | e)))) | 0;
      t = (b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
        (a ^ (g & (h ^ a))) + K[i + 14] + w14) | 0;
      f = (f + t) | 0;
      b = (t + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
        ((c & d) | (e & (c | d)))) | 0;
      t = (a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
        (h ^ (f & (g ^ h))) + K[i + 15] + w15) | 0;
      e = (e + t) | 0;
      a = (t + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
        ((b & c) | (d & (b | c)))) | 0;
    }
    s0 = (s0 + a) | 0;
    s1 = (s1 + b) | 0;
    s2 = (s2 + c) | 0;
    s3 = (s3 + d) | 0;
    s4 = (s4 + e) | 0;
    s5 = (s5 + f) | 0;
    s6 = (s6 + g) | 0;
    s7 = (s7 + h) | 0;
  }
  state[0] = s0, state[1] = s1, state[2] = s2, state[3] = s3;
  state[4] = s4, state[5] = s5, state[6] = s6, state[7] = s7;
}

/**
 * Writes the UTF-8 of `message` and the SHA-256 padding into `buf`, for a
 * hash that has already consumed `before` bytes; returns the block count.
 */
function load(message: string | Uint8Array, before: number): number {
  // Three bytes per UTF-16 unit is UTF-8's worst case; 72 covers the padding.
  const need = (typeof message === "string" ? message.length * 3 : message.length) + 72;
  if (buf.length < need) buf = new Uint8Array(need);
  let len: number;
  if (typeof message === "string") {
    // encodeInto copies a one-byte string natively; a charCodeAt loop costs
    // several times more on a string just built by concatenation.
    len = encoder.encodeInto(message, buf).written;
  } else {
    buf.set(message);
    len = message.length;
  }
  const blocks = (len + 72) >>> 6;
  buf[len] = 0x80;
  buf.fill(0, len + 1, blocks * 64 - 8);
  const bits = (before + len) * 8;
  writeWord(blocks * 64 - 8, Math.floor(bits / 0x100000000));
  writeWord(blocks * 64 - 4, bits >>> 0);
  return blocks;
}

function writeWord(at: number, w: number): void {
  buf[at] = w >>> 24;
  buf[at + 1] = w >>> 16;
  buf[at + 2] = w >>> 8;
  buf[at + 3] = w;
}

function hex(h: Int32Array): string {
  for (let i = 0, j = 0; i < 8; i++) {
    const w = h[i];
    for (let shift = 28; shift >= 0; shift -= 4) hexBytes[j++] = HEX_DIGITS[(w >>> shift) & 15];
  }
  // One native decode builds a flat string; 32 concatenations build a rope
  // that the next hash has to flatten again.
  return decoder.decode(hexBytes);
}

// Bun has a synchronous native SHA-256 as a global (no import needed), five
// to ten times faster there than any JavaScript hash; elsewhere ours runs.
interface BunHashing {
  SHA256: { hash(m: string, encoding: "hex"): string };
  CryptoHasher: new (alg: "sha256", key: Uint8Array) => {
    update(m: string): { digest(encoding: "hex"): string };
  };
}
const bun = (globalThis as { Bun?: Partial<BunHashing> }).Bun;
const native = typeof bun?.SHA256?.hash === "function" && typeof bun.CryptoHasher === "function"
  ? bun as BunHashing
  : undefined;

/** Hex SHA-256 of the UTF-8 encoding of `message`. */
export function sha256StringHex(message: string): string {
  if (native) return native.SHA256.hash(message, "hex");
  work.set(IV);
  compress(work, load(message, 0));
  return hex(work);
}

/** Hex SHA-256 of bytes (a small request body; large ones go to Web Crypto). */
export function sha256BytesHex(message: Uint8Array): string {
  work.set(IV);
  compress(work, load(message, 0));
  return hex(work);
}

function digestBytes(state: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = state[i] >>> 24;
    out[i * 4 + 1] = state[i] >>> 16;
    out[i * 4 + 2] = state[i] >>> 8;
    out[i * 4 + 3] = state[i];
  }
  return out;
}

/** An HMAC-SHA256 key as the states after its inner and outer pad blocks. */
export interface HmacKey {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
  /** The key itself, for a native HMAC. */
  readonly raw: Uint8Array;
}

/** Precomputes an HMAC-SHA256 key (RFC 2104: a key over 64 bytes is hashed first). */
export function hmacKey(key: Uint8Array): HmacKey {
  if (key.length > 64) {
    work.set(IV);
    compress(work, load(key, 0));
    key = digestBytes(work);
  }
  const pad = (byte: number) => {
    buf.fill(byte, 0, 64);
    for (let i = 0; i < key.length; i++) buf[i] ^= key[i];
    const h = IV.slice();
    compress(h, 1);
    return h;
  };
  return { inner: pad(0x36), outer: pad(0x5c), raw: key.slice() };
}

/** Hex HMAC-SHA256 of the UTF-8 encoding of `message`. */
export function hmacStringHex(key: HmacKey, message: string): string {
  if (native) return new native.CryptoHasher("sha256", key.raw).update(message).digest("hex");
  hmacInto(key, message);
  return hex(work);
}

/** Raw HMAC-SHA256 of the UTF-8 encoding of `message` under `key`. */
export function hmacBytes(key: Uint8Array, message: string): Uint8Array {
  hmacInto(hmacKey(key), message);
  return digestBytes(work);
}

function hmacInto(key: HmacKey, message: string): void {
  work.set(key.inner);
  compress(work, load(message, 64));
  for (let i = 0; i < 8; i++) writeWord(i * 4, work[i]);
  buf[32] = 0x80;
  buf.fill(0, 33, 62);
  // The outer hash is the pad block plus the 32-byte inner digest: 768 bits.
  buf[62] = 3;
  buf[63] = 0;
  work.set(key.outer);
  compress(work, 1);
}

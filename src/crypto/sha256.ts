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

import { nativeHash } from "./native_hash.ts";

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

const W = new Int32Array(64);

/**
 * Runs the compression function over `blocks` 64-byte blocks of `buf`.
 * A plain loop: where speed counts most (Node and Bun) the runtime's native
 * hash is used instead (src/crypto/native_hash.ts), and the unrolled form cost
 * 5 KiB of minified code in every bundle for ~1.3x on V8.
 */
function compress(state: Int32Array, blocks: number): void {
  let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
  let s4 = state[4], s5 = state[5], s6 = state[6], s7 = state[7];
  for (let p = 0; p < blocks * 64; p += 64) {
    for (let i = 0; i < 16; i++) {
      const q = p + i * 4;
      W[i] = (buf[q] << 24) | (buf[q + 1] << 16) | (buf[q + 2] << 8) | buf[q + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15], y = W[i - 2];
      W[i] = ((((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)) + W[i - 7] +
        (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + W[i - 16]) | 0;
    }
    let a = s0, b = s1, c = s2, d = s3, e = s4, f = s5, g = s6, h = s7;
    for (let i = 0; i < 64; i++) {
      const t1 =
        (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
          (g ^ (e & (f ^ g))) + K[i] + W[i]) | 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) | (c & (a | b)))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
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

/** Hex SHA-256 of the UTF-8 encoding of `message`. */
export function sha256StringHex(message: string): string {
  const native = nativeHash();
  if (native) return native.sha256(message);
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
  const native = nativeHash();
  if (native) return native.hmac(key.raw, message);
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

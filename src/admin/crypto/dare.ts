/**
 * The DARE 2.0 stream format of sio-go (github.com/secure-io/sio-go), which
 * MinIO's admin payloads use after their header.
 *
 * The plaintext is cut into fragments of `bufSize` bytes (16 KiB for MinIO);
 * the last one holds the rest, 0 to `bufSize` bytes, so an empty plaintext
 * still gives one (empty) final fragment. Each fragment is sealed on its own
 * and stored as `ciphertext || tag`:
 * - nonce: the stream nonce (the AEAD's nonce size − 4 bytes) followed by
 *   the fragment's sequence number, 32-bit little-endian, counting from 1;
 * - associated data, 1 + 16 bytes: a flag, 0x00 for every fragment but the
 *   last and 0x80 for the last, then the tag of sealing nothing under
 *   sequence number 0 with the caller's associated data, which binds the
 *   caller's data to every fragment at a fixed cost.
 * The numbered nonces stop reordering and the final flag stops cutting the
 * stream at a fragment boundary; appended bytes shift the final fragment and
 * fail its tag.
 *
 * Sequence numbers are 32-bit: sio-go caps a stream at 2^32 − 1 fragments
 * (64 TiB at 16 KiB), far beyond any `Uint8Array`, so no check is needed.
 *
 * @module
 */

import { type Aead, TAG_SIZE } from "./aead.ts";
import { AdminPayloadError } from "./errors.ts";

/** MinIO's fragment size: sio-go's default `BufSize`. */
export const FRAGMENT_SIZE = 16 * 1024;

const FINAL = 0x80;
const EMPTY = new Uint8Array(0);

/** What both ends of a stream must agree on besides key and nonce. */
export interface DareOptions {
  /** Plaintext bytes per fragment (default 16 KiB, MinIO's). */
  bufSize?: number;
  /** Authenticated but not encrypted data (MinIO passes none). */
  associatedData?: Uint8Array;
}

function fragmentNonce(aead: Aead, nonce: Uint8Array, seq: number): Uint8Array {
  const out = new Uint8Array(aead.nonceSize);
  out.set(nonce);
  new DataView(out.buffer).setUint32(out.length - 4, seq, true);
  return out;
}

/** The associated data of every fragment but the last, and of the last. */
async function fragmentAd(
  aead: Aead,
  nonce: Uint8Array,
  associatedData: Uint8Array,
): Promise<[Uint8Array, Uint8Array]> {
  if (nonce.length !== aead.nonceSize - 4) {
    throw new RangeError(`DARE stream nonce must be ${aead.nonceSize - 4} bytes`);
  }
  const tag = await aead.seal(fragmentNonce(aead, nonce, 0), EMPTY, associatedData);
  const ad = new Uint8Array(1 + tag.length);
  ad.set(tag, 1);
  const last = ad.slice();
  last[0] = FINAL;
  return [ad, last];
}

/**
 * Encrypts a whole plaintext into a DARE stream.
 *
 * @example
 * ```ts
 * import { aesGcm } from "./aead.ts";
 * import { sealStream } from "./dare.ts";
 * const aead = await aesGcm(new Uint8Array(32));
 * const sealed = await sealStream(aead, new Uint8Array(8), new Uint8Array(20_000));
 * console.log(sealed.length); // 20_032: two fragments, two tags
 * ```
 */
export async function sealStream(
  aead: Aead,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  { bufSize = FRAGMENT_SIZE, associatedData = EMPTY }: DareOptions = {},
): Promise<Uint8Array> {
  const [ad, lastAd] = await fragmentAd(aead, nonce, associatedData);
  const count = Math.max(1, Math.ceil(plaintext.length / bufSize));
  const out = new Uint8Array(plaintext.length + count * TAG_SIZE);
  for (let i = 0; i < count; i++) {
    const start = i * bufSize;
    const sealed = await aead.seal(
      fragmentNonce(aead, nonce, i + 1),
      plaintext.subarray(start, start + bufSize),
      i === count - 1 ? lastAd : ad,
    );
    out.set(sealed, start + i * TAG_SIZE);
  }
  return out;
}

/**
 * Cuts a DARE stream into its sealed fragments, checking only lengths: every
 * fragment but the last is `bufSize + 16` bytes, the last 16 to that. Cheap,
 * so a caller can reject a malformed stream before deriving a key.
 *
 * @example
 * ```ts
 * import { splitStream } from "./dare.ts";
 * console.log(splitStream(new Uint8Array(16_400 + 17)).length); // 2
 * ```
 */
export function splitStream(
  ciphertext: Uint8Array,
  bufSize: number = FRAGMENT_SIZE,
): Uint8Array[] {
  const size = bufSize + TAG_SIZE;
  const count = Math.max(1, Math.ceil(ciphertext.length / size));
  const lastSize = ciphertext.length - (count - 1) * size;
  if (lastSize < TAG_SIZE) {
    throw new AdminPayloadError(
      "NotAuthentic",
      lastSize === 0
        ? "the stream has no final fragment (truncated)"
        : `the stream ends ${lastSize} bytes into a fragment, shorter than its tag ` +
          "(truncated or extended)",
    );
  }
  const fragments: Uint8Array[] = [];
  for (let start = 0; start < ciphertext.length; start += size) {
    fragments.push(ciphertext.subarray(start, start + size));
  }
  return fragments;
}

/**
 * Decrypts the fragments of a DARE stream. Every fragment is authenticated
 * before anything is returned: a failure throws and the plaintext decrypted
 * so far is dropped.
 *
 * @example
 * ```ts
 * import { aesGcm } from "./aead.ts";
 * import { openStream, sealStream, splitStream } from "./dare.ts";
 * const aead = await aesGcm(new Uint8Array(32));
 * const nonce = new Uint8Array(8);
 * const sealed = await sealStream(aead, nonce, new TextEncoder().encode("hi"));
 * console.log(new TextDecoder().decode(await openStream(aead, nonce, splitStream(sealed)))); // "hi"
 * ```
 */
export async function openStream(
  aead: Aead,
  nonce: Uint8Array,
  fragments: Uint8Array[],
  { bufSize = FRAGMENT_SIZE, associatedData = EMPTY }: DareOptions = {},
): Promise<Uint8Array> {
  const [ad, lastAd] = await fragmentAd(aead, nonce, associatedData);
  const count = fragments.length;
  const total = fragments.reduce((n, f) => n + f.length - TAG_SIZE, 0);
  const out = new Uint8Array(total);
  for (let i = 0; i < count; i++) {
    const plain = await aead.open(
      fragmentNonce(aead, nonce, i + 1),
      fragments[i],
      i === count - 1 ? lastAd : ad,
    );
    if (plain === undefined) {
      throw new AdminPayloadError(
        "NotAuthentic",
        `fragment ${i + 1} of ${count} is not authentic (wrong password, or data ` +
          "modified, truncated, reordered or extended)",
      );
    }
    out.set(plain, i * bufSize);
  }
  return out;
}

/**
 * The two AEADs of MinIO's admin payloads behind one shape, so the stream
 * format in `dare.ts` does not care which one it drives: AES-GCM through Web
 * Crypto (hardware-backed on every runtime) and ChaCha20-Poly1305 through
 * @noble/ciphers (Web Crypto has no ChaCha).
 *
 * @module
 */

// @noble/ciphers is loaded when a ChaCha20-Poly1305 payload is first sealed
// or opened (MinIO mostly picks AES-GCM): importing the SDK should not build
// its tables.
const noble = () => import("@noble/ciphers/chacha.js");

/** An AEAD with a 16-byte tag appended to the ciphertext, as Go's `cipher.AEAD`. */
export interface Aead {
  /** Nonce length in bytes. */
  readonly nonceSize: number;
  /** Encrypts and authenticates: `ciphertext || tag`. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, ad: Uint8Array): Promise<Uint8Array>;
  /** Verifies and decrypts `ciphertext || tag`; `undefined` if not authentic. */
  open(nonce: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Promise<Uint8Array | undefined>;
}

/** Length of the authentication tag of both AEADs. */
export const TAG_SIZE = 16;

/**
 * AES-GCM with a 12-byte nonce, for a 16- or 32-byte key.
 *
 * @example
 * ```ts
 * import { aesGcm } from "./aead.ts";
 * const aead = await aesGcm(new Uint8Array(32));
 * const sealed = await aead.seal(new Uint8Array(12), new Uint8Array([1]), new Uint8Array(0));
 * console.log(sealed.length); // 17
 * ```
 */
export async function aesGcm(key: Uint8Array): Promise<Aead> {
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    key as BufferSource,
    "AES-GCM",
    false,
    ["encrypt", "decrypt"],
  );
  const params = (nonce: Uint8Array, ad: Uint8Array): AesGcmParams => ({
    name: "AES-GCM",
    iv: nonce as BufferSource,
    additionalData: ad as BufferSource,
    tagLength: TAG_SIZE * 8,
  });
  return {
    nonceSize: 12,
    async seal(nonce, plaintext, ad) {
      const sealed = await crypto.subtle.encrypt(
        params(nonce, ad),
        cryptoKey,
        plaintext as BufferSource,
      );
      return new Uint8Array(sealed);
    },
    async open(nonce, sealed, ad) {
      try {
        const plain = await crypto.subtle.decrypt(
          params(nonce, ad),
          cryptoKey,
          sealed as BufferSource,
        );
        return new Uint8Array(plain);
      } catch (e) {
        // Web Crypto reports a bad tag as OperationError; anything else is
        // a fault of the runtime, not of the data, and must not look like one.
        if ((e as { name?: string })?.name === "OperationError") return undefined;
        throw e;
      }
    },
  };
}

/**
 * ChaCha20-Poly1305 (RFC 8439) with a 12-byte nonce and a 32-byte key.
 *
 * @example
 * ```ts
 * import { chaCha20Poly1305 } from "./aead.ts";
 * const aead = chaCha20Poly1305(new Uint8Array(32));
 * const sealed = await aead.seal(new Uint8Array(12), new Uint8Array([1]), new Uint8Array(0));
 * console.log((await aead.open(new Uint8Array(12), sealed, new Uint8Array(0)))?.[0]); // 1
 * ```
 */
export function chaCha20Poly1305(key: Uint8Array): Aead {
  return {
    nonceSize: 12,
    async seal(nonce, plaintext, ad) {
      const { chacha20poly1305 } = await noble();
      return chacha20poly1305(key, nonce, ad).encrypt(plaintext);
    },
    async open(nonce, sealed, ad) {
      const { chacha20poly1305 } = await noble();
      try {
        return chacha20poly1305(key, nonce, ad).decrypt(sealed);
      } catch {
        // noble throws only on a wrong tag or a too-short input here: the
        // key and nonce lengths are fixed by the caller.
        return undefined;
      }
    },
  };
}

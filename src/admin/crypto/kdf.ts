/**
 * The key derivations of MinIO's admin payloads, with madmin-go's fixed
 * costs: argon2id (t=1, 64 MiB, 4 lanes) for ids 0x00/0x01, and
 * PBKDF2-HMAC-SHA256 with 8192 iterations for the FIPS id 0x02. Both turn
 * the admin secret key and the payload's 32-byte salt into a 32-byte key.
 *
 * @module
 */

import { argon2id } from "./argon2.ts";

const KEY_SIZE = 32;

/**
 * argon2id with madmin-go's parameters.
 *
 * @example
 * ```ts
 * import { argon2idKey } from "./kdf.ts";
 * const key = await argon2idKey(new TextEncoder().encode("secret"), new Uint8Array(32));
 * console.log(key.length); // 32
 * ```
 */
export function argon2idKey(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  return argon2id(password, salt, { t: 1, m: 64 * 1024, p: 4, dkLen: KEY_SIZE });
}

/**
 * PBKDF2-HMAC-SHA256, 8192 iterations, through Web Crypto.
 *
 * @example
 * ```ts
 * import { pbkdf2Key } from "./kdf.ts";
 * const key = await pbkdf2Key(new TextEncoder().encode("secret"), new Uint8Array(32));
 * console.log(key.length); // 32
 * ```
 */
export async function pbkdf2Key(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey(
    "raw",
    password as BufferSource,
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations: 8192 },
    base,
    KEY_SIZE * 8,
  );
  return new Uint8Array(bits);
}

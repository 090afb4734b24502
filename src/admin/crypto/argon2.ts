/**
 * Argon2id (RFC 9106), the key derivation behind MinIO's encrypted admin
 * payloads (t=1, m=64 MiB, p=4, 32-byte key). It runs in the WebAssembly
 * module built from wasm/ and falls back to @noble/hashes, which computes
 * the same bytes about ten times slower, where WebAssembly cannot run.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { checkInteger } from "../../base/validate.ts";
import { loadArgon2Wasm, runArgon2Wasm } from "./argon2_wasm.ts";

export { releaseArgon2Wasm, setArgon2WasmModule } from "./argon2_wasm.ts";

/** Argon2id cost parameters and output length. */
export interface Argon2Options {
  /** Passes over memory (RFC 9106 `t`), at least 1. */
  t: number;
  /** Memory in KiB (RFC 9106 `m`), at least `8 * p`. */
  m: number;
  /** Lanes (RFC 9106 `p`), 1 to 2^24 - 1. */
  p: number;
  /** Length of the derived key in bytes, at least 4. */
  dkLen: number;
}

/** Argon2id's optional inputs, which MinIO does not use. */
export interface Argon2Extras {
  /** The secret value K of RFC 9106. */
  secret?: Uint8Array;
  /** The associated data X of RFC 9106. */
  associatedData?: Uint8Array;
}

const U32_MAX = 0xffffffff;
// wasm32 addresses 4 GiB, and noble's memory limit is a u32 of bytes.
const MAX_MEMORY_KIB = 4 * 1024 * 1024 - 1;

let fallbackForced = false;

/**
 * Derives a key with Argon2id (RFC 9106, version 0x13).
 *
 * @param password The password (MinIO: the admin secret key, UTF-8).
 * @param salt At least 8 bytes (MinIO: 32 random bytes).
 * @param options `t`, `m` (KiB), `p` and `dkLen`.
 * @returns `dkLen` bytes.
 * @throws {InvalidArgumentError} when an input or parameter is out of range.
 *
 * @example
 * ```ts
 * import { argon2id } from "./argon2.ts";
 * const salt = crypto.getRandomValues(new Uint8Array(32));
 * const key = await argon2id(new TextEncoder().encode("minioadmin"), salt, {
 *   t: 1,
 *   m: 64 * 1024,
 *   p: 4,
 *   dkLen: 32,
 * });
 * console.log(key.length); // 32
 * ```
 */
export function argon2id(
  password: Uint8Array,
  salt: Uint8Array,
  options: Argon2Options,
): Promise<Uint8Array> {
  return argon2idWithSecret(password, salt, options);
}

/**
 * Argon2id with the secret and associated data of RFC 9106, which
 * {@link argon2id} leaves empty. For the RFC's test vectors.
 *
 * @internal
 * @example
 * ```ts
 * import { argon2idWithSecret } from "./argon2.ts";
 * const tag = await argon2idWithSecret(new Uint8Array(32).fill(1), new Uint8Array(16).fill(2), {
 *   t: 3,
 *   m: 32,
 *   p: 4,
 *   dkLen: 32,
 *   secret: new Uint8Array(8).fill(3),
 *   associatedData: new Uint8Array(12).fill(4),
 * });
 * console.log(tag[0]); // 0x0d
 * ```
 */
export async function argon2idWithSecret(
  password: Uint8Array,
  salt: Uint8Array,
  options: Argon2Options & Argon2Extras,
): Promise<Uint8Array> {
  const secret = options.secret ?? new Uint8Array(0);
  const ad = options.associatedData ?? new Uint8Array(0);
  checkBytes("password", password, 0);
  checkBytes("salt", salt, 8);
  checkBytes("secret", secret, 0);
  checkBytes("associatedData", ad, 0);
  const { t, m, p, dkLen } = options;
  checkInteger(t, "argon2id: t", 1, U32_MAX);
  checkInteger(p, "argon2id: p", 1, 2 ** 24 - 1);
  checkInteger(m, "argon2id: m", 8 * p, MAX_MEMORY_KIB);
  checkInteger(dkLen, "argon2id: dkLen", 4, U32_MAX);

  const wasm = fallbackForced ? undefined : await loadArgon2Wasm();
  if (wasm) return runArgon2Wasm(wasm, [password, salt, secret, ad], t, m, p, dkLen);
  // Loaded on use, like the WebAssembly: most runtimes never need it, and
  // its BLAKE2b tables would otherwise be built by every import of the SDK.
  const { argon2idAsync } = await import("@noble/hashes/argon2.js");
  return argon2idAsync(password, salt, {
    t,
    m,
    p,
    dkLen,
    key: secret,
    personalization: ad,
    maxmem: U32_MAX,
  });
}

/**
 * Which implementation the next derivation uses: `"wasm"`, or `"js"`
 * (@noble/hashes) where WebAssembly is unavailable or the fallback is forced.
 *
 * @example
 * ```ts
 * import { argon2Backend } from "./argon2.ts";
 * console.log(await argon2Backend()); // "wasm" on Deno, Bun and Node
 * ```
 */
export async function argon2Backend(): Promise<"wasm" | "js"> {
  return !fallbackForced && await loadArgon2Wasm() ? "wasm" : "js";
}

/**
 * Forces the JavaScript fallback (`true`) or lets WebAssembly run again
 * (`false`). For tests, which compare the two.
 *
 * @internal
 * @example
 * ```ts
 * import { forceArgon2Fallback } from "./argon2.ts";
 * forceArgon2Fallback(true);
 * forceArgon2Fallback(false);
 * ```
 */
export function forceArgon2Fallback(forced: boolean): void {
  fallbackForced = forced;
}

function checkBytes(name: string, value: Uint8Array, min: number): void {
  if (!(value instanceof Uint8Array)) {
    throw new InvalidArgumentError(`argon2id: ${name} must be a Uint8Array`);
  }
  if (value.length < min) {
    throw new InvalidArgumentError(`argon2id: ${name} must be at least ${min} bytes`);
  }
  if (value.length > U32_MAX) {
    throw new InvalidArgumentError(`argon2id: ${name} must be under 4 GiB`);
  }
}

/**
 * The runtime's own synchronous SHA-256 and HMAC-SHA256, where it has one:
 * Bun's `Bun.CryptoHasher` global, or Node's `node:crypto` reached through
 * `process.getBuiltinModule` (no import, so no bundle ever names it). Looked
 * up on first use: loading `node:crypto` costs ~3 ms on Node, which an
 * `import` of this SDK should not pay. Deno's costs ~20 ms to load, so it is
 * loaded by the first body of {@link DENO_NATIVE_FROM} bytes, where it pays
 * at once: on Deno 2.9 it hashes a 16 MiB part in 10 ms where Web Crypto
 * takes 25 (and copies the part first). From then on it does all the
 * hashing, as on Node: a 4 KiB body in 3 µs where our JavaScript takes 21,
 * a signature's strings in about half the time.
 *
 * @module
 */

/** Synchronous native hashing, to hex. */
export interface NativeHash {
  /** Hex SHA-256 of the UTF-8 of a string, or of bytes (hashed in place). */
  sha256(message: string | Uint8Array): string;
  /** Hex HMAC-SHA256 of the UTF-8 of `message`. */
  hmac(key: Uint8Array, message: string): string;
}

interface Hasher {
  update(m: string | Uint8Array): Hasher;
  digest(encoding: "hex"): string;
}

interface Runtime {
  Bun?: {
    SHA256?: { hash(m: string | Uint8Array, encoding: "hex"): string };
    CryptoHasher?: new (alg: "sha256", key?: Uint8Array) => Hasher;
  };
  Deno?: unknown;
  process?: { getBuiltinModule?: (id: string) => unknown };
}

interface NodeCrypto {
  createHash(alg: "sha256"): Hasher;
  createHmac(alg: "sha256", key: Uint8Array): Hasher;
}

/** On Deno, the size of the first body whose hashing loads `node:crypto`. */
export const DENO_NATIVE_FROM = 1024 * 1024;

let found: NativeHash | null | undefined;
// Deno: node:crypto is not loaded until a body of DENO_NATIVE_FROM bytes.
let deferred = false;

function find(bodyLength: number): NativeHash | null {
  const g = globalThis as Runtime;
  const Hasher = g.Bun?.CryptoHasher, oneShot = g.Bun?.SHA256;
  if (Hasher && oneShot) {
    return {
      sha256: (m) => oneShot.hash(m, "hex"),
      hmac: (key, m) => new Hasher("sha256", key).update(m).digest("hex"),
    };
  }
  deferred = !!g.Deno && bodyLength < DENO_NATIVE_FROM;
  if (deferred) return null;
  const node = g.process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  if (!node?.createHash) return null;
  return {
    sha256: (m) => node.createHash("sha256").update(m).digest("hex"),
    hmac: (key, m) => node.createHmac("sha256", key).update(m).digest("hex"),
  };
}

/**
 * The runtime's native hashing, or `undefined` (browsers, Workers, and Deno
 * until a body of `bodyLength` ≥ {@link DENO_NATIVE_FROM} loads it).
 */
export function nativeHash(bodyLength = 0): NativeHash | undefined {
  if (found === undefined || (deferred && bodyLength >= DENO_NATIVE_FROM)) {
    found = find(bodyLength);
  }
  return found ?? undefined;
}

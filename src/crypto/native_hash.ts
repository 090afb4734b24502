/**
 * The runtime's own synchronous SHA-256 and HMAC-SHA256, where it has one:
 * Bun's `Bun.CryptoHasher` global, or Node's `node:crypto` reached through
 * `process.getBuiltinModule` (no import, so no bundle ever names it). Looked
 * up on first use: loading `node:crypto` costs ~3 ms on Node, which an
 * `import` of this SDK should not pay. Deno's `node:crypto` is left alone:
 * on Deno 2.9 it hashes faster than our JavaScript and Web Crypto, but it
 * costs ~20 ms to load and 2-3 MiB more peak RSS in a 1 GiB upload, whose
 * peak is at issue 16's bound, for no gain in throughput.
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

let found: NativeHash | null | undefined;

function find(): NativeHash | null {
  const g = globalThis as Runtime;
  const Hasher = g.Bun?.CryptoHasher, oneShot = g.Bun?.SHA256;
  if (Hasher && oneShot) {
    return {
      sha256: (m) => oneShot.hash(m, "hex"),
      hmac: (key, m) => new Hasher("sha256", key).update(m).digest("hex"),
    };
  }
  if (g.Deno) return null;
  const node = g.process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;
  if (!node?.createHash) return null;
  return {
    sha256: (m) => node.createHash("sha256").update(m).digest("hex"),
    hmac: (key, m) => node.createHmac("sha256", key).update(m).digest("hex"),
  };
}

/** The runtime's native hashing, or `undefined` (browsers, Workers, Deno). */
export function nativeHash(): NativeHash | undefined {
  if (found === undefined) found = find();
  return found ?? undefined;
}

/**
 * MinIO's encrypted admin payloads, the format of madmin-go's
 * `EncryptData`/`DecryptData`: the server encrypts secrets it sends (and
 * expects encrypted secrets it receives) under a key derived from the
 * caller's secret key.
 *
 * ```
 * salt (32 B) | algorithm id (1 B) | nonce (8 B) | DARE stream (dare.ts)
 * ```
 *
 * | id   | key derivation                         | AEAD              |
 * | ---- | -------------------------------------- | ----------------- |
 * | 0x00 | argon2id, t=1, m=64 MiB, p=4           | AES-256-GCM       |
 * | 0x01 | argon2id, t=1, m=64 MiB, p=4           | ChaCha20-Poly1305 |
 * | 0x02 | PBKDF2-HMAC-SHA256, 8192 iterations    | AES-256-GCM       |
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { type Aead, aesGcm, chaCha20Poly1305 } from "./aead.ts";
import { openStream, sealStream, splitStream } from "./dare.ts";
import { AdminPayloadError } from "./errors.ts";
import { argon2idKey, pbkdf2Key } from "./kdf.ts";

/**
 * The algorithm id of a payload: 0 = argon2id + AES-256-GCM (madmin-go's
 * choice on CPUs with AES instructions), 1 = argon2id + ChaCha20-Poly1305
 * (its choice without them), 2 = PBKDF2 + AES-256-GCM (its FIPS build).
 */
export type PayloadAlgorithm = 0 | 1 | 2;

/** Options of {@link encryptData}. */
export interface EncryptDataOptions {
  /** The algorithm id; default 0 (argon2id + AES-256-GCM). */
  algorithm?: PayloadAlgorithm;
}

interface Suite {
  deriveKey(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array>;
  aead(key: Uint8Array): Aead | Promise<Aead>;
}

const SUITES: Record<PayloadAlgorithm, Suite> = {
  0: { deriveKey: argon2idKey, aead: aesGcm },
  1: { deriveKey: argon2idKey, aead: chaCha20Poly1305 },
  2: { deriveKey: pbkdf2Key, aead: aesGcm },
};

const SALT_SIZE = 32;
const NONCE_SIZE = 8;
const HEADER_SIZE = SALT_SIZE + 1 + NONCE_SIZE;
const utf8 = new TextEncoder();

function suiteOf(id: number): Suite | undefined {
  return Object.hasOwn(SUITES, id) ? SUITES[id as PayloadAlgorithm] : undefined;
}

/** Runs `use` with the derived key, then wipes the key's bytes. */
async function withKey<T>(
  suite: Suite,
  password: string,
  salt: Uint8Array,
  use: (aead: Aead) => Promise<T>,
): Promise<T> {
  const key = await suite.deriveKey(utf8.encode(password), salt);
  try {
    return await use(await suite.aead(key));
  } finally {
    // A wiped key cannot leak through a later heap dump; Web Crypto keeps
    // its own copy inside the CryptoKey, noble reads it per fragment.
    key.fill(0);
  }
}

/**
 * Encrypts an admin request body as madmin-go's `EncryptData` does, with a
 * fresh random salt and nonce.
 *
 * @example
 * ```ts
 * import { decryptData, encryptData } from "./payload.ts";
 * const body = new TextEncoder().encode('{"status":"enabled"}');
 * const sealed = await encryptData("minioadmin", body);
 * console.log(sealed.length); // 41 + body.length + 16
 * console.log(new TextDecoder().decode(await decryptData("minioadmin", sealed)));
 * ```
 */
export async function encryptData(
  password: string,
  plaintext: Uint8Array,
  options: EncryptDataOptions = {},
): Promise<Uint8Array> {
  const algorithm = options.algorithm ?? 0;
  const suite = suiteOf(algorithm);
  if (!suite) {
    throw new InvalidArgumentError(`unknown admin payload algorithm ${String(algorithm)}`);
  }
  if (typeof password !== "string") throw new InvalidArgumentError("password must be a string");
  if (!(plaintext instanceof Uint8Array)) {
    throw new InvalidArgumentError("plaintext must be a Uint8Array");
  }
  const header = new Uint8Array(HEADER_SIZE);
  const salt = crypto.getRandomValues(header.subarray(0, SALT_SIZE));
  header[SALT_SIZE] = algorithm;
  const nonce = crypto.getRandomValues(header.subarray(SALT_SIZE + 1));
  const stream = await withKey(suite, password, salt, (aead) => sealStream(aead, nonce, plaintext));
  const out = new Uint8Array(HEADER_SIZE + stream.length);
  out.set(header);
  out.set(stream, HEADER_SIZE);
  return out;
}

/**
 * Decrypts an admin payload of any of the three algorithm ids, as
 * madmin-go's `DecryptData` does. The whole payload is authenticated before
 * any plaintext is returned; a wrong password, a modified, truncated,
 * reordered or extended payload throws {@link AdminPayloadError}.
 *
 * @example
 * ```ts
 * import { AdminPayloadError } from "./errors.ts";
 * import { decryptData, encryptData } from "./payload.ts";
 * const sealed = await encryptData("minioadmin", new TextEncoder().encode("hi"), { algorithm: 2 });
 * try {
 *   await decryptData("wrong", sealed);
 * } catch (e) {
 *   console.log(e instanceof AdminPayloadError && e.code); // "NotAuthentic"
 * }
 * ```
 */
export async function decryptData(password: string, data: Uint8Array): Promise<Uint8Array> {
  if (typeof password !== "string") throw new InvalidArgumentError("password must be a string");
  if (!(data instanceof Uint8Array)) throw new InvalidArgumentError("data must be a Uint8Array");
  if (data.length < HEADER_SIZE) {
    throw new AdminPayloadError(
      "TruncatedHeader",
      `${data.length} bytes, shorter than the ${HEADER_SIZE}-byte header`,
    );
  }
  const id = data[SALT_SIZE];
  const suite = suiteOf(id);
  if (!suite) {
    throw new AdminPayloadError(
      "UnknownAlgorithm",
      `unknown algorithm id 0x${id.toString(16).padStart(2, "0")}`,
    );
  }
  // Lengths first: a malformed stream fails before the costly key derivation.
  const fragments = splitStream(data.subarray(HEADER_SIZE));
  const nonce = data.subarray(SALT_SIZE + 1, HEADER_SIZE);
  return await withKey(
    suite,
    password,
    data.subarray(0, SALT_SIZE),
    (aead) => openStream(aead, nonce, fragments),
  );
}

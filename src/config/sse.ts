/**
 * Server-side encryption settings, as minio-py's `minio.sse` names them:
 * {@link SseCustomerKey} (SSE-C), {@link SseKMS} and {@link SseS3}.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { bytesToBase64 } from "../crypto/base64.ts";
import { md5Base64 } from "../crypto/md5.ts";

/**
 * What every server-side encryption setting provides.
 *
 * @example
 * ```ts
 * import { type PutObjectOptions, type Sse, SseKMS, SseS3 } from "@minio-edge/minio";
 * function encryption(kmsKey?: string): Sse {
 *   return kmsKey ? new SseKMS(kmsKey) : new SseS3();
 * }
 * const options: PutObjectOptions = { sse: encryption("my-minio-key") };
 * console.log(encryption().tlsRequired()); // false: SSE-S3 sends no secret
 * ```
 */
export interface Sse {
  /** Headers for a request that writes or reads the object. */
  headers(): Record<string, string>;
  /** Headers naming the source of a copy (SSE-C only). */
  copyHeaders(): Record<string, string>;
  /** Whether the setting may only travel over TLS. */
  tlsRequired(): boolean;
}

const REDACTED = "SseCustomerKey(<redacted>)";

/**
 * SSE-C: the server encrypts with a 32-byte key the client sends on every
 * request. Over TLS only; the key never appears in an error or a log.
 *
 * @example
 * ```ts
 * import { Minio, SseCustomerKey } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9443, accessKey: "k", secretKey: "s" });
 * const ssec = new SseCustomerKey(crypto.getRandomValues(new Uint8Array(32)));
 * await client.putObject("bucket", "secret.bin", "data", undefined, { sse: ssec });
 * const res = await client.getObject("bucket", "secret.bin", { ssec });
 * ```
 */
export class SseCustomerKey implements Sse {
  readonly #headers: Record<string, string>;
  readonly #copyHeaders: Record<string, string>;

  /** `key`: exactly 32 raw bytes (not base64). */
  constructor(key: Uint8Array) {
    if (!(key instanceof Uint8Array) || key.length !== 32) {
      throw new InvalidArgumentError(
        "SSE-C keys must be exactly 32 bytes; pass raw bytes, not a base64 string",
      );
    }
    const b64 = bytesToBase64(key);
    const md5 = md5Base64(key);
    this.#headers = {
      "x-amz-server-side-encryption-customer-algorithm": "AES256",
      "x-amz-server-side-encryption-customer-key": b64,
      "x-amz-server-side-encryption-customer-key-md5": md5,
    };
    this.#copyHeaders = {
      "x-amz-copy-source-server-side-encryption-customer-algorithm": "AES256",
      "x-amz-copy-source-server-side-encryption-customer-key": b64,
      "x-amz-copy-source-server-side-encryption-customer-key-md5": md5,
    };
  }

  /** The SSE-C headers, with the key. */
  headers(): Record<string, string> {
    return { ...this.#headers };
  }

  /** The copy-source SSE-C headers, with the key. */
  copyHeaders(): Record<string, string> {
    return { ...this.#copyHeaders };
  }

  /** Always true: the key must not travel in clear text. */
  tlsRequired(): boolean {
    return true;
  }

  /** Never the key. */
  toJSON(): string {
    return REDACTED;
  }

  /** Never the key. */
  toString(): string {
    return REDACTED;
  }

  /** Printed form for Node and Bun: never the key. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return REDACTED;
  }

  /** Printed form for Deno: never the key. */
  [Symbol.for("Deno.customInspect")](): string {
    return REDACTED;
  }
}

/**
 * SSE-KMS: the server encrypts with a KMS key, optionally with an
 * encryption context. Over TLS only, as S3 requires.
 *
 * @example
 * ```ts
 * import { SseKMS } from "@minio-edge/minio";
 * const sse = new SseKMS("my-minio-key", { project: "edge" });
 * console.log(sse.headers()["x-amz-server-side-encryption"]); // "aws:kms"
 * ```
 */
export class SseKMS implements Sse {
  readonly #headers: Record<string, string>;

  /** `keyId`: the KMS key; `context`: an optional JSON object. */
  constructor(keyId: string, context?: Record<string, unknown>) {
    if (typeof keyId !== "string" || keyId === "") {
      throw new InvalidArgumentError("SSE-KMS key id must be a non-empty string");
    }
    this.#headers = {
      "x-amz-server-side-encryption": "aws:kms",
      "x-amz-server-side-encryption-aws-kms-key-id": keyId,
    };
    if (context && Object.keys(context).length) {
      this.#headers["x-amz-server-side-encryption-context"] = bytesToBase64(
        new TextEncoder().encode(JSON.stringify(context)),
      );
    }
  }

  /** The SSE-KMS headers. */
  headers(): Record<string, string> {
    return { ...this.#headers };
  }

  /** None: a KMS-encrypted source needs no key to be copied. */
  copyHeaders(): Record<string, string> {
    return {};
  }

  /** True, as S3 requires for SSE-KMS requests. */
  tlsRequired(): boolean {
    return true;
  }
}

/**
 * SSE-S3: the server encrypts with its own keys.
 *
 * @example
 * ```ts
 * import { SseS3 } from "@minio-edge/minio";
 * console.log(new SseS3().headers()); // { "x-amz-server-side-encryption": "AES256" }
 * ```
 */
export class SseS3 implements Sse {
  /** The SSE-S3 header. */
  headers(): Record<string, string> {
    return { "x-amz-server-side-encryption": "AES256" };
  }

  /** None. */
  copyHeaders(): Record<string, string> {
    return {};
  }

  /** False: nothing secret is sent. */
  tlsRequired(): boolean {
    return false;
  }
}

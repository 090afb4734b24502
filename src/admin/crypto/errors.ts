/**
 * The one error an encrypted admin payload can fail with.
 *
 * @module
 */

/** Why a payload could not be decrypted. */
export type AdminPayloadErrorCode =
  /** Shorter than the 41-byte header (salt, algorithm id, nonce). */
  | "TruncatedHeader"
  /** The algorithm id is none of 0x00, 0x01, 0x02. */
  | "UnknownAlgorithm"
  /**
   * A fragment failed authentication: a wrong password, or data that was
   * modified, cut short, reordered or extended.
   */
  | "NotAuthentic";

/**
 * An encrypted admin payload was malformed or not authentic. It carries no
 * secret: neither the password nor a derived key ever reaches the message.
 *
 * @example
 * ```ts
 * import { AdminPayloadError } from "./errors.ts";
 * import { decryptData } from "./payload.ts";
 * try {
 *   await decryptData("secret", new Uint8Array(10));
 * } catch (e) {
 *   if (e instanceof AdminPayloadError) console.log(e.code); // "TruncatedHeader"
 * }
 * ```
 */
export class AdminPayloadError extends Error {
  override name = "AdminPayloadError";
  /** What was wrong with the payload. */
  readonly code: AdminPayloadErrorCode;

  /** Builds the error; the message is prefixed so logs name the layer. */
  constructor(code: AdminPayloadErrorCode, message: string) {
    super(`encrypted admin payload: ${message}`);
    this.code = code;
  }
}

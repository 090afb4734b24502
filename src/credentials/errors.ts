/**
 * The error of a credential source that gave no usable credentials.
 *
 * @module
 */

/**
 * No usable credentials: a provider found none (no variable, no file, no
 * profile), a chain of providers all failed (each reason in `reasons`), or
 * a provider handed out credentials that had already expired. Never carries
 * a secret, session token or JWT.
 *
 * @example
 * ```ts
 * import { ChainedProvider, CredentialsError, EnvAWSProvider } from "@minio-edge/minio";
 * try {
 *   await new ChainedProvider([new EnvAWSProvider()]).getCredentials();
 * } catch (e) {
 *   if (e instanceof CredentialsError) console.log(e.reasons); // ["EnvAWSProvider: ..."]
 * }
 * ```
 */
export class CredentialsError extends Error {
  /** `"CredentialsError"`, as `error.name` shows it. */
  override name = "CredentialsError";
  /** Why each provider of a chain failed, in order (empty for a single provider). */
  readonly reasons: readonly string[];

  /** Creates the error; `reasons` lists what each provider of a chain said. */
  constructor(message: string, reasons: readonly string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.reasons = reasons;
  }
}

/** The error for credentials whose expiry has passed, refused before signing. */
export function expiredCredentials(accessKey: string, expiration: Date): CredentialsError {
  return new CredentialsError(
    `credentials of ${accessKey} expired at ${expiration.toISOString()}; not signing with them`,
  );
}

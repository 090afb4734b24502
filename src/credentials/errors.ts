/**
 * The error of a credential source that gave no usable credentials.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { Credentials } from "./credentials.ts";

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

/**
 * Why a client cannot sign: it is anonymous (no `creds`), or `creds` have
 * expired. Loaded by the core only when one of these happens.
 */
export function unusableCredentials(creds?: Credentials): Error {
  if (!creds) {
    return new InvalidArgumentError("an anonymous client has no credentials to sign with");
  }
  return new CredentialsError(
    `credentials of ${creds.accessKey} expired at ${creds.expiration?.toISOString()}; ` +
      "not signing with them",
  );
}

/**
 * Fixed credentials.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { type CredentialProvider, Credentials } from "./credentials.ts";

/**
 * Always the same access key and secret (and session token, if given).
 *
 * @example
 * ```ts
 * import { Minio, StaticProvider } from "@minio-edge/minio";
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new StaticProvider("minioadmin", "minioadmin"),
 * });
 * ```
 */
export class StaticProvider implements CredentialProvider {
  readonly #credentials: Credentials;

  /** Creates the provider; access key and secret must be non-empty. */
  constructor(accessKey: string, secretKey: string, sessionToken?: string) {
    if (typeof accessKey !== "string" || accessKey === "") {
      throw new InvalidArgumentError("accessKey must be a non-empty string");
    }
    if (typeof secretKey !== "string" || secretKey === "") {
      throw new InvalidArgumentError("secretKey must be a non-empty string");
    }
    this.#credentials = new Credentials(accessKey, secretKey, sessionToken || undefined);
  }

  /** The fixed credentials. */
  getCredentials(): Promise<Credentials> {
    return Promise.resolve(this.#credentials);
  }
}

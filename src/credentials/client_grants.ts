/**
 * Temporary credentials for an OAuth client-credentials token from MinIO's
 * STS `AssumeRoleWithClientGrants`.
 *
 * @module
 */

import type { CredentialProvider, Credentials } from "./credentials.ts";
import type { RefreshingCredentials } from "./refreshing.ts";
import { jwtExchange, type JwtSource } from "./_jwt.ts";

/**
 * Options of {@link ClientGrantsProvider}.
 *
 * @example
 * ```ts
 * import { type ClientGrantsProviderOptions } from "@minio-edge/minio";
 * const options: ClientGrantsProviderOptions = { durationSeconds: 900 };
 * ```
 */
export interface ClientGrantsProviderOptions {
  /** Lifetime in seconds (900 to 604 800); default: the token's `expiresIn`, else the server's. */
  durationSeconds?: number;
  /** A session policy (JSON text or document) that narrows the client's policies. */
  policy?: string | Record<string, unknown>;
  /** Seconds before expiry at which the credentials are renewed (default 60). */
  refreshMarginSeconds?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/**
 * Exchanges an access token a service got from its OpenID provider with the
 * OAuth client-credentials grant for temporary credentials
 * (`AssumeRoleWithClientGrants`), renewing them with a fresh token from
 * `source` before they expire.
 *
 * @example
 * ```ts
 * import { ClientGrantsProvider, Minio } from "@minio-edge/minio";
 * const source = async () => {
 *   const res = await fetch("https://idp.example.com/token", {
 *     method: "POST",
 *     body: new URLSearchParams({ grant_type: "client_credentials", client_id: "app", client_secret: "s" }),
 *   });
 *   const { access_token, expires_in } = await res.json();
 *   return { token: access_token as string, expiresIn: expires_in as number };
 * };
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new ClientGrantsProvider("http://127.0.0.1:9000", source) });
 * ```
 */
export class ClientGrantsProvider implements CredentialProvider {
  readonly #cache: RefreshingCredentials;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(stsEndpoint: string, source: JwtSource, options?: ClientGrantsProviderOptions) {
    this.#cache = jwtExchange(
      stsEndpoint,
      source,
      options,
      "AssumeRoleWithClientGrants",
      "Token",
      () => ({}),
    );
  }

  /** The cached credentials, or new ones (from a fresh token) once they near expiry. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#cache.get(signal);
  }
}

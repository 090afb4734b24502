/**
 * Temporary credentials for a web identity (an OpenID Connect JWT) from
 * STS `AssumeRoleWithWebIdentity`.
 *
 * @module
 */

import type { CredentialProvider, Credentials } from "./credentials.ts";
import type { RefreshingCredentials } from "./refreshing.ts";
import type { ClientGrantsProviderOptions } from "./client_grants.ts";
import { jwtExchange, type JwtSource } from "./_jwt.ts";
import { stringFields } from "./_options.ts";

/**
 * Options of {@link WebIdentityProvider}: those of a client-grants exchange
 * (lifetime, session policy, refresh margin, fetch), and a role.
 *
 * @example
 * ```ts
 * import { type WebIdentityProviderOptions } from "@minio-edge/minio";
 * const options: WebIdentityProviderOptions = {
 *   durationSeconds: 3600,
 *   roleArn: "arn:minio:iam:::role/dashboard", // a MinIO role policy, when configured so
 * };
 * ```
 */
export interface WebIdentityProviderOptions extends ClientGrantsProviderOptions {
  /** The role to assume, for an identity provider configured with a role policy. */
  roleArn?: string;
  /** A name for the session (sent with `roleArn`; default: one made from the time). */
  roleSessionName?: string;
}

/**
 * Exchanges a JWT from an OpenID provider for temporary credentials
 * (`AssumeRoleWithWebIdentity`) and renews them before they expire, asking
 * `source` for a fresh token each time. The token comes from the caller's
 * function, so this works on every runtime, Workers and browsers included.
 *
 * @example
 * ```ts
 * import { Minio, WebIdentityProvider } from "@minio-edge/minio";
 * const getToken = async () => (await (await fetch("/my-app/id-token")).json()).token as string;
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new WebIdentityProvider("http://127.0.0.1:9000", getToken),
 * });
 * ```
 */
export class WebIdentityProvider implements CredentialProvider {
  readonly #cache: RefreshingCredentials;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(stsEndpoint: string, source: JwtSource, options?: WebIdentityProviderOptions) {
    this.#cache = jwtExchange(
      stsEndpoint,
      source,
      options,
      "AssumeRoleWithWebIdentity",
      "WebIdentityToken",
      (o) => {
        const fields = stringFields(o, { roleArn: "RoleArn", roleSessionName: "RoleSessionName" });
        if (fields.RoleArn && !fields.RoleSessionName) {
          fields.RoleSessionName = `minio-edge-${Date.now()}`;
        }
        return fields;
      },
    );
  }

  /** The cached credentials, or new ones (from a fresh token) once they near expiry. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#cache.get(signal);
  }
}

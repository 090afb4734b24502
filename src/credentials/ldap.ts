/**
 * Temporary credentials for an LDAP user, from MinIO's STS
 * `AssumeRoleWithLDAPIdentity`.
 *
 * @module
 */

import type { CredentialProvider, Credentials } from "./credentials.ts";
import { checkOptions, checkString, commonParams, fetchOption } from "./_options.ts";
import { RefreshingCredentials, refreshMarginMs } from "./refreshing.ts";
import { assumeRole, checkStsEndpoint } from "./sts.ts";

/**
 * Options of {@link LdapIdentityProvider}.
 *
 * @example
 * ```ts
 * import { LdapIdentityProvider, type LdapIdentityProviderOptions } from "@minio-edge/minio";
 * const read = { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] };
 * const options: LdapIdentityProviderOptions = {
 *   durationSeconds: 3600, // at least 900
 *   policy: { Version: "2012-10-17", Statement: [read] }, // narrows alice's own policies
 * };
 * const sts = "http://127.0.0.1:9000";
 * const provider = new LdapIdentityProvider(sts, "alice", "alice-password", options);
 * ```
 */
export interface LdapIdentityProviderOptions {
  /** How long the credentials live, in seconds (the server's default when unset; 900 to 604 800). */
  durationSeconds?: number;
  /** A session policy (JSON text or document) that narrows the user's policies. */
  policy?: string | Record<string, unknown>;
  /** A token revocation type, to revoke these credentials later as a group. */
  tokenRevokeType?: string;
  /** Seconds before expiry at which the credentials are renewed (default 60). */
  refreshMarginSeconds?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/**
 * Logs an LDAP user in through MinIO's STS (`AssumeRoleWithLDAPIdentity`,
 * the password in an unsigned form body) and hands out the temporary
 * credentials, cached until a minute before they expire. Concurrent callers
 * share one login; a failed login is retried on the next call.
 *
 * @example
 * ```ts
 * import { LdapIdentityProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new LdapIdentityProvider("http://127.0.0.1:9000", "alice", "alice-password"),
 * });
 * for await (const o of client.listObjects("photos")) console.log(o.name);
 * ```
 */
export class LdapIdentityProvider implements CredentialProvider {
  // Private: the password never shows in a printed or serialized provider.
  readonly #cache: RefreshingCredentials;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(
    stsEndpoint: string,
    ldapUsername: string,
    ldapPassword: string,
    options?: LdapIdentityProviderOptions,
  ) {
    const endpoint = checkStsEndpoint(stsEndpoint);
    const o = checkOptions(options, "options");
    const params: Record<string, string> = {
      LDAPUsername: checkString(ldapUsername, "ldapUsername"),
      LDAPPassword: checkString(ldapPassword, "ldapPassword"),
      ...commonParams(o),
    };
    if (o.tokenRevokeType !== undefined) {
      params.TokenRevokeType = checkString(o.tokenRevokeType, "tokenRevokeType");
    }
    const f = fetchOption(o.fetch);
    this.#cache = new RefreshingCredentials(
      (signal) => assumeRole(endpoint, "AssumeRoleWithLDAPIdentity", params, f, signal),
      refreshMarginMs(o.refreshMarginSeconds),
    );
  }

  /**
   * The cached credentials, or new ones when they are within the margin of
   * expiring. An abort of `signal` leaves the wait at once; the login itself
   * is cancelled once every caller waiting for it has aborted.
   */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#cache.get(signal);
  }
}

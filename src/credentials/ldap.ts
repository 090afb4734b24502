/**
 * Temporary credentials for an LDAP user, from MinIO's STS
 * `AssumeRoleWithLDAPIdentity`.
 *
 * @module
 */

import { abortable } from "../base/abort.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { checkInteger } from "../base/validate.ts";
import type { CredentialProvider, Credentials } from "./credentials.ts";
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
  /** How long the credentials live, in seconds (the server's default when unset; at least 900). */
  durationSeconds?: number;
  /** A session policy (JSON text or document) that narrows the user's policies. */
  policy?: string | Record<string, unknown>;
  /** A token revocation type, to revoke these credentials later as a group. */
  tokenRevokeType?: string;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/** One login in flight, shared by the callers waiting for it. */
interface Login {
  promise: Promise<Credentials>;
  controller: AbortController;
  /** Callers still waiting; the last one to abort cancels the login. */
  waiting: number;
}

function checkString(value: unknown, what: string): string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
  return value;
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
  readonly #endpoint: string;
  // Private fields: the password never shows in a printed or serialized provider.
  readonly #params: Record<string, string>;
  readonly #fetch: typeof fetch;
  #credentials?: Credentials;
  #login?: Login;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(
    stsEndpoint: string,
    ldapUsername: string,
    ldapPassword: string,
    options: LdapIdentityProviderOptions = {},
  ) {
    this.#endpoint = checkStsEndpoint(stsEndpoint);
    this.#params = {
      LDAPUsername: checkString(ldapUsername, "ldapUsername"),
      LDAPPassword: checkString(ldapPassword, "ldapPassword"),
    };
    const { durationSeconds, policy, tokenRevokeType } = options;
    if (durationSeconds !== undefined) {
      checkInteger(durationSeconds, "durationSeconds", 900);
      this.#params.DurationSeconds = String(durationSeconds);
    }
    if (policy !== undefined) {
      this.#params.Policy = typeof policy === "string" ? policy : JSON.stringify(policy);
    }
    if (tokenRevokeType !== undefined) {
      this.#params.TokenRevokeType = checkString(tokenRevokeType, "tokenRevokeType");
    }
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /**
   * The cached credentials, or new ones when they are within a minute of
   * expiring. An abort of `signal` leaves the wait at once; the login itself
   * is cancelled once every caller waiting for it has aborted.
   */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#credentials && !this.#credentials.isExpired()) {
      return Promise.resolve(this.#credentials);
    }
    if (!this.#login) {
      const controller = new AbortController();
      const login: Login = {
        controller,
        waiting: 0,
        promise: assumeRole(
          this.#endpoint,
          "AssumeRoleWithLDAPIdentity",
          this.#params,
          this.#fetch,
          controller.signal,
        ).then(
          (c) => {
            this.#credentials = c;
            if (this.#login === login) this.#login = undefined;
            return c;
          },
          (e) => {
            if (this.#login === login) this.#login = undefined;
            throw e;
          },
        ),
      };
      this.#login = login;
    }
    const login = this.#login;
    login.waiting++;
    return abortable(login.promise, signal, () => {
      if (--login.waiting > 0) return;
      if (this.#login === login) this.#login = undefined;
      login.controller.abort(signal!.reason);
    });
  }
}

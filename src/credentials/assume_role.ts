/**
 * Temporary credentials from STS `AssumeRole`, signed with a user's own keys.
 *
 * @module
 */

import type { CredentialProvider, Credentials } from "./credentials.ts";
import { checkOptions, checkString, commonParams, fetchOption, stringFields } from "./_options.ts";
import { RefreshingCredentials, refreshMarginMs } from "./refreshing.ts";
import { assumeRole, checkStsEndpoint } from "./sts.ts";

/**
 * Options of {@link AssumeRoleProvider}.
 *
 * @example
 * ```ts
 * import { AssumeRoleProvider, type AssumeRoleProviderOptions } from "@minio-edge/minio";
 * const options: AssumeRoleProviderOptions = {
 *   durationSeconds: 900,
 *   policy: { Version: "2012-10-17", Statement: [
 *     { Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] },
 *   ] },
 * };
 * const provider = new AssumeRoleProvider("http://127.0.0.1:9000", "app", "app-secret", options);
 * ```
 */
export interface AssumeRoleProviderOptions {
  /** How long the credentials live, in seconds (900 to 604 800; the server's default when unset). */
  durationSeconds?: number;
  /** A session policy (JSON text or document) that narrows the user's own policies. */
  policy?: string | Record<string, unknown>;
  /** Region the request is signed for (default `us-east-1`). */
  region?: string;
  /** The role to assume (AWS; MinIO assumes the signing user's own policies). */
  roleArn?: string;
  /** A name for the session (AWS). */
  roleSessionName?: string;
  /** The external ID the role's trust policy asks for (AWS). */
  externalId?: string;
  /** Seconds before expiry at which the credentials are renewed (default 60). */
  refreshMarginSeconds?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

/**
 * Asks the STS for temporary credentials of the user whose keys sign the
 * request (`AssumeRole`), optionally narrowed by a session policy, and
 * renews them before they expire. Useful to hand a short-lived, narrower
 * identity to code that should not hold the long-lived keys.
 *
 * @example
 * ```ts
 * import { AssumeRoleProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new AssumeRoleProvider("http://127.0.0.1:9000", "app", "app-secret"),
 * });
 * console.log(await client.bucketExists("photos"));
 * ```
 */
export class AssumeRoleProvider implements CredentialProvider {
  readonly #cache: RefreshingCredentials;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(
    stsEndpoint: string,
    accessKey: string,
    secretKey: string,
    options?: AssumeRoleProviderOptions,
  ) {
    const endpoint = checkStsEndpoint(stsEndpoint);
    const o = checkOptions(options, "options");
    const signer = {
      accessKey: checkString(accessKey, "accessKey"),
      secretKey: checkString(secretKey, "secretKey"),
      region: o.region === undefined ? "us-east-1" : checkString(o.region, "region"),
    };
    const params = {
      ...commonParams(o),
      ...stringFields(o as Record<string, unknown>, {
        roleArn: "RoleArn",
        roleSessionName: "RoleSessionName",
        externalId: "ExternalId",
      }),
    };
    const f = fetchOption(o.fetch);
    this.#cache = new RefreshingCredentials(
      (signal) => assumeRole(endpoint, "AssumeRole", params, f, signal, signer),
      refreshMarginMs(o.refreshMarginSeconds),
    );
  }

  /** The cached credentials, or new ones once they are within the margin of expiring. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#cache.get(signal);
  }
}

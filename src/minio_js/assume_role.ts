/**
 * minio-js's `AssumeRoleProvider`, constructed from its one options object,
 * over this SDK's provider of the same name. Options minio-js has and this
 * adapter does not carry (`sessionToken`, `token`, `webIdentityToken`,
 * `action`, `transportAgent`) are refused, not ignored.
 *
 * @module
 */

import { AssumeRoleProvider as Provider } from "../credentials/assume_role.ts";
import type { CredentialProvider, Credentials } from "../credentials/credentials.ts";
import { only } from "./base_client.ts";

/**
 * Temporary credentials from MinIO's (or AWS's) STS AssumeRole, as minio-js
 * builds the provider; hand it to `new Client({ ..., credentialsProvider })`.
 *
 * @example
 * ```ts
 * import { AssumeRoleProvider, Client } from "@minio-edge/minio/minio-js";
 * const credentialsProvider = new AssumeRoleProvider({
 *   stsEndpoint: "http://127.0.0.1:9000", accessKey: "app", secretKey: "app-secret", durationSeconds: 900,
 * });
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, credentialsProvider });
 * console.log(await client.bucketExists("photos"));
 * ```
 */
export class AssumeRoleProvider implements CredentialProvider {
  readonly #provider: Provider;

  /** Checks the options; throws `InvalidArgumentError` before any request. */
  constructor(options: {
    stsEndpoint: string;
    accessKey: string;
    secretKey: string;
    durationSeconds?: number;
    policy?: string;
    region?: string;
    roleArn?: string;
    roleSessionName?: string;
    externalId?: string;
  }) {
    const o = only(options, [
      "stsEndpoint",
      "accessKey",
      "secretKey",
      "durationSeconds",
      "policy",
      "region",
      "roleArn",
      "roleSessionName",
      "externalId",
    ], "AssumeRoleProvider options");
    const { stsEndpoint, accessKey, secretKey, region, ...rest } = o;
    this.#provider = new Provider(stsEndpoint, accessKey, secretKey, {
      ...rest,
      // minio-js's default region is "" (us-east-1 for signing).
      region: region || undefined,
    });
  }

  /** The current temporary credentials, renewed before they expire. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#provider.getCredentials(signal);
  }
}

/**
 * Temporary credentials for a client certificate, from MinIO's STS
 * `AssumeRoleWithCertificate` over mutual TLS.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkInteger } from "../base/validate.ts";
import type { CredentialProvider, Credentials } from "./credentials.ts";
import { checkOptions, checkString } from "./_options.ts";
import { RefreshingCredentials, refreshMarginMs } from "./refreshing.ts";
import { assumeRole, checkStsEndpoint } from "./sts.ts";

/**
 * Options of {@link CertificateIdentityProvider}: the client certificate
 * and its key, in PEM.
 *
 * @example
 * ```ts
 * import { type CertificateIdentityProviderOptions } from "@minio-edge/minio";
 * const options: CertificateIdentityProviderOptions = {
 *   certificate: await Deno.readTextFile("client.crt"),
 *   privateKey: await Deno.readTextFile("client.key"),
 *   caCertificates: [await Deno.readTextFile("ca.crt")],
 *   durationSeconds: 3600,
 * };
 * ```
 */
export interface CertificateIdentityProviderOptions {
  /** The client certificate, PEM. */
  certificate: string;
  /** Its private key, PEM (never printed or put in an error). */
  privateKey: string;
  /** CA certificates (PEM) to trust for the server, beside the runtime's own. */
  caCertificates?: string[];
  /** Lifetime in seconds (900 to 604 800; at most the certificate's own; the server's default when unset). */
  durationSeconds?: number;
  /** Seconds before expiry at which the credentials are renewed (default 60). */
  refreshMarginSeconds?: number;
}

/**
 * Exchanges a client certificate for temporary credentials of the policy
 * named by its subject CN (`AssumeRoleWithCertificate`, MinIO with
 * `MINIO_IDENTITY_TLS_ENABLE=on`), renewing them before they expire. The
 * certificate is presented in the TLS handshake, which fetch can do on
 * Deno, Bun and Node only; elsewhere `getCredentials` fails with an
 * {@link InvalidArgumentError} naming the runtime.
 *
 * @example
 * ```ts
 * import { CertificateIdentityProvider, Minio } from "@minio-edge/minio";
 * const credentials = new CertificateIdentityProvider("https://minio.example.com", {
 *   certificate: await Deno.readTextFile("client.crt"),
 *   privateKey: await Deno.readTextFile("client.key"),
 * });
 * const client = new Minio({ endPoint: "minio.example.com", credentials });
 * ```
 */
export class CertificateIdentityProvider implements CredentialProvider {
  readonly #cache: RefreshingCredentials;

  /** Validates the arguments; throws `InvalidArgumentError` on bad ones, before any request. */
  constructor(stsEndpoint: string, options: CertificateIdentityProviderOptions) {
    const endpoint = checkStsEndpoint(stsEndpoint);
    if (!endpoint.startsWith("https:")) {
      throw new InvalidArgumentError("stsEndpoint must be an https:// URL (mutual TLS)");
    }
    const o = checkOptions(options, "options");
    const tls = {
      certificate: checkString(o.certificate, "certificate"),
      privateKey: checkString(o.privateKey, "privateKey"),
      caCertificates: o.caCertificates,
    };
    if (
      tls.caCertificates !== undefined &&
      (!Array.isArray(tls.caCertificates) ||
        !tls.caCertificates.every((c) => typeof c === "string" && c !== ""))
    ) {
      throw new InvalidArgumentError("caCertificates must be an array of PEM strings");
    }
    const params: Record<string, string> = {};
    if (o.durationSeconds !== undefined) {
      checkInteger(o.durationSeconds, "durationSeconds", 900, 604_800);
      params.DurationSeconds = String(o.durationSeconds);
    }
    this.#cache = new RefreshingCredentials(async (signal) => {
      // Loaded on use: only this provider needs a runtime's TLS client.
      const { mtlsFetch } = await import("./_mtls.ts");
      const client = mtlsFetch(tls);
      try {
        return await assumeRole(
          endpoint,
          "AssumeRoleWithCertificate",
          params,
          client.fetch,
          signal,
        );
      } finally {
        client.close();
      }
    }, refreshMarginMs(o.refreshMarginSeconds));
  }

  /** The cached credentials, or new ones once they are within the margin of expiring. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#cache.get(signal);
  }
}

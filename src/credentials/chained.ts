/**
 * The first of several credential sources that has credentials.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { CredentialProvider, Credentials } from "./credentials.ts";
import { CredentialsError } from "./errors.ts";

function reasonOf(provider: CredentialProvider, e: unknown): string {
  const name = (provider as object).constructor?.name || "provider";
  const message = e instanceof Error ? e.message : String(e);
  // Our file providers' messages already start with their name.
  return message.startsWith(`${name}: `) ? message : `${name}: ${message}`;
}

/**
 * Asks its providers in order and uses the first that gives credentials,
 * asking that one first from then on. When all fail, a
 * {@link CredentialsError} lists why each one did (their messages, which
 * never hold secrets). An abort of the caller's signal stops the chain.
 *
 * @example
 * ```ts
 * import {
 *   AWSConfigProvider, ChainedProvider, EnvAWSProvider, IamAwsProvider, Minio,
 * } from "@minio-edge/minio";
 * const credentials = new ChainedProvider([
 *   new EnvAWSProvider(), new AWSConfigProvider(), new IamAwsProvider(),
 * ]);
 * const client = new Minio({ endPoint: "s3.amazonaws.com", credentials });
 * ```
 */
export class ChainedProvider implements CredentialProvider {
  readonly #providers: readonly CredentialProvider[];
  #last?: CredentialProvider;

  /** Checks that every element has a `getCredentials()` method. */
  constructor(providers: readonly CredentialProvider[]) {
    if (!Array.isArray(providers) || providers.length === 0) {
      throw new InvalidArgumentError("providers must be a non-empty array");
    }
    for (const p of providers) {
      if (typeof p?.getCredentials !== "function") {
        throw new InvalidArgumentError("every provider must have a getCredentials() method");
      }
    }
    this.#providers = [...providers];
  }

  /** Credentials of the first provider that has them. */
  async getCredentials(signal?: AbortSignal): Promise<Credentials> {
    const order = this.#last
      ? [this.#last, ...this.#providers.filter((p) => p !== this.#last)]
      : this.#providers;
    const reasons: string[] = [];
    for (const provider of order) {
      signal?.throwIfAborted();
      try {
        const creds = await provider.getCredentials(signal);
        this.#last = provider;
        return creds;
      } catch (e) {
        if (signal?.aborted) throw signal.reason;
        reasons.push(reasonOf(provider, e));
      }
    }
    throw new CredentialsError(
      `no provider of the chain gave credentials (${reasons.join("; ")})`,
      reasons,
    );
  }
}

/**
 * minio-js's `IamAwsProvider`, constructed from its options object, over
 * this SDK's provider of the same name (EC2 instance metadata, ECS and EKS
 * container credentials, read from the environment as minio-js does).
 * `transportAgent` (a Node `http.Agent`) is refused, not ignored: this
 * client sends with fetch.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { IamAwsProvider as Provider } from "../credentials/iam_aws.ts";
import type { CredentialProvider, Credentials } from "../credentials/credentials.ts";
import { only } from "./base_client.ts";

/**
 * Credentials of the AWS role this code runs as, as minio-js builds the
 * provider; hand it to `new Client({ ..., credentialsProvider })`.
 *
 * @example
 * ```ts
 * import { Client, IamAwsProvider } from "@minio-edge/minio/minio-js";
 * const credentialsProvider = new IamAwsProvider({ customEndpoint: "http://169.254.169.254" });
 * const client = new Client({ endPoint: "s3.amazonaws.com", credentialsProvider });
 * console.log(await client.listBuckets());
 * ```
 */
export class IamAwsProvider implements CredentialProvider {
  readonly #provider: Provider;

  /** Checks the options; throws `InvalidArgumentError` before any request. */
  constructor(options: { customEndpoint?: string; transportAgent?: unknown } = {}) {
    const { customEndpoint, transportAgent } = only(
      options,
      ["customEndpoint", "transportAgent"],
      "IamAwsProvider options",
    );
    if (transportAgent !== undefined) {
      throw new InvalidArgumentError(
        "IamAwsProvider option 'transportAgent' is not supported: this client sends with fetch, " +
          "which takes no http.Agent",
      );
    }
    if (customEndpoint !== undefined && typeof customEndpoint !== "string") {
      throw new InvalidArgumentError(
        `IamAwsProvider option 'customEndpoint' must be a string, got ${typeof customEndpoint}`,
      );
    }
    this.#provider = new Provider(customEndpoint ? { endpoint: customEndpoint } : {});
  }

  /** The current credentials, renewed before they expire. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    return this.#provider.getCredentials(signal);
  }
}

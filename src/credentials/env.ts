/**
 * Credentials from environment variables, named as the AWS CLI and MinIO
 * name them. Read on each call, so a changed variable is picked up.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { readEnv } from "../base/env.ts";
import { type CredentialProvider, Credentials } from "./credentials.ts";

function fromEnv(names: string, accessKey?: string, secretKey?: string, token?: string) {
  if (!accessKey || !secretKey) {
    return Promise.reject(
      new InvalidArgumentError(`credentials not found in environment (${names})`),
    );
  }
  return Promise.resolve(new Credentials(accessKey, secretKey, token || undefined));
}

/**
 * `AWS_ACCESS_KEY_ID` (or `AWS_ACCESS_KEY`), `AWS_SECRET_ACCESS_KEY` (or
 * `AWS_SECRET_KEY`) and `AWS_SESSION_TOKEN`.
 *
 * @example
 * ```ts
 * import { EnvAWSProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "s3.amazonaws.com", credentials: new EnvAWSProvider() });
 * ```
 */
export class EnvAWSProvider implements CredentialProvider {
  /** Reads the variables now. */
  getCredentials(): Promise<Credentials> {
    return fromEnv(
      "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY",
      readEnv("AWS_ACCESS_KEY_ID") || readEnv("AWS_ACCESS_KEY"),
      readEnv("AWS_SECRET_ACCESS_KEY") || readEnv("AWS_SECRET_KEY"),
      readEnv("AWS_SESSION_TOKEN"),
    );
  }
}

/**
 * `MINIO_ACCESS_KEY` and `MINIO_SECRET_KEY`.
 *
 * @example
 * ```ts
 * import { EnvMinioProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new EnvMinioProvider() });
 * ```
 */
export class EnvMinioProvider implements CredentialProvider {
  /** Reads the variables now. */
  getCredentials(): Promise<Credentials> {
    return fromEnv(
      "MINIO_ACCESS_KEY, MINIO_SECRET_KEY",
      readEnv("MINIO_ACCESS_KEY"),
      readEnv("MINIO_SECRET_KEY"),
    );
  }
}

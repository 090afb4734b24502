/**
 * Credentials of an alias in the MinIO Client's `~/.mc/config.json`.
 *
 * @module
 */

import { readEnv } from "../base/env.ts";
import { type CredentialProvider, Credentials } from "./credentials.ts";
import { CredentialsError } from "./errors.ts";
import { checkOptions, checkString } from "./_options.ts";
import { homeDir, textFileReader } from "./_files.ts";

/**
 * Options of {@link MinioClientConfigProvider}.
 *
 * @example
 * ```ts
 * import { type MinioClientConfigProviderOptions } from "@minio-edge/minio";
 * const options: MinioClientConfigProviderOptions = { alias: "local" };
 * ```
 */
export interface MinioClientConfigProviderOptions {
  /** The file (default `~/.mc/config.json`). */
  filename?: string;
  /** The alias (default `MINIO_ALIAS`, else `s3`). */
  alias?: string;
}

interface AliasEntry {
  accessKey?: unknown;
  secretKey?: unknown;
  sessionToken?: unknown;
}

/**
 * Reads the access key and secret of an alias (`mc alias set NAME ...`)
 * from the MinIO Client's configuration, on each call. Needs a file system:
 * Deno, Bun or Node.
 *
 * @example
 * ```ts
 * import { Minio, MinioClientConfigProvider } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   credentials: new MinioClientConfigProvider({ alias: "local" }) });
 * ```
 */
export class MinioClientConfigProvider implements CredentialProvider {
  readonly #options: MinioClientConfigProviderOptions;

  /** Checks the options; the file is read when credentials are asked for. */
  constructor(options?: MinioClientConfigProviderOptions) {
    const o = checkOptions(options, "options");
    if (o.filename !== undefined) checkString(o.filename, "filename");
    if (o.alias !== undefined) checkString(o.alias, "alias");
    this.#options = { ...o };
  }

  /** Reads the file now. */
  async getCredentials(): Promise<Credentials> {
    const who = "MinioClientConfigProvider";
    const read = textFileReader(who);
    const file = this.#options.filename ?? `${homeDir(who)}/.mc/config.json`;
    const alias = this.#options.alias ?? (readEnv("MINIO_ALIAS") || "s3");
    let config: { aliases?: Record<string, AliasEntry>; hosts?: Record<string, AliasEntry> };
    try {
      config = JSON.parse(await read(file));
    } catch (e) {
      // The parse error may quote the file, secrets included: only its kind is kept.
      const what = e instanceof SyntaxError ? "is not valid JSON" : "cannot be read";
      throw new CredentialsError(`${who}: ${file} ${what}`, [], {
        cause: e instanceof SyntaxError ? undefined : e,
      });
    }
    const entry = (config?.aliases ?? config?.hosts)?.[alias];
    const { accessKey, secretKey, sessionToken } = entry ?? {};
    if (
      typeof accessKey !== "string" || !accessKey || typeof secretKey !== "string" || !secretKey
    ) {
      throw new CredentialsError(
        `${who}: alias ${alias} has no accessKey and secretKey in ${file}`,
      );
    }
    return new Credentials(
      accessKey,
      secretKey,
      typeof sessionToken === "string" && sessionToken ? sessionToken : undefined,
    );
  }
}

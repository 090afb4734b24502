/**
 * Credentials from the AWS CLI's files: `~/.aws/credentials` and
 * `~/.aws/config`.
 *
 * @module
 */

import { readEnv } from "../base/env.ts";
import { type CredentialProvider, Credentials } from "./credentials.ts";
import { CredentialsError } from "./errors.ts";
import { checkOptions, checkString } from "./_options.ts";
import { homeDir, isNotFound, textFileReader } from "./_files.ts";

/**
 * Options of {@link AWSConfigProvider}.
 *
 * @example
 * ```ts
 * import { type AWSConfigProviderOptions } from "@minio-edge/minio";
 * const options: AWSConfigProviderOptions = { profile: "backup", filename: "/etc/app/aws-credentials" };
 * ```
 */
export interface AWSConfigProviderOptions {
  /** The credentials file (default `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`). */
  filename?: string;
  /** The config file (default `AWS_CONFIG_FILE`, else `~/.aws/config`). */
  configFilename?: string;
  /** The profile (default `AWS_PROFILE`, else `default`). */
  profile?: string;
}

type Sections = Map<string, Map<string, string>>;

/** The sections of an INI file, keys lower-cased; `#` and `;` start comments. */
export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*(.+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf("=");
    if (current && eq > 0) {
      current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
    }
  }
  return sections;
}

/**
 * Reads the access key, secret and session token of a profile from the AWS
 * CLI's credentials file, or its config file (`[profile name]`, `[default]`),
 * the credentials file winning. Files are read on each call, so a rotated
 * key is picked up. Needs a file system: Deno, Bun or Node.
 *
 * @example
 * ```ts
 * import { AWSConfigProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "s3.amazonaws.com",
 *   credentials: new AWSConfigProvider({ profile: "backup" }) });
 * ```
 */
export class AWSConfigProvider implements CredentialProvider {
  readonly #options: AWSConfigProviderOptions;

  /** Checks the options; the files are read when credentials are asked for. */
  constructor(options?: AWSConfigProviderOptions) {
    const o = checkOptions(options, "options");
    for (const key of ["filename", "configFilename", "profile"] as const) {
      if (o[key] !== undefined) checkString(o[key], key);
    }
    this.#options = { ...o };
  }

  /** Reads the files now. */
  async getCredentials(): Promise<Credentials> {
    const who = "AWSConfigProvider";
    const read = textFileReader(who);
    const o = this.#options;
    const profile = o.profile ?? (readEnv("AWS_PROFILE") || "default");
    const credsFile = o.filename ?? (readEnv("AWS_SHARED_CREDENTIALS_FILE") ||
      `${homeDir(who)}/.aws/credentials`);
    const configFile = o.configFilename ?? (readEnv("AWS_CONFIG_FILE") ||
      `${homeDir(who)}/.aws/config`);
    const sections = async (file: string) => {
      try {
        return parseIni(await read(file));
      } catch (e) {
        if (isNotFound(e)) return new Map() as Sections;
        throw new CredentialsError(`${who}: cannot read ${file}`, [], { cause: e });
      }
    };
    const fromCreds = (await sections(credsFile)).get(profile);
    const config = await sections(configFile);
    const fromConfig = config.get(profile === "default" ? "default" : `profile ${profile}`) ??
      config.get(profile);
    for (const section of [fromCreds, fromConfig]) {
      const accessKey = section?.get("aws_access_key_id");
      const secretKey = section?.get("aws_secret_access_key");
      if (accessKey && secretKey) {
        return new Credentials(
          accessKey,
          secretKey,
          section!.get("aws_session_token") || undefined,
        );
      }
    }
    throw new CredentialsError(
      `${who}: profile ${profile} has no aws_access_key_id and aws_secret_access_key ` +
        `in ${credsFile} or ${configFile}`,
    );
  }
}

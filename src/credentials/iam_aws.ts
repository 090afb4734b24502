/**
 * Credentials of the IAM role a workload runs under on AWS: EKS IRSA (a web
 * identity token file), ECS/EKS container credentials, or EC2 instance
 * metadata (IMDSv2).
 *
 * @module
 */

import { readEnv } from "../base/env.ts";
import { InvalidArgumentError, InvalidResponseError } from "../base/errors.ts";
import { DEFAULT_RETRY, fetchOnce, withRetry } from "../base/retry.ts";
import { type CredentialProvider, Credentials } from "./credentials.ts";
import { CredentialsError } from "./errors.ts";
import { checkOptions, checkString, fetchOption } from "./_options.ts";
import { textFileReader } from "./_files.ts";
import { RefreshingCredentials, refreshMarginMs } from "./refreshing.ts";
import { WebIdentityProvider } from "./web_identity.ts";

/**
 * Options of {@link IamAwsProvider}; each defaults to the environment
 * variable AWS sets for the workload.
 *
 * @example
 * ```ts
 * import { type IamAwsProviderOptions } from "@minio-edge/minio";
 * const options: IamAwsProviderOptions = {
 *   tokenFile: "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
 *   roleArn: "arn:aws:iam::123456789012:role/app",
 * };
 * ```
 */
export interface IamAwsProviderOptions {
  /** Base URL of the metadata service (EC2: `http://169.254.169.254`; ECS: `http://169.254.170.2`). */
  endpoint?: string;
  /** EKS IRSA: the web identity token file (`AWS_WEB_IDENTITY_TOKEN_FILE`). */
  tokenFile?: string;
  /** IRSA: the role to assume (`AWS_ROLE_ARN`). */
  roleArn?: string;
  /** IRSA: the session name (`AWS_ROLE_SESSION_NAME`). */
  roleSessionName?: string;
  /** IRSA: the STS endpoint (default `https://sts.<AWS_REGION>.amazonaws.com`). */
  stsEndpoint?: string;
  /** IRSA: the region of the default STS endpoint (`AWS_REGION`). */
  region?: string;
  /** ECS: path of the credentials on the container endpoint (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`). */
  relativeUri?: string;
  /** ECS/EKS Pod Identity: full URL of the credentials (`AWS_CONTAINER_CREDENTIALS_FULL_URI`); loopback or the ECS/EKS addresses only. */
  fullUri?: string;
  /** The `Authorization` header for the container endpoint (`AWS_CONTAINER_AUTHORIZATION_TOKEN`). */
  authToken?: string;
  /** A file holding that header (`AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`), read on each refresh. */
  authTokenFile?: string;
  /** Seconds before expiry at which the credentials are renewed (default 60). */
  refreshMarginSeconds?: number;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
}

const EC2 = "http://169.254.169.254";
const ECS = "http://169.254.170.2";
const IMDS_TOKEN_TTL = "21600";
/** The hosts a full container URI may name: loopback, and the ECS and EKS Pod Identity agents. */
const ALLOWED_HOSTS =
  /^(localhost|127(\.\d{1,3}){3}|\[::1\]|169\.254\.170\.2|169\.254\.170\.23|\[fd00:ec2::23\])$/;

/** Where the credentials come from: the options, else the environment. */
type Settings = Omit<IamAwsProviderOptions, "refreshMarginSeconds" | "fetch">;

const ENV: Record<keyof Settings, string | undefined> = {
  endpoint: undefined,
  stsEndpoint: undefined,
  tokenFile: "AWS_WEB_IDENTITY_TOKEN_FILE",
  roleArn: "AWS_ROLE_ARN",
  roleSessionName: "AWS_ROLE_SESSION_NAME",
  region: "AWS_REGION",
  relativeUri: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  fullUri: "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  authToken: "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  authTokenFile: "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
};

/** The answer of the container endpoint and of IMDS. */
interface RoleCredentials {
  Code?: string;
  Message?: string;
  AccessKeyId?: string;
  SecretAccessKey?: string;
  Token?: string;
  Expiration?: string;
}

function parseRoleCredentials(text: string, where: string): Credentials {
  let data: RoleCredentials;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InvalidResponseError(`${where} answered something other than JSON`, 200, "");
  }
  if (data?.Code !== undefined && data.Code !== "Success") {
    throw new CredentialsError(`${where} answered ${data.Code}: ${data.Message ?? ""}`);
  }
  const expiration = data?.Expiration === undefined ? undefined : new Date(data.Expiration);
  if (
    typeof data?.AccessKeyId !== "string" || !data.AccessKeyId ||
    typeof data.SecretAccessKey !== "string" || !data.SecretAccessKey ||
    (expiration && Number.isNaN(expiration.getTime()))
  ) {
    throw new InvalidResponseError(`${where} answered without credentials`, 200, "");
  }
  return new Credentials(
    data.AccessKeyId,
    data.SecretAccessKey,
    data.Token || undefined,
    expiration,
  );
}

/** A token file's content, read now; an unreadable file is a {@link CredentialsError}. */
async function readTokenFile(path: string, what: string): Promise<string> {
  const read = textFileReader("IamAwsProvider");
  try {
    return (await read(path)).trim();
  } catch (e) {
    throw new CredentialsError(`IamAwsProvider: cannot read the ${what} file ${path}`, [], {
      cause: e,
    });
  }
}

/**
 * The credentials of the role the code runs under on AWS, tried as the AWS
 * SDKs do: a web identity token file (EKS IRSA, exchanged through
 * {@link WebIdentityProvider}), else the container endpoint (ECS, EKS Pod
 * Identity, with its authorization token), else EC2 instance metadata
 * (IMDSv2: a session token first, then the role's credentials). Cached and
 * renewed before they expire.
 *
 * @example
 * ```ts
 * import { IamAwsProvider, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "s3.amazonaws.com", region: "us-east-1",
 *   credentials: new IamAwsProvider() });
 * ```
 */
export class IamAwsProvider implements CredentialProvider {
  readonly #cache: RefreshingCredentials;
  readonly #settings: Settings = {};
  readonly #fetch: typeof fetch;
  #webIdentity?: WebIdentityProvider;

  /** Checks the options; the environment is read now, the endpoints on first use. */
  constructor(options?: IamAwsProviderOptions) {
    const o = checkOptions(options, "options");
    for (const key of Object.keys(ENV) as (keyof Settings)[]) {
      const given = o[key];
      const value = given !== undefined ? checkString(given, key) : ENV[key] && readEnv(ENV[key]!);
      if (value) this.#settings[key] = value;
    }
    const s = this.#settings;
    for (const key of ["endpoint", "fullUri", "stsEndpoint"] as const) {
      if (s[key] !== undefined && !URL.canParse(s[key]!)) {
        throw new InvalidArgumentError(`${key} must be a URL`);
      }
    }
    if (s.fullUri && !ALLOWED_HOSTS.test(new URL(s.fullUri).hostname)) {
      throw new InvalidArgumentError(
        "fullUri must name a loopback host or the ECS/EKS credential agent address",
      );
    }
    this.#fetch = fetchOption(o.fetch);
    this.#cache = new RefreshingCredentials(
      (signal) => this.#retrieve(signal),
      refreshMarginMs(o.refreshMarginSeconds),
    );
  }

  /** The cached credentials, or new ones once they are within the margin of expiring. */
  getCredentials(signal?: AbortSignal): Promise<Credentials> {
    if (this.#settings.tokenFile) return this.#irsa().getCredentials(signal);
    return this.#cache.get(signal);
  }

  #irsa(): WebIdentityProvider {
    const s = this.#settings;
    this.#webIdentity ??= new WebIdentityProvider(
      s.stsEndpoint ??
        (s.region ? `https://sts.${s.region}.amazonaws.com` : "https://sts.amazonaws.com"),
      () => readTokenFile(s.tokenFile!, "web identity token"),
      { roleArn: s.roleArn, roleSessionName: s.roleSessionName, fetch: this.#fetch },
    );
    return this.#webIdentity;
  }

  async #get(url: string, headers: Record<string, string>, signal: AbortSignal, method = "GET") {
    const res = await withRetry(
      () => fetchOnce(this.#fetch, url, { method, headers, signal }),
      DEFAULT_RETRY,
      true,
      signal,
    );
    const text = await res.text();
    return { status: res.status, ok: res.ok, text };
  }

  async #retrieve(signal: AbortSignal): Promise<Credentials> {
    const s = this.#settings;
    if (s.relativeUri || s.fullUri) {
      const url = s.relativeUri
        ? (s.endpoint ?? ECS) + (s.relativeUri.startsWith("/") ? "" : "/") + s.relativeUri
        : s.fullUri!;
      const token = s.authTokenFile
        ? await readTokenFile(s.authTokenFile, "container authorization token")
        : s.authToken;
      const res = await this.#get(url, token ? { authorization: token } : {}, signal);
      if (!res.ok) throw new CredentialsError(`the container endpoint answered HTTP ${res.status}`);
      return parseRoleCredentials(res.text, "the container endpoint");
    }
    const base = s.endpoint ?? EC2;
    // IMDSv2: a session token first; an IMDS that only speaks v1 answers 403/404/405 to it.
    const put = await this.#get(
      `${base}/latest/api/token`,
      { "x-aws-ec2-metadata-token-ttl-seconds": IMDS_TOKEN_TTL },
      signal,
      "PUT",
    );
    const headers: Record<string, string> = put.ok ? { "x-aws-ec2-metadata-token": put.text } : {};
    if (!put.ok && ![403, 404, 405].includes(put.status)) {
      throw new CredentialsError(`IMDS answered HTTP ${put.status} to the session token request`);
    }
    const list = `${base}/latest/meta-data/iam/security-credentials/`;
    const roles = await this.#get(list, headers, signal);
    const role = roles.ok ? roles.text.split("\n")[0].trim() : "";
    if (!role) {
      throw new CredentialsError(
        `IMDS has no IAM role for this instance (HTTP ${roles.status})`,
      );
    }
    const res = await this.#get(list + encodeURIComponent(role), headers, signal);
    if (!res.ok) throw new CredentialsError(`IMDS answered HTTP ${res.status} for role ${role}`);
    return parseRoleCredentials(res.text, "IMDS");
  }
}

/**
 * The Security Token Service call every `AssumeRole*` provider shares: an
 * unsigned form POST to the STS endpoint, the temporary credentials parsed
 * from `<{Action}Response><{Action}Result><Credentials>`, and the server's
 * `<ErrorResponse>` turned into an {@link S3Error}. The form body carries
 * the caller's secrets (an LDAP password, a token), so they never end up in
 * a URL, a log line or an error.
 *
 * @module
 */

import { InvalidArgumentError, InvalidResponseError, S3Error } from "../base/errors.ts";
import { DEFAULT_RETRY, fetchOnce, withRetry } from "../base/retry.ts";
import { sha256Hex } from "../crypto/hash.ts";
import type { QueryParam } from "../signer/encode.ts";
import { signV4Headers } from "../signer/sigv4.ts";
import { amzDate } from "../signer/time.ts";
import { child, childText, parseXml } from "../xml/parse.ts";
import { Credentials } from "./credentials.ts";

/** The STS API version MinIO and AWS speak. */
const STS_VERSION = "2011-06-15";

/** Checks an STS endpoint URL (`http(s)://host[:port][/path]`) before any request. */
export function checkStsEndpoint(endpoint: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint as string);
  } catch {
    // Reported below, with the same message as a wrong scheme.
  }
  if (typeof endpoint !== "string" || !url || !/^https?:$/.test(url.protocol)) {
    throw new InvalidArgumentError("stsEndpoint must be an http:// or https:// URL");
  }
  return endpoint;
}

function stsError(body: string, status: number): Error {
  try {
    const root = parseXml(body, "ErrorResponse");
    const error = child(root, "Error");
    if (error) {
      return new S3Error({
        code: childText(error, "Code") || "UnknownError",
        message: childText(error, "Message") ?? "",
        requestId: childText(root, "RequestId"),
        status,
      });
    }
  } catch {
    // Not an STS error document: reported as an unexpected answer below.
  }
  return new InvalidResponseError(
    `STS answered HTTP ${status} without an error document`,
    status,
    "",
  );
}

function parseCredentials(body: string, action: string): Credentials {
  const result = child(parseXml(body, `${action}Response`), `${action}Result`);
  const creds = result && child(result, "Credentials");
  const accessKey = creds && childText(creds, "AccessKeyId");
  const secretKey = creds && childText(creds, "SecretAccessKey");
  const expiration = new Date(creds && childText(creds, "Expiration") || "");
  if (!creds || !accessKey || !secretKey || Number.isNaN(expiration.getTime())) {
    throw new InvalidResponseError(
      `${action} answered without credentials`,
      200,
      "application/xml",
    );
  }
  return new Credentials(accessKey, secretKey, childText(creds, "SessionToken"), expiration);
}

/** The long-lived keys an `AssumeRole` call is signed with (SigV4, service `sts`). */
export interface StsSigner {
  accessKey: string;
  secretKey: string;
  region: string;
}

async function signedHeaders(
  endpoint: string,
  body: string,
  signer: StsSigner,
): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const now = new Date();
  const payloadHash = await sha256Hex(new TextEncoder().encode(body));
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    host: url.host,
    "x-amz-date": amzDate(now),
    "x-amz-content-sha256": payloadHash,
  };
  const query: QueryParam[] = [...url.searchParams];
  const { authorization } = signV4Headers(
    { method: "POST", path: url.pathname, query, headers, payloadHash },
    signer,
    signer.region,
    "sts",
    now,
  );
  delete headers.host;
  return { ...headers, authorization };
}

/**
 * Sends `Action=<action>` with `params` to the STS endpoint and returns the
 * temporary credentials: signed with `signer`'s keys when given (AssumeRole),
 * unsigned otherwise (the form carries its own proof: a password, a token).
 * Failed connections and 5xx answers are retried with backoff (a repeated
 * call only issues other credentials); `signal` cancels the call.
 */
export async function assumeRole(
  endpoint: string,
  action: string,
  params: Record<string, string>,
  fetchFn: typeof fetch,
  signal?: AbortSignal,
  signer?: StsSigner,
): Promise<Credentials> {
  const body = new URLSearchParams({ Action: action, Version: STS_VERSION, ...params }).toString();
  // MinIO routes AssumeRoleWithCertificate by the query alone; its form holds no secret.
  const url = action === "AssumeRoleWithCertificate" ? `${endpoint}?${body}` : endpoint;
  const res = await withRetry(
    async () =>
      fetchOnce(fetchFn, url, {
        method: "POST",
        headers: signer
          ? await signedHeaders(endpoint, body, signer)
          : { "content-type": "application/x-www-form-urlencoded" },
        body: url === endpoint ? body : "",
        signal,
      }),
    DEFAULT_RETRY,
    true,
    signal,
  );
  const text = await res.text();
  if (!res.ok) throw stsError(text, res.status);
  return parseCredentials(text, action);
}

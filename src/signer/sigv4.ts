/**
 * AWS Signature Version 4: header signing, presigned URLs and the POST policy
 * signature. Pure functions of (request, credentials, time): nothing here
 * reads a clock or the network, so tests are exact.
 *
 * @module
 */

import { checkInteger } from "../base/validate.ts";
import { canonicalQuery, type QueryParam } from "./encode.ts";
import { sha256StringHex } from "../crypto/sha256.ts";
import { signWithScope } from "./signing_key.ts";
import { amzDate } from "./time.ts";

/** SHA-256 of the empty string, the payload hash of a request without body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/**
 * Payload hash that tells the server the body is not signed (used over TLS).
 *
 * @example
 * ```ts
 * import { signV4Headers, UNSIGNED_PAYLOAD } from "@minio-edge/minio";
 * // Over TLS the body is not hashed: the signature covers UNSIGNED-PAYLOAD instead.
 * const headers = { host: "minio.example.com", "x-amz-date": "20240101T000000Z" };
 * const { authorization } = signV4Headers({
 *   method: "PUT", path: "/photos/a.txt", query: [], payloadHash: UNSIGNED_PAYLOAD,
 *   headers: { ...headers, "x-amz-content-sha256": UNSIGNED_PAYLOAD },
 * }, { accessKey: "minioadmin", secretKey: "minioadmin" }, "us-east-1", "s3", new Date("2024-01-01"));
 * ```
 */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/**
 * The longest a presigned URL may live: seven days, in seconds.
 *
 * @example
 * ```ts
 * import { MAX_PRESIGN_EXPIRY, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const expires = Math.min(30 * 24 * 3600, MAX_PRESIGN_EXPIRY); // 30 days asked, 7 allowed
 * const url = await client.presignedGetObject("photos", "cat.png", { expires });
 * ```
 */
export const MAX_PRESIGN_EXPIRY = 604800;

const ALGORITHM = "AWS4-HMAC-SHA256";

/**
 * The secret half of what signs a request.
 *
 * @example
 * ```ts
 * import { presignV4, type SigningCredentials } from "@minio-edge/minio";
 * // Temporary credentials, as STS returns them:
 * const credentials: SigningCredentials = {
 *   accessKey: "ASIAEXAMPLE", secretKey: "secret", sessionToken: "FwoGZXIvYXdzEXAMPLE",
 * };
 * const input = { method: "GET", host: "s3.amazonaws.com", path: "/photos/cat.png", expires: 600 };
 * const query = presignV4(input, credentials, "us-east-1", "s3", new Date());
 * console.log(query.includes("X-Amz-Security-Token=")); // true
 * ```
 */
export interface SigningCredentials {
  /** Access key id. */
  accessKey: string;
  /** Secret access key. */
  secretKey: string;
  /** Session token of temporary credentials. */
  sessionToken?: string;
}

/**
 * What a signature covers. Names in `headers` are lower-case.
 *
 * @example
 * ```ts
 * import { type CanonicalInput, signV4Headers, UNSIGNED_PAYLOAD } from "@minio-edge/minio";
 * const headers = { host: "127.0.0.1:9000", "x-amz-date": "20240101T000000Z" };
 * const input: CanonicalInput = {
 *   method: "GET", path: "/photos/cat%20photo.png", query: [["tagging", ""]],
 *   headers: { ...headers, "x-amz-content-sha256": UNSIGNED_PAYLOAD }, payloadHash: UNSIGNED_PAYLOAD,
 * };
 * const creds = { accessKey: "minioadmin", secretKey: "minioadmin" };
 * const { authorization } = signV4Headers(input, creds, "us-east-1", "s3", new Date("2024-01-01"));
 * ```
 */
export interface CanonicalInput {
  /** HTTP method, upper-case. */
  method: string;
  /** The path exactly as sent: already URI-encoded. */
  path: string;
  /** Query parameters, not encoded. */
  query: readonly QueryParam[];
  /** Headers to sign, lower-case names; must include `host`. */
  headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body, or {@link UNSIGNED_PAYLOAD}. */
  payloadHash: string;
}

/** Credential scope `YYYYMMDD/region/service/aws4_request`. */
export function credentialScope(date: Date, region: string, service: string): string {
  return amzDate(date).slice(0, 8) + "/" + region + "/" + service + "/aws4_request";
}

const SPACES = /\s+/g;

/** A header value trimmed, each run of whitespace made one space. */
function canonicalValue(value: string): string {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i);
    // Printable ASCII with lone inner spaces is already canonical; anything
    // else goes through trim and the regex, which define the result.
    if (c === 32 ? i === 0 || i === last || value.charCodeAt(i + 1) === 32 : c < 32 || c > 126) {
      return value.trim().replace(SPACES, " ");
    }
  }
  return value;
}

/** Canonical request text and the signed-header list of an input. */
export function canonicalRequest(
  input: CanonicalInput,
): { text: string; signedHeaders: string; query: string } {
  const names = Object.keys(input.headers).sort();
  let headerLines = "";
  for (const name of names) {
    headerLines += name + ":" + canonicalValue(input.headers[name]) + "\n";
  }
  const signedHeaders = names.join(";");
  const query = canonicalQuery(input.query);
  const text = input.method + "\n" + input.path + "\n" + query + "\n" + headerLines + "\n" +
    signedHeaders + "\n" + input.payloadHash;
  return { text, signedHeaders, query };
}

/** The string to sign for a canonical request text. */
export function stringToSign(canonical: string, date: Date, scope: string): string {
  return ALGORITHM + "\n" + amzDate(date) + "\n" + scope + "\n" +
    sha256StringHex(canonical);
}

function signature(
  secretKey: string,
  date: Date,
  region: string,
  service: string,
  toSign: string,
): string {
  return signWithScope(secretKey, amzDate(date).slice(0, 8), region, service, toSign);
}

/**
 * Result of {@link signV4Headers}.
 *
 * @example
 * ```ts
 * import { type SignedHeaders, signV4Headers, UNSIGNED_PAYLOAD } from "@minio-edge/minio";
 * const headers = { host: "127.0.0.1:9000", "x-amz-date": "20240101T000000Z" };
 * const signed: SignedHeaders = signV4Headers({
 *   method: "GET", path: "/photos", query: [["prefix", "2024/"]], payloadHash: UNSIGNED_PAYLOAD,
 *   headers: { ...headers, "x-amz-content-sha256": UNSIGNED_PAYLOAD },
 * }, { accessKey: "minioadmin", secretKey: "minioadmin" }, "us-east-1", "s3", new Date("2024-01-01"));
 * console.log(signed.query); // "prefix=2024%2F"
 * console.log(signed.authorization); // "AWS4-HMAC-SHA256 Credential=minioadmin/20240101/us-east-1/..."
 * ```
 */
export interface SignedHeaders {
  /** The `Authorization` header value. */
  authorization: string;
  /** The canonical query string, also the one to send. */
  query: string;
}

/**
 * Signs a request for the `Authorization` header. The caller puts
 * `x-amz-date` (and `x-amz-content-sha256`, `x-amz-security-token` where
 * they apply) into `input.headers` before calling, so they are signed.
 *
 * @example
 * ```ts
 * import { signV4Headers } from "@minio-edge/minio";
 * const date = new Date("2013-05-24T00:00:00Z");
 * const { authorization } = signV4Headers({
 *   method: "GET", path: "/test.txt", query: [],
 *   headers: { host: "examplebucket.s3.amazonaws.com", "x-amz-date": "20130524T000000Z",
 *     "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
 *   payloadHash: "UNSIGNED-PAYLOAD",
 * }, { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "secret" }, "us-east-1", "s3", date);
 * console.log(authorization.startsWith("AWS4-HMAC-SHA256 Credential=")); // true
 * ```
 */
export function signV4Headers(
  input: CanonicalInput,
  credentials: SigningCredentials,
  region: string,
  service: string,
  date: Date,
): SignedHeaders {
  const scope = credentialScope(date, region, service);
  const { text, signedHeaders, query } = canonicalRequest(input);
  const sig = signature(
    credentials.secretKey,
    date,
    region,
    service,
    stringToSign(text, date, scope),
  );
  return {
    authorization: ALGORITHM + " Credential=" + credentials.accessKey + "/" + scope +
      ", SignedHeaders=" + signedHeaders + ", Signature=" + sig,
    query,
  };
}

/**
 * What a presigned URL covers.
 *
 * @example
 * ```ts
 * import { type PresignInput, presignV4 } from "@minio-edge/minio";
 * const input: PresignInput = {
 *   method: "GET", host: "127.0.0.1:9000", path: "/photos/cat.png",
 *   query: [["response-content-type", "image/png"]], expires: 3600,
 * };
 * const creds = { accessKey: "minioadmin", secretKey: "minioadmin" };
 * const query = presignV4(input, creds, "us-east-1", "s3", new Date());
 * const url = `http://127.0.0.1:9000/photos/cat.png?${query}`;
 * ```
 */
export interface PresignInput {
  /** HTTP method, upper-case. */
  method: string;
  /** Host header value (host, or host:port when not the default port). */
  host: string;
  /** The path exactly as sent: already URI-encoded. */
  path: string;
  /** Query parameters to include, not encoded. */
  query?: readonly QueryParam[];
  /** Seconds the URL stays valid, 1 to {@link MAX_PRESIGN_EXPIRY}. */
  expires: number;
  /** Payload hash to sign (default {@link UNSIGNED_PAYLOAD}, what S3 expects). */
  payloadHash?: string;
}

/**
 * Presigns a request: returns the full query string (the caller's parameters
 * plus the `X-Amz-*` ones and the signature). Only `host` is signed, so the
 * URL works from any client.
 *
 * @example
 * ```ts
 * import { presignV4 } from "@minio-edge/minio";
 * const query = presignV4(
 *   { method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", expires: 86400 },
 *   { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "secret" },
 *   "us-east-1", "s3", new Date("2013-05-24T00:00:00Z"),
 * );
 * console.log(query.includes("X-Amz-Signature=")); // true
 * ```
 */
export function presignV4(
  input: PresignInput,
  credentials: SigningCredentials,
  region: string,
  service: string,
  date: Date,
): string {
  checkInteger(input.expires, "expires", 1, MAX_PRESIGN_EXPIRY, "seconds");
  const scope = credentialScope(date, region, service);
  const query: QueryParam[] = [
    ...(input.query ?? []),
    ["X-Amz-Algorithm", ALGORITHM],
    ["X-Amz-Credential", credentials.accessKey + "/" + scope],
    ["X-Amz-Date", amzDate(date)],
    ["X-Amz-Expires", String(input.expires)],
    ["X-Amz-SignedHeaders", "host"],
  ];
  if (credentials.sessionToken) query.push(["X-Amz-Security-Token", credentials.sessionToken]);
  const { text, query: canonical } = canonicalRequest({
    method: input.method,
    path: input.path,
    query,
    headers: { host: input.host },
    payloadHash: input.payloadHash ?? UNSIGNED_PAYLOAD,
  });
  const sig = signature(
    credentials.secretKey,
    date,
    region,
    service,
    stringToSign(text, date, scope),
  );
  return canonical + "&X-Amz-Signature=" + sig;
}

/**
 * Signs a base64-encoded POST policy document: hex HMAC of the policy under
 * the signing key of the policy's date and region.
 *
 * @example
 * ```ts
 * import { postPolicySignature } from "@minio-edge/minio";
 * const sig = postPolicySignature("eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoifQ==",
 *   "secret", "us-east-1", new Date("2013-05-24T00:00:00Z"));
 * console.log(sig.length); // 64
 * ```
 */
export function postPolicySignature(
  policyBase64: string,
  secretKey: string,
  region: string,
  date: Date,
): string {
  return signature(secretKey, date, region, "s3", policyBase64);
}

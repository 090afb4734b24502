/**
 * One admin API call: a SigV4-signed request to `/minio/admin/v3/<command>`
 * with the payload hashed into the signature (also over TLS, as madmin-go
 * does), an optionally encrypted body, and the answer checked and
 * optionally decrypted. MinIO encrypts some bodies with the caller's secret
 * key (see src/admin/crypto).
 *
 * @module
 */

import { coreCredentials, type MinioCore, type RequestOptions } from "../../core/core.ts";
import type { QueryParam } from "../../signer/encode.ts";
import { decryptData, encryptData } from "../crypto/payload.ts";
import { MinioAdminException } from "./errors.ts";
import { InvalidResponseError } from "../../base/errors.ts";

/** How one admin call is made. */
export interface AdminCall {
  /** HTTP method. */
  method: "GET" | "PUT" | "POST" | "DELETE";
  /** The command path after `/minio/admin/v3/`, e.g. `add-user`. */
  command: string;
  /** Query parameters. */
  query?: QueryParam[];
  /** Request body: bytes, or a value sent as JSON. */
  body?: Uint8Array | unknown;
  /** Encrypt the body with the secret key. */
  encryptBody?: boolean;
  /** The response body is encrypted with the secret key. */
  decryptResponse?: boolean;
  /** API version path segment (default v3). */
  version?: string;
  /** Signal and extra headers / query parameters. */
  options?: RequestOptions;
}

// Pure, so a bundle without the admin client drops it.
const enc = /* @__PURE__ */ new TextEncoder();

function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return enc.encode(body);
  return enc.encode(JSON.stringify(body));
}

/** A successful admin answer: the (decrypted) body and the headers. */
export interface AdminAnswer {
  /** HTTP status (2xx). */
  status: number;
  /** Response headers (some calls answer only through them). */
  headers: Headers;
  /** The body, decrypted when the call says it is encrypted. */
  body: Uint8Array;
}

/** Makes the call; a non-2xx answer becomes a {@link MinioAdminException}. */
export async function adminRequest(core: MinioCore, call: AdminCall): Promise<AdminAnswer> {
  // An anonymous client is refused here, before anything is sent.
  await coreCredentials(core, call.options?.signal);
  let body = bodyBytes(call.body);
  if (call.encryptBody) {
    body = await encryptData(
      (await coreCredentials(core, call.options?.signal)).secretKey,
      body ?? new Uint8Array(0),
    );
  }
  const res = await core.request({
    method: call.method,
    path: `/minio/admin/${call.version ?? "v3"}/${call.command}`,
    query: call.query,
    headers: { "content-type": "application/octet-stream" },
    body,
    signPayload: true,
    rawResponse: true,
    options: call.options,
    buffered: true,
  });
  const data = new Uint8Array(await res.arrayBuffer());
  if (res.status < 200 || res.status >= 300) {
    throw new MinioAdminException(res.status, new TextDecoder().decode(data));
  }
  // An empty answer has nothing to decrypt (older servers send 204 where newer ones encrypt).
  const decrypted = call.decryptResponse && data.length
    ? await decryptData((await coreCredentials(core, call.options?.signal)).secretKey, data)
    : data;
  return { status: res.status, headers: res.headers, body: decrypted };
}

/** Makes the call; returns the (decrypted) response body bytes. */
export async function adminCall(core: MinioCore, call: AdminCall): Promise<Uint8Array> {
  return (await adminRequest(core, call)).body;
}

/**
 * Makes the call and parses the answer as JSON (an empty answer is `{}`);
 * an answer that is not JSON is an {@link InvalidResponseError}.
 */
export async function adminJson<T>(core: MinioCore, call: AdminCall): Promise<T> {
  const { status, headers, body } = await adminRequest(core, call);
  return parseAdminJson(new TextDecoder().decode(body), call.command, status, headers) as T;
}

/** JSON text of an admin answer parsed; not JSON is an {@link InvalidResponseError}. */
export function parseAdminJson(
  text: string,
  command: string,
  status = 200,
  headers?: Headers,
): unknown {
  text = text.trim();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidResponseError(
      `${command} answered with text that is not JSON (${(e as Error).message})`,
      status,
      headers?.get("content-type") ?? undefined,
    );
  }
}

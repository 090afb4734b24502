/**
 * A `MinioAdmin` on a fake endpoint whose fetch records each request and
 * answers from a queue, for unit tests of what the admin client sends.
 * Encrypted answers are made with PBKDF2 (id 0x02), which the client reads
 * like any other id, to keep the tests off the slow argon2id path.
 */
import { deepEqual, equal, match, ok } from "../harness.ts";
import { MinioAdmin } from "../../admin.ts";
import { decryptData, encryptData } from "../../src/admin/crypto/payload.ts";
import { recordRequest, type Sent } from "./fake_fetch.ts";

/** The secret key of the fake admin (never a real one). */
export const SECRET = "admin-unit-test-secret";

/** A request as the admin client sent it. */
export type AdminSent = Sent;

/** A canned answer. */
export interface AdminReply {
  status?: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** An admin client whose requests land in `sent`. */
export function fakeAdmin(
  replies: AdminReply[] = [],
  options: { useSSL?: boolean; sessionToken?: string } = {},
) {
  const sent: AdminSent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(await recordRequest(input, init));
    const r = replies.shift() ?? {};
    const status = r.status ?? 200;
    const body = status === 204 ? null : r.body ?? "";
    return new Response(body as BodyInit | null, { status, headers: r.headers });
  };
  const admin = new MinioAdmin({
    endPoint: "admin.example.test",
    port: 9000,
    useSSL: options.useSSL ?? false,
    accessKey: "ADMINKEY",
    secretKey: SECRET,
    sessionToken: options.sessionToken,
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
  return { admin, sent };
}

/** An answer encrypted the way the server encrypts, holding `value` as JSON (or text). */
export async function encrypted(value: unknown): Promise<AdminReply> {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return { body: await encryptData(SECRET, new TextEncoder().encode(text), { algorithm: 2 }) };
}

/** The JSON of a request body the client encrypted. */
export async function decryptedJson(s: AdminSent): Promise<unknown> {
  return JSON.parse(await decryptedText(s));
}

/** The text of a request body the client encrypted. */
export async function decryptedText(s: AdminSent): Promise<string> {
  return new TextDecoder().decode(await decryptData(SECRET, s.body));
}

/** The JSON of a plain request body. */
export function plainJson(s: AdminSent): unknown {
  return JSON.parse(new TextDecoder().decode(s.body));
}

/** The query of a sent request as sorted [key, value] pairs. */
export function queryOf(s: AdminSent): [string, string][] {
  return [...s.url.searchParams.entries()].sort();
}

/**
 * Checks one admin request: method, `/minio/admin/v3/<command>` path, query,
 * the octet-stream content type, a SigV4 signature for us-east-1, and the
 * payload's SHA-256 signed in (never UNSIGNED-PAYLOAD, even over TLS).
 */
export async function checkRequest(
  s: AdminSent,
  method: string,
  command: string,
  query: [string, string][] = [],
): Promise<void> {
  equal(s.method, method);
  equal(s.url.pathname, `/minio/admin/v3/${command}`);
  deepEqual(queryOf(s), [...query].sort());
  equal(s.headers.get("content-type"), "application/octet-stream");
  match(
    s.headers.get("authorization") ?? "",
    /^AWS4-HMAC-SHA256 Credential=ADMINKEY\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date(;x-amz-security-token)?, Signature=[0-9a-f]{64}$/,
  );
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", s.body as BufferSource));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  equal(s.headers.get("x-amz-content-sha256"), hex);
  ok(!new TextDecoder().decode(s.body).includes(SECRET), "the secret key is never sent");
}

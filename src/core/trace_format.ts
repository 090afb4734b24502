/**
 * One traced attempt, with every secret redacted before a sink sees it:
 * the signature of an Authorization header (its credential scope and
 * signed headers stay), the session token, SSE-C keys and their MD5s,
 * cookies, and the signature and token of a presigned URL's query.
 * Bodies are not traced (they hold object data, and STS and admin answers
 * hold secrets).
 *
 * @module
 */

import { setOwnEntry } from "../base/own_entry.ts";

/**
 * One attempt of a request as a trace shows it, secrets redacted.
 *
 * @example
 * ```ts
 * import { Minio, type TraceEntry } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const entries: TraceEntry[] = [];
 * client.traceOn((e) => entries.push(e));
 * await client.bucketExists("photos");
 * console.log(entries[0].method, entries[0].status, entries[0].requestHeaders.authorization);
 * ```
 */
export interface TraceEntry {
  /** HTTP method. */
  method: string;
  /** The URL, a presigned signature or token redacted. */
  url: string;
  /** Request headers, lower-case names, secrets redacted. */
  requestHeaders: Record<string, string>;
  /** Response status, when an answer came. */
  status?: number;
  /** Response headers, when an answer came. */
  responseHeaders?: Record<string, string>;
  /** Why the attempt got no answer (a failed connection, an abort, a timeout). */
  error?: string;
}

/**
 * Where a trace goes: a function given each {@link TraceEntry}, or a
 * stream-like object whose `write` is given each entry's text (Node's
 * `process.stdout`, as minio-py and minio-js take a stream).
 *
 * @example
 * ```ts
 * import { Minio, type TraceSink } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const sink: TraceSink = (entry) => console.log(entry.method, entry.url, entry.status);
 * client.traceOn(sink);
 * ```
 */
export type TraceSink = ((entry: TraceEntry) => void) | { write(text: string): unknown };

/** What a redacted value reads as. */
export const REDACTED = "**REDACTED**";

const SECRET_HEADERS = new Set([
  "x-amz-security-token",
  "x-amz-server-side-encryption-customer-key",
  "x-amz-server-side-encryption-customer-key-md5",
  "x-amz-copy-source-server-side-encryption-customer-key",
  "x-amz-copy-source-server-side-encryption-customer-key-md5",
  "cookie",
  "set-cookie",
  "proxy-authorization",
]);
const SECRET_QUERY = /^(x-amz-signature|x-amz-security-token|signature)$/i;
const SIGV4 = /^(AWS4-HMAC-SHA256 .*Signature=)[0-9a-f]+$/;

function redactHeader(name: string, value: string): string {
  if (name === "authorization") {
    const m = SIGV4.exec(value);
    return m ? m[1] + REDACTED : REDACTED;
  }
  return SECRET_HEADERS.has(name) ? REDACTED : value;
}

/** `url` with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = url.slice(q + 1).split("&").map((p) => {
    const eq = p.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? p : p.slice(0, eq));
    return SECRET_QUERY.test(key) ? `${p.slice(0, eq < 0 ? p.length : eq)}=${REDACTED}` : p;
  });
  return url.slice(0, q + 1) + params.join("&");
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((v, k) => setOwnEntry(out, k, redactHeader(k, v)));
  return out;
}

/** The trace entry of one attempt: its answer `res`, or the `error` it failed with. */
export function traceEntry(
  url: string,
  init: RequestInit,
  res?: Response,
  error?: unknown,
): TraceEntry {
  const entry: TraceEntry = {
    method: init.method ?? "GET",
    url: redactUrl(url),
    requestHeaders: headerRecord(init.headers),
  };
  if (res) {
    entry.status = res.status;
    entry.responseHeaders = headerRecord(res.headers);
  } else {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    entry.error = redactUrl(message);
  }
  return entry;
}

/** The entry as text, in the shape of minio-py's trace. */
export function traceText(entry: TraceEntry): string {
  const lines = ["---------START-HTTP---------", `${entry.method} ${entry.url}`];
  const headers = (h: Record<string, string>) => {
    for (const [k, v] of Object.entries(h)) lines.push(`${k}: ${v}`);
  };
  headers(entry.requestHeaders);
  lines.push("");
  if (entry.status === undefined) lines.push(`(no answer: ${entry.error})`);
  else {
    lines.push(`HTTP/1.1 ${entry.status}`);
    headers(entry.responseHeaders ?? {});
  }
  lines.push("----------END-HTTP----------", "");
  return lines.join("\n");
}

/**
 * A recording `fetch` for unit tests of request building: it keeps every
 * request and answers from a queue. Only for checking what we send; anything
 * about the server's behaviour is tested against the real MinIO.
 */
import { Minio } from "../../mod.ts";

/** A request as the client sent it. */
export interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

/** A canned answer. */
export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A client on a fake endpoint whose fetch records requests. */
export function fakeClient(
  replies: Reply[] = [],
  options: { useSSL?: boolean; region?: string; sessionToken?: string; endPoint?: string } = {},
) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    sent.push({
      method: req.method,
      url: new URL(req.url),
      headers: req.headers,
      body: new Uint8Array(await req.arrayBuffer()),
    });
    const r = replies.shift() ?? {};
    const status = r.status ?? 200;
    const nullBody = status === 204 || status === 304 || req.method === "HEAD";
    return new Response(nullBody ? null : r.body ?? "", { status, headers: r.headers });
  };
  const client = new Minio({
    endPoint: options.endPoint ?? "s3.example.test",
    port: 9000,
    useSSL: options.useSSL ?? false,
    accessKey: "AKIDTEST",
    secretKey: "wJalrXUtnFEMI/SECRET/KEY",
    sessionToken: options.sessionToken,
    region: "region" in options ? options.region : "us-east-1",
    fetch: fetch as typeof globalThis.fetch,
    maxRetries: 0,
  });
  return { client, sent };
}

/** The query of a sent request as sorted [key, value] pairs. */
export function queryOf(s: Sent): [string, string][] {
  return [...s.url.searchParams.entries()].sort();
}

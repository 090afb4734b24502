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
  /** The signal the client passed to fetch, if any. */
  signal?: AbortSignal;
}

/** The fake endpoint and test keys every fake client connects with. */
export const FAKE_ENDPOINT = {
  endPoint: "s3.example.test",
  port: 9000,
  useSSL: false,
  accessKey: "AKIDTEST",
  secretKey: "wJalrXUtnFEMI/SECRET/KEY",
  region: "us-east-1",
};

/** A canned answer. */
export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** Options of the fake client. */
export interface FakeOptions {
  useSSL?: boolean;
  region?: string;
  sessionToken?: string;
  endPoint?: string;
}

/**
 * The payload of an aws-chunked body (Deno sends uploads so, see
 * src/core/aws_chunked.ts): the chunks' data without their framing.
 */
export function decodeAwsChunked(wire: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = wire.indexOf(10, at);
    const size = parseInt(new TextDecoder().decode(wire.subarray(at, eol)).split(";")[0], 16);
    if (!size) break;
    out.push(wire.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 2;
  }
  const body = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of out) body.set(c, (off += c.length) - c.length);
  return body;
}

/** Reads what a fetch call would send (an aws-chunked body decoded). */
export async function recordRequest(input: RequestInfo | URL, init?: RequestInit): Promise<Sent> {
  const req = new Request(input, init);
  const wire = new Uint8Array(await req.arrayBuffer());
  const chunked = req.headers.get("content-encoding")?.startsWith("aws-chunked");
  return {
    method: req.method,
    url: new URL(req.url),
    headers: req.headers,
    body: chunked ? decodeAwsChunked(wire) : wire,
    signal: init?.signal ?? undefined,
  };
}

/** The response for a canned answer (no body where HTTP allows none). */
export function replyResponse(r: Reply, method: string): Response {
  const status = r.status ?? 200;
  const nullBody = status === 204 || status === 304 || method === "HEAD";
  return new Response(nullBody ? null : r.body ?? "", { status, headers: r.headers });
}

/** A fetch that records each request in `sent` and answers with `respond`. */
export function recordingFetch(respond: (s: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const s = await recordRequest(input, init);
    sent.push(s);
    return respond(s);
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

/** A client on a fake endpoint whose fetch records each request and answers with `respond`. */
export function fakeClientWith(
  respond: (s: Sent) => Response | Promise<Response>,
  options: FakeOptions = {},
) {
  const { sent, fetch } = recordingFetch(respond);
  const client = new Minio({
    ...FAKE_ENDPOINT,
    endPoint: options.endPoint ?? FAKE_ENDPOINT.endPoint,
    useSSL: options.useSSL ?? FAKE_ENDPOINT.useSSL,
    sessionToken: options.sessionToken,
    region: "region" in options ? options.region : FAKE_ENDPOINT.region,
    fetch,
    maxRetries: 0,
  });
  return { client, sent };
}

/** A client on a fake endpoint whose fetch records requests and answers from a queue. */
export function fakeClient(replies: Reply[] = [], options: FakeOptions = {}) {
  return fakeClientWith((s) => replyResponse(replies.shift() ?? {}, s.method), options);
}

/** The query of a sent request as sorted [key, value] pairs. */
export function queryOf(s: Sent): [string, string][] {
  return [...s.url.searchParams.entries()].sort();
}

/**
 * What a fetch without an answer does: rejects with the abort reason once
 * `signal` aborts. Rejects with "never cancelled" after `timeoutMs` instead,
 * so a request the client forgot to cancel fails the test, not hangs it.
 */
export function heldUntilAborted(
  signal: AbortSignal | undefined,
  timeoutMs = 10_000,
): Promise<never> {
  return new Promise((_, reject) => {
    if (!signal) return reject(new Error("the request has no signal to cancel it with"));
    const timer = setTimeout(
      () => reject(new Error(`the request was never cancelled (${timeoutMs} ms)`)),
      timeoutMs,
    );
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}

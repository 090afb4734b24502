/**
 * Node transports over `node:http` and `node:https`: one that takes TLS
 * settings (extra CAs to trust, a client certificate), which Node's global
 * fetch takes none of without the `undici` package, and the SDK's default
 * transport on Node ({@link nodeFetch}), which costs less per request than
 * the global fetch. The caller passes the modules in (it finds them with
 * `process.getBuiltinModule`), so this file names no `node:` module and is
 * loaded only where it is used.
 *
 * It does what the SDK asks of a fetch: a method, headers, a body that is
 * bytes, text or a `ReadableStream` (sent with back-pressure, chunked unless
 * a Content-Length is given), an `AbortSignal` that ends the request and
 * its response body with the signal's reason, and a real `Response` whose
 * body stream pauses the connection while nobody reads, decoded when it
 * comes with `Content-Encoding: gzip`, `deflate` or `br` (given `node:zlib`),
 * as Node's fetch decodes it (src/base/node_decode.ts). A redirect is
 * answered as it came, never followed (the SDK sends `redirect: "manual"`).
 * Connections are kept alive in one agent per settings (for TLS settings
 * released by `close()`); with TLS settings, `http:` URLs go to the plain
 * fetch, as the settings have nothing to act on there.
 *
 * @module
 */

import { decoded, type NodeZlib } from "./node_decode.ts";

/** The TLS settings of the connections: PEM text. */
export interface HttpsTls {
  /** Extra CA certificates to trust, beside the runtime's own. */
  ca?: string[];
  /** Client certificate chain, with `key`. */
  cert?: string;
  /** The client certificate's private key, with `cert`. */
  key?: string;
}

/** The parts of `node:https` used. */
export interface NodeHttps {
  Agent: new (options: Record<string, unknown>) => { destroy(): void };
  request(
    url: URL,
    options: Record<string, unknown>,
    onResponse: (res: NodeResponse) => void,
  ): NodeRequest;
}

interface NodeRequest {
  readonly destroyed: boolean;
  on(event: "error", f: (e: Error) => void): unknown;
  on(event: "drain" | "close", f: () => void): unknown;
  off(event: "drain" | "close", f: () => void): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: Uint8Array): void;
  destroy(e?: unknown): void;
}

interface NodeResponse {
  statusCode?: number;
  statusMessage?: string;
  rawHeaders: string[];
  on(event: "data", f: (chunk: Uint8Array) => void): unknown;
  on(event: "end" | "close", f: () => void): unknown;
  on(event: "error", f: (e: Error) => void): unknown;
  pause(): void;
  resume(): void;
  destroy(e?: unknown): void;
}

/** A fetch and what releases its kept-alive connections. */
export interface HttpsFetch {
  fetch: typeof fetch;
  close(): void;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function bodyBytes(body: BodyInit): Uint8Array | ReadableStream<Uint8Array> {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array || body instanceof ReadableStream) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  throw new TypeError(
    `this fetch sends bytes, text or a ReadableStream, not ${body?.constructor?.name}`,
  );
}

/** Writes `stream` into `req`, waiting for `drain` when its buffer is full. */
async function pump(stream: ReadableStream<Uint8Array>, req: NodeRequest): Promise<void> {
  const reader = stream.getReader();
  const drained = () =>
    new Promise<void>((go) => {
      const done = () => {
        req.off("drain", done);
        req.off("close", done);
        go();
      };
      req.on("drain", done);
      req.on("close", done);
    });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (req.destroyed) {
        await reader.cancel().catch(() => {});
        return;
      }
      if (done) break;
      if (!req.write(value)) await drained();
    }
    req.end();
  } catch (e) {
    req.destroy(e);
    reader.cancel(e).catch(() => {});
  }
}

/**
 * The response body as a web stream: the node stream is paused whenever a
 * chunk waits unread and resumed when the reader asks for more.
 */
function webBody(
  res: NodeResponse,
  ended: (e?: unknown) => void,
): { stream: ReadableStream<Uint8Array>; fail(e: unknown): void } {
  let finished = false;
  let out!: ReadableStreamDefaultController<Uint8Array>;
  const finish = (e?: unknown) => {
    if (finished) return;
    finished = true;
    ended(e);
    if (e === undefined) out.close();
    else out.error(e);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      out = c;
      res.on("data", (chunk) => {
        if (finished) return;
        c.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((c.desiredSize ?? 0) <= 0) res.pause();
      });
      res.on("end", () => finish());
      res.on(
        "error",
        (e) => finish(new TypeError(`the response body broke: ${e.message}`, { cause: e })),
      );
      res.on(
        "close",
        () => finish(new TypeError("the connection closed before the response body ended")),
      );
    },
    pull() {
      res.resume();
    },
    cancel() {
      finished = true;
      ended();
      res.destroy();
    },
  });
  return { stream, fail: finish };
}

function sendOne(
  { mod: https, agent, zlib }: Route,
  url: URL,
  init: RequestInit,
): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(signal.reason);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => headers[k] = v);
    const body = init.body == null ? undefined : bodyBytes(init.body);
    if (body instanceof Uint8Array) headers["content-length"] ??= String(body.length);
    const method = init.method ?? "GET";
    let failBody: ((e: unknown) => void) | undefined;
    const onAbort = () => {
      const reason = signal!.reason;
      if (failBody) failBody(reason);
      else reject(reason);
      req.destroy(reason);
    };
    const unlisten = () => signal?.removeEventListener("abort", onAbort);
    const req = https.request(url, { method, headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        responseHeaders.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
      }
      const meta = { status, statusText: res.statusMessage ?? "", headers: responseHeaders };
      try {
        if (method === "HEAD" || NULL_BODY_STATUS.has(status)) {
          unlisten();
          res.resume();
          resolve(new Response(null, meta));
          return;
        }
        const web = webBody(res, unlisten);
        failBody = web.fail;
        resolve(new Response(decoded(web.stream, responseHeaders, zlib), meta));
      } catch (e) {
        unlisten();
        res.destroy();
        reject(e);
      }
    });
    signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (e) => {
      if (signal?.aborted) return; // onAbort settled it with the reason
      if (failBody) {
        failBody(new TypeError(`the response body broke: ${e.message}`, { cause: e }));
        return;
      }
      unlisten();
      reject(new TypeError(`fetch failed: ${e.message}`, { cause: e }));
    });
    if (body instanceof ReadableStream) pump(body, req);
    else req.end(body);
  });
}

/** How one protocol is sent: its module, its agent, and `node:zlib` for a `br` body. */
interface Route {
  mod: NodeHttps;
  agent: unknown;
  zlib?: () => NodeZlib | undefined;
}

/** Sends `input` on the route of its protocol, `http:` without one to `plain`. */
function dispatch(
  input: RequestInfo | URL,
  init: RequestInit,
  routes: Record<string, Route | undefined>,
  plain: typeof fetch,
): Promise<Response> {
  if (typeof input !== "string" && !(input instanceof URL)) {
    return Promise.reject(new TypeError("this fetch takes a URL and an init, not a Request"));
  }
  const url = new URL(input);
  const route = routes[url.protocol];
  if (route) return sendOne(route, url, init);
  if (url.protocol === "http:") return plain(input, init);
  return Promise.reject(new TypeError(`this fetch does not send ${url.protocol} URLs`));
}

/**
 * A fetch whose `https:` connections use `tls` and are kept alive, over the
 * given `node:https`; `plain` serves `http:` URLs.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { nodeHttpsFetch, type NodeHttps } from "./node_https_fetch.ts";
 * const https = process.getBuiltinModule("node:https") as unknown as NodeHttps;
 * const t = nodeHttpsFetch(https, { ca: [readFileSync("ca.crt", "utf8")] });
 * console.log((await t.fetch("https://127.0.0.1:9000/minio/health/live")).status);
 * t.close();
 * ```
 */
export function nodeHttpsFetch(
  https: NodeHttps,
  tls: HttpsTls,
  plain: typeof fetch = (input, init) => globalThis.fetch(input, init),
  zlib?: () => NodeZlib | undefined,
): HttpsFetch {
  const agent = new https.Agent({
    keepAlive: true,
    timeout: IDLE_MS,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.cert ? { cert: tls.cert, key: tls.key } : {}),
  });
  const routes = { "https:": { mod: https, agent, zlib } };
  return {
    fetch: ((input, init = {}) => dispatch(input, init, routes, plain)) as typeof fetch,
    close: () => agent.destroy(),
  };
}

/**
 * How long a kept-alive connection may stay idle before it is closed: less
 * than the 5 s servers commonly keep one (Node's own global agent closes at
 * 5 s, undici at 4), so that a request does not go out on a connection that
 * the server is closing. Only idle connections are closed: a request that
 * waits on its answer is timed by the SDK's own deadlines.
 */
const IDLE_MS = 4000;

/**
 * Node's transport for the SDK's requests when the caller gives no fetch:
 * `http:` over `node:http`, `https:` over `node:https`, each on an agent of
 * kept-alive connections (as many at once as requests are in flight). On
 * Node 20 it spends about two thirds of the CPU time of the global fetch per
 * small request (bench/node_transport.ts).
 * The agents live as long as the process; idle connections do not keep it
 * running.
 *
 * @example
 * ```ts
 * import { nodeFetch, type NodeHttps } from "./node_https_fetch.ts";
 * const http = process.getBuiltinModule("node:http") as unknown as NodeHttps;
 * const https = process.getBuiltinModule("node:https") as unknown as NodeHttps;
 * const f = nodeFetch(http, https);
 * console.log((await f("http://127.0.0.1:9000/minio/health/live")).status);
 * ```
 */
export function nodeFetch(
  http: NodeHttps,
  https: NodeHttps,
  zlib?: () => NodeZlib | undefined,
): typeof fetch {
  const routes = {
    "http:": { mod: http, agent: new http.Agent({ keepAlive: true, timeout: IDLE_MS }), zlib },
    "https:": { mod: https, agent: new https.Agent({ keepAlive: true, timeout: IDLE_MS }), zlib },
  };
  const plain = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  return ((input, init = {}) => dispatch(input, init, routes, plain)) as typeof fetch;
}

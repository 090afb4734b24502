/**
 * A fetch with TLS settings of its own (extra CAs, a client certificate),
 * in the way each runtime offers one: Deno's `Deno.createHttpClient`,
 * Bun's `tls` fetch option, Node's `node:https` (looked up only when used,
 * through `process.getBuiltinModule`, so no bundle names it, and sent with
 * src/base/node_https_fetch.ts, loaded by the first request). Workers and
 * browsers take no TLS settings from code: `undefined` there, and the
 * caller says what needed them. Used by the client-certificate credential
 * provider and by minio-js's `setRequestOptions`.
 *
 * @module
 */

import type { HttpsFetch, HttpsTls, NodeHttps } from "./node_https_fetch.ts";
import type { NodeZlib } from "./node_decode.ts";

/** The globals this looks at (tests pass their own). */
export interface TlsRuntimes {
  fetch: typeof fetch;
  Deno?: {
    createHttpClient(o: { caCerts?: string[]; cert?: string; key?: string }): { close(): void };
  };
  Bun?: unknown;
  process?: { getBuiltinModule?: (id: string) => unknown };
  navigator?: { userAgent?: string };
}

/** The runtime's name for messages: its User-Agent where it has one. */
export function runtimeName(g: TlsRuntimes = globalThis as unknown as TlsRuntimes): string {
  return g.navigator?.userAgent || "this runtime";
}

/**
 * A fetch with `tls`, and a `close()` for what it holds; `undefined` where
 * the runtime cannot take TLS settings (workerd, browsers).
 */
export function tlsFetch(
  tls: HttpsTls,
  g: TlsRuntimes = globalThis as unknown as TlsRuntimes,
): HttpsFetch | undefined {
  if (g.Deno) {
    const client = g.Deno.createHttpClient({ caCerts: tls.ca, cert: tls.cert, key: tls.key });
    return {
      fetch: ((input, init) =>
        g.fetch(input, { ...init, client } as unknown as RequestInit)) as typeof fetch,
      close: () =>
        client.close(),
    };
  }
  if (g.Bun) {
    return {
      fetch: ((input, init) =>
        g.fetch(input, { ...init, tls } as unknown as RequestInit)) as typeof fetch,
      close: () => {},
    };
  }
  // workerd has a node:https, over its own fetch: it takes no TLS settings.
  const https = runtimeName(g) === "Cloudflare-Workers"
    ? undefined
    : g.process?.getBuiltinModule?.("node:https") as NodeHttps | undefined;
  if (!https) return undefined;
  let made: Promise<HttpsFetch> | undefined;
  let loaded: HttpsFetch | undefined;
  const load = () =>
    made ??= import("./node_https_fetch.ts").then((m) =>
      loaded = m.nodeHttpsFetch(
        https,
        tls,
        (input, init) => g.fetch(input, init),
        () => g.process?.getBuiltinModule?.("node:zlib") as NodeZlib | undefined,
      )
    );
  return {
    fetch: (async (input, init) => (await load()).fetch(input, init)) as typeof fetch,
    // At once once a request has loaded the transport, else when it has.
    close: () => loaded ? loaded.close() : void made?.then((t) => t.close()),
  };
}

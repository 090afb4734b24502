/**
 * A fetch that presents a client certificate (mutual TLS), in the way each
 * runtime offers one: Deno's `Deno.createHttpClient`, Bun's `tls` fetch
 * option, Node's `node:https` (looked up only when used, through
 * `process.getBuiltinModule`, so no bundle names it). Workers and browsers
 * cannot present one from code: an error says so, naming the runtime.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

/** A client certificate and key (PEM), and extra CA certificates to trust. */
export interface ClientTls {
  certificate: string;
  privateKey: string;
  caCertificates?: string[];
}

/** The globals mtlsFetch looks at. */
export interface Runtimes {
  fetch: typeof fetch;
  Deno?: {
    createHttpClient(o: { cert: string; key: string; caCerts?: string[] }): { close(): void };
  };
  Bun?: unknown;
  process?: { getBuiltinModule?: (id: string) => unknown };
  navigator?: { userAgent?: string };
}

interface NodeHttps {
  request(
    url: string,
    o: Record<string, unknown>,
    cb: (res: NodeResponse) => void,
  ): {
    on(e: "error", f: (e: Error) => void): void;
    end(body: string): void;
    destroy(e?: Error): void;
  };
}
interface NodeResponse {
  statusCode?: number;
  headers: Record<string, string | string[] | undefined>;
  setEncoding(e: string): void;
  on(e: "data", f: (c: string) => void): void;
  on(e: "end" | "error", f: (x?: Error) => void): void;
}

/** A fetch for a POST of a form with a string body over Node's `node:https`. */
function nodeFetch(https: NodeHttps, tls: ClientTls): typeof fetch {
  return ((input: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? undefined;
      signal?.throwIfAborted();
      const req = https.request(input, {
        method: init.method ?? "GET",
        headers: init.headers as Record<string, string>,
        cert: tls.certificate,
        key: tls.privateKey,
        ...(tls.caCertificates ? { ca: tls.caCertificates } : {}),
      }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => text += c);
        res.on("error", (e) => reject(e));
        res.on("end", () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(new Response(text, { status: res.statusCode ?? 0 }));
        });
      });
      const onAbort = () => req.destroy(signal!.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("error", (e) => {
        signal?.removeEventListener("abort", onAbort);
        reject(e);
      });
      req.end(String(init.body ?? ""));
    })) as typeof fetch;
}

/**
 * A fetch presenting `tls`'s certificate, and a `close()` for what it holds;
 * `g` is where the runtime's facilities are looked up (tests pass their own).
 */
export function mtlsFetch(
  tls: ClientTls,
  g: Runtimes = globalThis as Runtimes,
): { fetch: typeof fetch; close(): void } {
  if (g.Deno) {
    const client = g.Deno.createHttpClient({
      cert: tls.certificate,
      key: tls.privateKey,
      caCerts: tls.caCertificates,
    });
    return {
      fetch: ((input, init) =>
        g.fetch(input, { ...init, client } as unknown as RequestInit)) as typeof fetch,
      close: () =>
        client.close(),
    };
  }
  if (g.Bun) {
    const opts = { cert: tls.certificate, key: tls.privateKey, ca: tls.caCertificates };
    return {
      fetch: ((input, init) =>
        g.fetch(input, { ...init, tls: opts } as unknown as RequestInit)) as typeof fetch,
      close: () => {},
    };
  }
  const runtime = g.navigator?.userAgent || "this runtime";
  // workerd offers a node:https whose requests go through its fetch: no client certificate.
  const https = runtime === "Cloudflare-Workers"
    ? undefined
    : g.process?.getBuiltinModule?.("node:https") as NodeHttps | undefined;
  if (https) return { fetch: nodeFetch(https, tls), close: () => {} };
  throw new InvalidArgumentError(
    `CertificateIdentityProvider needs a client certificate in fetch, which ${runtime} ` +
      "cannot present: use Deno, Bun or Node",
  );
}

/**
 * A fetch that presents a client certificate (mutual TLS), in the way each
 * runtime offers one: Deno's `Deno.createHttpClient`, Bun's `tls` fetch
 * option, Node's `node:https` (looked up only when used, through
 * `process.getBuiltinModule`, so no bundle names it, and sent with
 * src/base/node_https_fetch.ts). Workers and browsers cannot present one
 * from code: an error says so, naming the runtime.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { type NodeHttps, nodeHttpsFetch } from "../base/node_https_fetch.ts";

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
  if (https) {
    const settings = { ca: tls.caCertificates, cert: tls.certificate, key: tls.privateKey };
    return nodeHttpsFetch(https, settings, (input, init) => g.fetch(input, init));
  }
  throw new InvalidArgumentError(
    `CertificateIdentityProvider needs a client certificate in fetch, which ${runtime} ` +
      "cannot present: use Deno, Bun or Node",
  );
}

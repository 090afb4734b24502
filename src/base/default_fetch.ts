/**
 * The fetch a client sends with when its caller gives none. On Node it is
 * the SDK's own transport over `node:http` and `node:https`
 * (src/base/node_https_fetch.ts, loaded by the first request; the modules
 * are reached through `process.getBuiltinModule`, so no bundle names
 * them): per 4 KiB request it spent about two thirds of the CPU time of
 * Node's global fetch, for as many operations per second where the server
 * was the limit and 1.08x to 1.2x where it was less so
 * (bench/node_transport.ts).
 * Everywhere else (Deno, Bun, workerd, browsers, a Node without
 * `getBuiltinModule`) it is the global fetch, looked up at each call.
 *
 * @module
 */

import type { NodeHttps } from "./node_https_fetch.ts";
import type { NodeZlib } from "./node_decode.ts";

/** The globals this looks at (tests pass their own). */
export interface FetchRuntimes {
  fetch: typeof fetch;
  Deno?: unknown;
  Bun?: unknown;
  process?: {
    versions?: { node?: string };
    getBuiltinModule?: (id: string) => unknown;
  };
  navigator?: { userAgent?: string };
}

/** Node's transport, made by the first request of any client in this process (per globals). */
const made = new WeakMap<FetchRuntimes, Promise<typeof fetch>>();

/** Whether `g` is Node itself (Deno, Bun and workerd have a `process` too). */
function isNode(g: FetchRuntimes): boolean {
  return !g.Deno && !g.Bun && g.navigator?.userAgent !== "Cloudflare-Workers" &&
    !!g.process?.versions?.node && typeof g.process.getBuiltinModule === "function";
}

/**
 * The fetch for a client given none: on Node the `node:http`/`node:https`
 * transport, elsewhere the global fetch.
 *
 * @example
 * ```ts
 * import { defaultFetch } from "./default_fetch.ts";
 * const f = defaultFetch();
 * console.log((await f("http://127.0.0.1:9000/minio/health/live")).status);
 * ```
 */
export function defaultFetch(g: FetchRuntimes = globalThis as FetchRuntimes): typeof fetch {
  const global: typeof fetch = (input, init) => g.fetch(input, init);
  if (!isNode(g)) return global;
  const load = () => {
    const get = g.process!.getBuiltinModule!;
    const http = get("node:http") as NodeHttps | undefined;
    const https = get("node:https") as NodeHttps | undefined;
    // A Node that withholds the modules (a permission policy, say) keeps its fetch.
    if (typeof http?.request !== "function" || typeof https?.request !== "function") {
      return Promise.resolve(global);
    }
    // node:zlib decodes a `br` body; looked up at the first one.
    const zlib = () => get("node:zlib") as NodeZlib | undefined;
    return import("./node_https_fetch.ts").then((m) => m.nodeFetch(http, https, zlib));
  };
  return async (input, init) => {
    let f = made.get(g);
    if (!f) made.set(g, f = load());
    return (await f)(input, init);
  };
}

/**
 * minio-js's `setRequestOptions` takes Node's `https.request` options. This
 * client sends with fetch, so it honours those a fetch can be given on
 * every server runtime: extra CAs to trust (`ca`) and a client certificate
 * (`cert`, `key`). Deno gets them through `Deno.createHttpClient`, Bun
 * through its `tls` fetch option, and Node, whose fetch takes no TLS
 * settings without the `undici` package, through a fetch over `node:https`
 * (src/base/node_https_fetch.ts, loaded on the first request) with one
 * kept-alive `https.Agent` per call. The settings act on `https:`
 * endpoints; an `http:` endpoint is sent as before, on every runtime.
 * Workers and browsers cannot take them. `rejectUnauthorized: false` is
 * refused on every runtime (Deno's fetch cannot skip certificate checks per
 * client), and every other key too: each by name, with why, never dropped.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { runtimeName, tlsFetch as runtimeTlsFetch, type TlsRuntimes } from "../base/tls_fetch.ts";

/**
 * The options of minio-js's `setRequestOptions` this client honours (on
 * Deno, Bun and Node): PEM text or bytes.
 *
 * @example
 * ```ts
 * import { Client, type RequestTlsOptions } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: true, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: RequestTlsOptions = { ca: await Deno.readTextFile("ca.crt") };
 * client.setRequestOptions(options);
 * ```
 */
export interface RequestTlsOptions {
  /** Extra CA certificates to trust (PEM), one or a list. */
  ca?: string | Uint8Array | (string | Uint8Array)[];
  /** Client certificate chain (PEM), with `key`. */
  cert?: string | Uint8Array;
  /** The client certificate's private key (PEM), with `cert`. */
  key?: string | Uint8Array;
  /**
   * Only `true`, the default: certificates are always checked. Deno's fetch
   * cannot skip the check per client, so `false` is refused on every runtime.
   */
  rejectUnauthorized?: boolean;
}

const FETCH_CANNOT = "Deno's and Bun's fetch offer no such setting (so Node refuses it too)";
/** minio-js's other request options, and why each is refused. */
const REFUSED: Record<string, string> = {
  agent: "an http.Agent is Node's own HTTP transport; this client sends with fetch",
  family: "fetch chooses the address family itself",
  ciphers: FETCH_CANNOT,
  clientCertEngine: FETCH_CANNOT,
  crl: FETCH_CANNOT,
  dhparam: FETCH_CANNOT,
  ecdhCurve: FETCH_CANNOT,
  honorCipherOrder: FETCH_CANNOT,
  passphrase: "encrypted keys cannot be given to Deno's fetch: pass the key unencrypted",
  pfx: "PKCS#12 cannot be given to Deno's fetch: pass cert and key as PEM",
  secureOptions: FETCH_CANNOT,
  secureProtocol: FETCH_CANNOT,
  servername: FETCH_CANNOT,
  sessionIdContext: FETCH_CANNOT,
};

/** The globals this looks at (tests pass their own). */
export type { TlsRuntimes };

/** A fetch with the TLS settings, and what releases it. */
export interface TlsFetch {
  fetch: typeof fetch;
  close(): void;
}

function pem(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  throw new InvalidArgumentError(`setRequestOptions: ${what} must be PEM text or bytes`);
}

/**
 * Checks minio-js's request options and makes a fetch honouring them;
 * `undefined` when they ask for nothing beyond the default.
 */
export function tlsFetch(
  options: Record<string, unknown>,
  g: TlsRuntimes = globalThis as unknown as TlsRuntimes,
): TlsFetch | undefined {
  for (const [k, v] of Object.entries(options)) {
    if (v === undefined) continue;
    if (k in REFUSED) {
      throw new InvalidArgumentError(`setRequestOptions: '${k}' is not supported: ${REFUSED[k]}`);
    }
    if (!["ca", "cert", "key", "rejectUnauthorized"].includes(k)) {
      throw new InvalidArgumentError(
        `setRequestOptions: unknown option '${k}' (supported: ca, cert, key, rejectUnauthorized)`,
      );
    }
  }
  const { ca, cert, key, rejectUnauthorized } = options;
  if (rejectUnauthorized !== undefined && rejectUnauthorized !== true) {
    throw new InvalidArgumentError(
      "setRequestOptions: 'rejectUnauthorized' can only be true: Deno's fetch cannot skip " +
        "certificate checks per client, so no runtime does; trust the server's CA with 'ca' instead",
    );
  }
  const caCerts = ca === undefined
    ? undefined
    : (Array.isArray(ca) ? ca : [ca]).map((c, i) => pem(c, `ca[${i}]`));
  if ((cert === undefined) !== (key === undefined)) {
    throw new InvalidArgumentError("setRequestOptions: 'cert' and 'key' go together");
  }
  const tls = {
    ca: caCerts,
    cert: cert === undefined ? undefined : pem(cert, "cert"),
    key: key === undefined ? undefined : pem(key, "key"),
  };
  if (!tls.ca && !tls.cert) return undefined;
  const made = runtimeTlsFetch(tls, g);
  if (made) return made;
  const given = Object.keys(options).filter((k) => k !== "rejectUnauthorized").join(", ");
  throw new InvalidArgumentError(
    `setRequestOptions: ${given} need a fetch that takes TLS settings, which ${
      runtimeName(g)
    } has not (Deno's, Bun's and Node's have)`,
  );
}

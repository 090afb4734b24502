/**
 * minio-js's `setRequestOptions` takes Node's `https.request` options. This
 * client sends with fetch, which can honour some of them only where the
 * runtime's fetch takes TLS settings: Deno (`Deno.createHttpClient`) and Bun
 * (its `tls` fetch option) can trust extra CAs (`ca`) and present a client
 * certificate (`cert`, `key`). Node's fetch takes no TLS settings, and no
 * runtime's fetch takes the rest; each such key is refused by name, with
 * why, never dropped.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";

/**
 * The options of minio-js's `setRequestOptions` this client honours (on
 * Deno and Bun): PEM text or bytes.
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
  /** Only `true`, the default: certificates are always checked. */
  rejectUnauthorized?: boolean;
}

const FETCH_CANNOT = "fetch offers no such setting on Deno, Bun or Node";
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
export interface TlsRuntimes {
  fetch: typeof fetch;
  Deno?: {
    createHttpClient(o: { caCerts?: string[]; cert?: string; key?: string }): { close(): void };
  };
  Bun?: unknown;
  navigator?: { userAgent?: string };
}

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
        "certificate checks per client; trust the server's CA with 'ca' instead",
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
  const runtime = g.navigator?.userAgent || "this runtime";
  const given = Object.keys(options).filter((k) => k !== "rejectUnauthorized").join(", ");
  throw new InvalidArgumentError(
    `setRequestOptions: ${given} need a fetch that takes TLS settings, which ${runtime} has not ` +
      "(Deno's and Bun's have); on Node, trust a CA with NODE_EXTRA_CA_CERTS, or give the " +
      "client a fetch of your own",
  );
}

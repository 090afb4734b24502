/**
 * A fetch that presents a client certificate (mutual TLS), made by
 * src/base/tls_fetch.ts in the way each runtime offers one. Workers and
 * browsers cannot present one from code: an error says so, naming the
 * runtime.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import type { HttpsFetch } from "../base/node_https_fetch.ts";
import { runtimeName, tlsFetch, type TlsRuntimes } from "../base/tls_fetch.ts";

/** A client certificate and key (PEM), and extra CA certificates to trust. */
export interface ClientTls {
  certificate: string;
  privateKey: string;
  caCertificates?: string[];
}

/** The globals mtlsFetch looks at. */
export type Runtimes = TlsRuntimes;

/**
 * A fetch presenting `tls`'s certificate, and a `close()` for what it holds;
 * `g` is where the runtime's facilities are looked up (tests pass their own).
 */
export function mtlsFetch(tls: ClientTls, g?: Runtimes): HttpsFetch {
  const made = tlsFetch({ ca: tls.caCertificates, cert: tls.certificate, key: tls.privateKey }, g);
  if (made) return made;
  throw new InvalidArgumentError(
    `CertificateIdentityProvider needs a client certificate in fetch, which ${runtimeName(g)} ` +
      "cannot present: use Deno, Bun or Node",
  );
}

/**
 * Credentials and the provider interface every credential source implements.
 *
 * @module
 */

const REDACTED = "<redacted>";

/**
 * An access key, its secret and, for temporary credentials, a session token
 * and expiry. Printing or serializing it never shows the secret or token.
 *
 * @example
 * ```ts
 * import { Credentials } from "@minio-edge/minio";
 * const creds = new Credentials("minioadmin", "minioadmin");
 * console.log(JSON.stringify(creds)); // secret shown as <redacted>
 * ```
 */
export class Credentials {
  /** Access key id. */
  readonly accessKey: string;
  /** Secret access key (never printed). */
  readonly secretKey: string;
  /** Session token of temporary credentials (never printed). */
  readonly sessionToken?: string;
  /** When temporary credentials stop working. */
  readonly expiration?: Date;

  /** Creates credentials; `expiration` only for temporary ones. */
  constructor(accessKey: string, secretKey: string, sessionToken?: string, expiration?: Date) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.sessionToken = sessionToken;
    this.expiration = expiration;
  }

  /**
   * Whether the credentials are expired, or will be within `skewMs`
   * (default one minute), so a request signed now does not fail on the way.
   */
  isExpired(skewMs = 60_000, now: Date = new Date()): boolean {
    return this.expiration !== undefined && this.expiration.getTime() - skewMs <= now.getTime();
  }

  /** The JSON form, with the secret and token redacted. */
  toJSON(): Record<string, unknown> {
    return {
      accessKey: this.accessKey,
      secretKey: REDACTED,
      sessionToken: this.sessionToken === undefined ? undefined : REDACTED,
      expiration: this.expiration,
    };
  }

  /** Printed form for Node and Bun's `util.inspect`. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Credentials ${JSON.stringify(this.toJSON())}`;
  }

  /** Printed form for Deno's `console.log`. */
  [Symbol.for("Deno.customInspect")](): string {
    return `Credentials ${JSON.stringify(this.toJSON())}`;
  }
}

/**
 * A source of credentials. Implementations cache and refresh as they see fit;
 * the client asks before every request, with the caller's `AbortSignal`: a
 * provider that fetches should pass it on. The client stops waiting when it
 * aborts in any case.
 *
 * @example
 * ```ts
 * import { Credentials, type CredentialProvider } from "@minio-edge/minio";
 * const provider: CredentialProvider = {
 *   getCredentials: () => Promise.resolve(new Credentials("minioadmin", "minioadmin")),
 * };
 * console.log((await provider.getCredentials()).accessKey); // "minioadmin"
 * ```
 */
export interface CredentialProvider {
  /** Current credentials, refreshed when expired; `signal` cancels a refresh. */
  getCredentials(signal?: AbortSignal): Promise<Credentials>;
}

/**
 * The request path every operation shares: options -> validate -> build
 * (endpoint, addressing, query, headers, region) -> sign -> fetch with retry
 * -> check status. Operations compose this; they do not re-implement it.
 *
 * @module
 */

import type { CredentialProvider, Credentials } from "../credentials/credentials.ts";
import { StaticProvider } from "../credentials/static.ts";
import { InvalidArgumentError, S3Error, ServerError } from "../base/errors.ts";
import { TimeoutError } from "../base/timeout_error.ts";
import { abortable } from "../base/abort.ts";
import { defaultFetch } from "../base/default_fetch.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import {
  type Endpoint,
  type EndpointOptions,
  hostHeader,
  parseEndpoint,
  targetFor,
  urlFor,
} from "./endpoint.ts";
import { ConnectionFailed } from "../base/attempt.ts";
import { DEFAULT_RETRY, fetchOnce, type RetryOptions, withRetry } from "../base/retry.ts";
import { suspectHeaders } from "./suspect_headers.ts";
import {
  type BodyResume,
  DEFAULT_TIMEOUTS,
  headersDeadline,
  timedFetch,
  type Timeouts,
} from "./timeout.ts";
import { sha256Hex } from "../crypto/hash.ts";
import { canonicalQuery, type QueryParam } from "../signer/encode.ts";
import { EMPTY_SHA256, signV4Headers, UNSIGNED_PAYLOAD } from "../signer/sigv4.ts";
import type { AwsChunkedOptions } from "./aws_chunked.ts";
import { amzDate } from "../signer/time.ts";
import { parseXml } from "../xml/parse.ts";

/**
 * Options of the {@link MinioCore} (and so of `Minio`) constructor.
 *
 * @example
 * ```ts
 * import { type ClientOptions, Minio } from "@minio-edge/minio";
 * const options: ClientOptions = {
 *   endPoint: "minio.example.com", accessKey: "minioadmin", secretKey: "minioadmin",
 *   region: "eu-west-1", maxRetries: 5, retryDelayMs: 200,
 * };
 * const client = new Minio(options);
 * ```
 */
export interface ClientOptions extends EndpointOptions {
  /**
   * Access key; with `secretKey`, shorthand for a {@link StaticProvider}.
   * Without keys and `credentials` the client is anonymous: its requests go
   * unsigned (a public bucket's reads), presigning refuses.
   */
  accessKey?: string;
  /** Secret key (never logged or put in an error). */
  secretKey?: string;
  /** Session token of temporary credentials. */
  sessionToken?: string;
  /** Where credentials come from; overrides accessKey/secretKey. */
  credentials?: CredentialProvider;
  /** Region of every bucket; when unset it is discovered per bucket. */
  region?: string;
  /**
   * The fetch to send with. Default: on Node, the SDK's transport over
   * `node:http` and `node:https` with kept-alive connections (two thirds of the CPU
   * time of Node's global fetch per small request); elsewhere the global fetch.
   */
  fetch?: typeof fetch;
  /**
   * Retries after a failed attempt (default 10; 0 turns retries off). Only
   * requests safe to repeat are retried after a lost answer or a 5xx; see
   * docs/errors-and-retries.md.
   */
  maxRetries?: number;
  /**
   * Times a download may resume after its body breaks part-way (default 3;
   * 0 turns resuming off); `getObject`'s `maxResumes` sets it per call.
   */
  maxResumes?: number;
  /** First retry backoff in milliseconds, doubled per retry, half of it random (default 200). */
  retryDelayMs?: number;
  /** Longest backoff in milliseconds (default 2 000; five times that after a 429 or 503). */
  maxRetryDelayMs?: number;
  /** No retry starts later than this many milliseconds after a request's first failure (default 20 000). */
  retryDeadlineMs?: number;
  /**
   * Milliseconds to wait for the response headers of one attempt, plus 1 s
   * per 64 KiB of request body (default 60 000; 0 turns it off). A timeout
   * is retried like a failed connection; then a {@link TimeoutError}.
   */
  headersTimeoutMs?: number;
  /**
   * Milliseconds a response body being read may send nothing before the
   * read fails with a {@link TimeoutError} (default 60 000; 0 turns it off).
   */
  bodyTimeoutMs?: number;
}

/**
 * Options every network call takes.
 *
 * @example
 * ```ts
 * import { Minio, type RequestOptions } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const options: RequestOptions = {
 *   signal: AbortSignal.timeout(5_000),
 *   extraHeaders: { "x-request-origin": "nightly-job" },
 * };
 * console.log(await client.bucketExists("photos", options));
 * ```
 */
export interface RequestOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Extra headers sent (and signed) with the request. */
  extraHeaders?: Record<string, string>;
  /** Extra query parameters sent (and signed) with the request. */
  extraQueryParams?: Record<string, string>;
  /** The client's `headersTimeoutMs` for this call (0 turns it off). */
  headersTimeoutMs?: number;
  /** The client's `bodyTimeoutMs` for this call (0 turns it off). */
  bodyTimeoutMs?: number;
}

/**
 * One request as an operation describes it.
 *
 * @example
 * ```ts
 * import { MinioCore, type RequestSpec } from "@minio-edge/minio";
 * const core = new MinioCore({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const spec: RequestSpec = { method: "HEAD", bucket: "photos", object: "cat.png" };
 * const res = await core.request(spec); // HeadObject
 * console.log(res.status, res.headers.get("content-length"));
 * ```
 */
export interface RequestSpec {
  /** HTTP method. */
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** Bucket, when the request is about one. */
  bucket?: string;
  /** Object, when the request is about one. */
  object?: string;
  /** Query parameters, not encoded. */
  query?: QueryParam[];
  /** Headers, any case. */
  headers?: Record<string, string>;
  /** Body bytes. */
  body?: Uint8Array;
  /** Region to sign for, instead of the bucket's. */
  region?: string;
  /** Caller's options: signal, extra headers and query parameters. */
  options?: RequestOptions;
  /**
   * Called with the bytes of `body` sent so far in the current attempt
   * (starting again from 0 on a retry); at least once with the full length.
   */
  onBodyProgress?: (sent: number) => void;
  /**
   * Send without SigV4 headers: for a request that carries its own
   * authentication (a POST policy form), as MinIO refuses a request with two.
   */
  unsigned?: boolean;
  /**
   * A path of its own (already URI-encoded) instead of one built from
   * bucket and object: the admin API's `/minio/admin/v3/...`.
   */
  path?: string;
  /** Hash the payload into the signature even over TLS (the admin API's way). */
  signPayload?: boolean;
  /**
   * Return every response as it is, successful or not, for callers whose
   * errors are not S3 XML (the admin API answers JSON).
   */
  rawResponse?: boolean;
  /**
   * Whether the request may be sent again after a lost answer or a 5xx.
   * Default: true for GET, HEAD, PUT and DELETE (idempotent in S3), false
   * for POST, unless the operation makes a repeat safe (as
   * CompleteMultipartUpload and CreateMultipartUpload do). Any request is
   * retried after a 429 or 503.
   */
  idempotent?: boolean;
  /** Called just before each retry is sent. */
  onRetry?: () => void;
  /**
   * Read a successful answer's body within the attempt, so that a
   * connection that breaks part-way through it is retried like one that
   * broke before the headers: for small XML answers (listings,
   * configurations), never for object data.
   */
  buffered?: boolean;
  /**
   * Continues a successful answer's body that breaks, stalls or ends short
   * (a download's resume), in the same stream.
   */
  resumeBody?: BodyResume;
  /**
   * The body is object data that S3 takes in aws-chunked encoding
   * (PutObject, UploadPart): on a runtime whose fetch copies a byte body
   * and sends a stream without its length (Deno), a body of 64 KiB or more
   * goes as an aws-chunked stream of views of `body` (src/core/aws_chunked.ts).
   */
  awsChunked?: boolean;
}

const DEFAULT_REGION = "us-east-1";

/**
 * The keys of {@link ClientOptions} and their types, as src/base/shape.ts
 * checks them: an unknown key (minio-js's `partSize`, a typo) is refused.
 */
export const CLIENT_OPTION_KEYS =
  "endPoint:s port:n useSSL:b pathStyle:b accessKey:s secretKey:s sessionToken:s credentials:o " +
  "region:s fetch:f maxRetries:n maxResumes:n retryDelayMs:n maxRetryDelayMs:n retryDeadlineMs:n " +
  "headersTimeoutMs:n bodyTimeoutMs:n";

/**
 * Deno sends object data of at least this many bytes aws-chunked. A
 * smaller body goes as bytes: Deno's copies of it are small, and a stream
 * costs more to set up (a 4 KiB PUT to MinIO took ~70 µs more CPU as a
 * signed aws-chunked stream than as bytes).
 */
const AWS_CHUNKED_FROM = 64 * 1024;

/** `res` with its body read into memory; a body that breaks is a failed connection. */
async function readWhole(res: Response): Promise<Response> {
  if (!res.body || res.status === 204 || res.status === 205) return res;
  let bytes: ArrayBuffer;
  try {
    bytes = await res.arrayBuffer();
  } catch (e) {
    throw new ConnectionFailed((e as Error)?.message ?? String(e), { cause: e });
  }
  return new Response(bytes, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}

// Set by MinioCore's static block: the one way to a core's credentials,
// kept off the class so no public member returns a secret.
let readCredentials: (core: MinioCore, signal?: AbortSignal) => Promise<Credentials>;

/**
 * A core's current credentials, for the operations that sign by themselves
 * (presigned URLs, POST policies) and the admin payload encryption; an
 * abort of `signal` ends the wait for them. Not exported from the package:
 * a client never hands out its secret.
 *
 * @example
 * ```ts
 * const { accessKey } = await coreCredentials(core);
 * ```
 */
export function coreCredentials(core: MinioCore, signal?: AbortSignal): Promise<Credentials> {
  return readCredentials(core, signal);
}

/**
 * The shared core of both clients: configuration, credentials, region
 * discovery and the signed request. `Minio` and `MinioAdmin` each hold one
 * privately and call the operation functions with it; code that wants a
 * small bundle can call those functions on a core directly. No member
 * returns the credentials.
 *
 * @example
 * ```ts
 * import { MinioCore } from "@minio-edge/minio";
 * const core = new MinioCore({ endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin" });
 * const res = await core.request({ method: "GET" }); // ListBuckets
 * console.log(res.status); // 200
 * ```
 */
export class MinioCore {
  /** The endpoint requests go to. */
  readonly endpoint: Endpoint;
  /** The fixed region, when one was configured or the endpoint names one. */
  readonly region?: string;
  /** Times a download may resume after its body breaks (the `maxResumes` option). */
  readonly maxResumes: number;
  /** Undefined for an anonymous client. */
  readonly #credentials?: CredentialProvider;
  readonly #fetch: typeof fetch;
  readonly #retry: RetryOptions;
  readonly #timeouts: Timeouts;
  readonly #regions = new Map<string, string>();
  #layer?: (f: typeof fetch) => typeof fetch;
  /** Set once the server refused a chunked-transfer body (411, 501): bytes from then on. */
  #chunkedRefused = false;

  /** Validates the options; throws {@link InvalidArgumentError} on bad ones. */
  constructor(options: ClientOptions) {
    if (options === null || typeof options !== "object") {
      throw new InvalidArgumentError("client options must be an object");
    }
    // Minio and MinioAdmin check first and name the nearest key; this is the
    // small check of a core made directly.
    for (const key of Object.keys(options)) {
      if (!` ${CLIENT_OPTION_KEYS}`.includes(` ${key}:`)) {
        throw new InvalidArgumentError(`unknown client option '${key}'`);
      }
    }
    this.endpoint = parseEndpoint(options);
    if (options.region !== undefined && (typeof options.region !== "string" || !options.region)) {
      throw new InvalidArgumentError("region must be a non-empty string");
    }
    this.region = options.region ?? this.endpoint.region;
    if (options.credentials) {
      if (typeof options.credentials.getCredentials !== "function") {
        throw new InvalidArgumentError("credentials must have a getCredentials() method");
      }
      this.#credentials = options.credentials;
    } else if ((options.accessKey ?? options.secretKey) !== undefined) {
      this.#credentials = new StaticProvider(
        options.accessKey as string,
        options.secretKey as string,
        options.sessionToken,
      );
    }
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== "function") throw new InvalidArgumentError("no fetch function available");
    // Calling a detached global fetch throws "Illegal invocation" on some runtimes.
    this.#fetch = options.fetch ? f : defaultFetch();
    checkOptionalInteger(options.maxResumes, "maxResumes");
    this.maxResumes = options.maxResumes ?? 3;
    checkOptionalInteger(options.maxRetries, "maxRetries");
    checkOptionalInteger(options.retryDelayMs, "retryDelayMs");
    checkOptionalInteger(options.maxRetryDelayMs, "maxRetryDelayMs");
    checkOptionalInteger(options.retryDeadlineMs, "retryDeadlineMs");
    this.#retry = {
      maxRetries: options.maxRetries ?? DEFAULT_RETRY.maxRetries,
      baseDelayMs: options.retryDelayMs ?? DEFAULT_RETRY.baseDelayMs,
      maxDelayMs: options.maxRetryDelayMs ?? DEFAULT_RETRY.maxDelayMs,
      deadlineMs: options.retryDeadlineMs ?? DEFAULT_RETRY.deadlineMs,
    };
    checkOptionalInteger(options.headersTimeoutMs, "headersTimeoutMs");
    checkOptionalInteger(options.bodyTimeoutMs, "bodyTimeoutMs");
    this.#timeouts = {
      headersMs: options.headersTimeoutMs ?? DEFAULT_TIMEOUTS.headersMs,
      bodyMs: options.bodyTimeoutMs ?? DEFAULT_TIMEOUTS.bodyMs,
    };
  }

  /** Whether requests go over TLS. */
  get secure(): boolean {
    return this.endpoint.protocol === "https:";
  }

  static {
    // The signal reaches a provider that takes one; the race leaves any other.
    readCredentials = async (core, signal) => {
      const provider = core.#credentials;
      const creds = provider && await abortable(provider.getCredentials(signal), signal);
      // None (an anonymous client), or past their expiry: a request never goes
      // out signed with expired credentials. The error loads on use.
      if (!creds || (creds.expiration as Date) <= new Date()) {
        throw (await import("../credentials/errors.ts")).unusableCredentials(creds);
      }
      return creds;
    };
  }

  /**
   * The region of a bucket: the configured one, else a cached answer of
   * GetBucketLocation, else `us-east-1` when no bucket is involved.
   */
  async bucketRegion(bucket?: string, signal?: AbortSignal): Promise<string> {
    if (this.region) return this.region;
    if (bucket === undefined) return DEFAULT_REGION;
    const cached = this.#regions.get(bucket);
    if (cached) return cached;
    let location: string;
    try {
      const res = await this.request({
        method: "GET",
        bucket,
        query: [["location", ""]],
        region: DEFAULT_REGION,
        options: { signal },
      });
      location = parseXml(await res.text(), "LocationConstraint").text.trim();
    } catch (e) {
      // A policy may grant objects of a bucket but not s3:GetBucketLocation
      // (an LDAP or STS user's often does); minio-go and minio-js then go on
      // with the default region and let the real request decide.
      if (!(e instanceof S3Error && e.code === "AccessDenied")) throw e;
      location = "";
    }
    // An empty constraint is us-east-1; "EU" is the legacy name of eu-west-1.
    const region = location === "" ? DEFAULT_REGION : location === "EU" ? "eu-west-1" : location;
    this.#regions.set(bucket, region);
    return region;
  }

  /** Forgets a cached bucket region (after the bucket is removed). */
  forgetRegion(bucket: string): void {
    this.#regions.delete(bucket);
  }

  /**
   * Puts `layer(fetch)` between every attempt and the fetch, after signing
   * (`undefined` takes it away): how `setAppInfo` and `traceOn` (src/core/
   * fetch_layers.ts) see each attempt while the request path stays unaware.
   */
  layerFetch(layer?: (f: typeof fetch) => typeof fetch): void {
    this.#layer = layer;
  }

  /** Remembers a bucket's region (after it was made). */
  rememberRegion(bucket: string, region: string): void {
    this.#regions.set(bucket, region);
  }

  /**
   * Sends one signed request and returns the successful response; an
   * unsuccessful one becomes a thrown {@link S3Error} (or `ServerError`,
   * `InvalidResponseError`).
   */
  async request(spec: RequestSpec): Promise<Response> {
    const signal = spec.options?.signal;
    signal?.throwIfAborted();
    const baseHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.headers ?? {})) baseHeaders[k.toLowerCase()] = v;
    for (const [k, v] of Object.entries(spec.options?.extraHeaders ?? {})) {
      baseHeaders[k.toLowerCase()] = v;
    }
    // Before anything is sent, the region lookup included. A cheap test per
    // request; the check that names what is wrong is loaded when it finds something.
    if (suspectHeaders(baseHeaders, this.secure)) {
      const { checkRequestHeaders } = await import("./request_headers.ts");
      checkRequestHeaders(baseHeaders, this.secure);
    }
    const headersMs = spec.options?.headersTimeoutMs ?? this.#timeouts.headersMs;
    const bodyMs = spec.options?.bodyTimeoutMs ?? this.#timeouts.bodyMs;
    checkOptionalInteger(headersMs, "headersTimeoutMs");
    checkOptionalInteger(bodyMs, "bodyTimeoutMs");
    const region = spec.region ?? await this.bucketRegion(spec.bucket, signal);
    const body = spec.body;
    const unsignedPayload = (this.secure && !spec.signPayload) || spec.unsigned;
    let chunked = !!(spec.awsChunked && body && body.length >= AWS_CHUNKED_FROM &&
      !spec.unsigned && this.#credentials && !this.#chunkedRefused && "Deno" in globalThis);
    // Over TLS the encoding's CRC32 trailer would clash with a checksum the caller sends.
    if (unsignedPayload && Object.keys(baseHeaders).some((k) => k.startsWith("x-amz-checksum-"))) {
      chunked = false;
    }
    const bytesHash = async () =>
      unsignedPayload ? UNSIGNED_PAYLOAD : body?.length ? await sha256Hex(body) : EMPTY_SHA256;
    // Loaded on use: only Deno sends an upload's object data aws-chunked.
    const aws = chunked ? await import("./aws_chunked.ts") : undefined;
    let payloadHash = aws
      ? unsignedPayload ? aws.STREAMING_UNSIGNED_TRAILER : aws.STREAMING_SIGNED
      : await bytesHash();
    const query = [...(spec.query ?? [])];
    for (const [k, v] of Object.entries(spec.options?.extraQueryParams ?? {})) query.push([k, v]);
    const target = spec.path
      ? { host: hostHeader(this.endpoint), path: spec.path }
      : targetFor(this.endpoint, spec.bucket, spec.object);

    const attempt = async () => {
      // A for-in copy: object spread costs ~2 µs here on V8, a third of a signature.
      const headers: Record<string, string> = {};
      for (const k in baseHeaders) headers[k] = baseHeaders[k];
      let url: string;
      let signer: AwsChunkedOptions["signer"];
      if (chunked) {
        Object.assign(
          headers,
          aws!.awsChunkedHeaders(body!.length, !unsignedPayload, headers["content-encoding"]),
        );
      }
      if (spec.unsigned || !this.#credentials) {
        url = urlFor(this.endpoint, target, canonicalQuery(query));
      } else {
        const creds = await readCredentials(this, signal);
        const now = new Date();
        headers.host = target.host;
        headers["x-amz-date"] = amzDate(now);
        headers["x-amz-content-sha256"] = payloadHash;
        if (creds.sessionToken) headers["x-amz-security-token"] = creds.sessionToken;
        const signed = signV4Headers(
          { method: spec.method, path: target.path, query, headers, payloadHash },
          creds,
          region,
          "s3",
          now,
        );
        delete headers.host;
        headers.authorization = signed.authorization;
        url = urlFor(this.endpoint, target, signed.query);
        // The request's signature seeds the chain of chunk signatures.
        if (chunked && !unsignedPayload) {
          signer = {
            seed: signed.authorization.slice(-64),
            sign: aws!.chunkSigner(creds.secretKey, headers["x-amz-date"], region),
          };
        }
      }
      // Not signed (a proxy may rewrite it); a caller's own User-Agent wins; not
      // from a page (Chromium drops it, Firefox would preflight every request).
      // src/base/version.ts's USER_AGENT, inline (scripts/version.ts writes it):
      // an import cost bundle (a) 32 bytes gzipped.
      if (!("document" in globalThis)) headers["user-agent"] ??= "minio-edge/0.1.0";
      const init: RequestInit & { duplex?: "half" } = {
        method: spec.method,
        headers,
        body: body as BodyInit | undefined,
        signal,
        redirect: "manual",
      };
      const progress = spec.onBodyProgress;
      if (chunked) {
        let sent = 0;
        init.body = aws!.awsChunkedBody(body!, {
          onBytes: progress && ((n) => progress(sent += n)),
          signer,
        });
        init.duplex = "half";
      } else if (progress && body) {
        // Loaded on use: only uploads that report progress stream their body.
        const { progressBody } = await import("./body_progress.ts");
        let sent = 0;
        const streamed = progressBody(body, (n) => progress(sent += n));
        if (streamed) {
          Object.assign(init, streamed);
          headers["content-length"] = String(body.length);
        }
      }
      const res = await fetchOnce(timed, url, init);
      return spec.buffered && res.ok ? await readWhole(res) : res;
    };
    const deadline = headersDeadline(headersMs, body?.length ?? 0);
    const timed: typeof fetch = (url, init) =>
      timedFetch(
        this.#layer?.(this.#fetch) ?? this.#fetch,
        url as string,
        init ?? {},
        deadline,
        bodyMs,
        spec.resumeBody,
      );

    const idempotent = spec.idempotent ?? spec.method !== "POST";
    let res: Response;
    try {
      res = await withRetry(attempt, this.#retry, idempotent, signal, {
        onRetry: spec.onRetry,
      });
      if (chunked && (res.status === 411 || res.status === 501)) {
        // A server that wants a Content-Length (AWS S3 answers 501 to chunked
        // transfer): this request again as bytes, and every later one.
        await res.body?.cancel();
        this.#chunkedRefused = true;
        chunked = false;
        payloadHash = await bytesHash();
        res = await withRetry(attempt, this.#retry, idempotent, signal, {
          onRetry: spec.onRetry,
        });
      }
    } catch (e) {
      // A timeout is retried as a failed connection; once retries run out it is itself the error.
      throw e instanceof ServerError && e.cause instanceof TimeoutError ? e.cause : e;
    }
    if (res.ok && spec.onBodyProgress && body) spec.onBodyProgress(body.length);
    if ((res.status >= 200 && res.status < 300) || spec.rawResponse) return res;
    // Loaded on use: the error parser is needed only once a request fails.
    const { errorFromResponse } = await import("./parse_error.ts");
    const error = await errorFromResponse(res, {
      method: spec.method,
      bucket: spec.bucket,
      object: spec.object,
    });
    if (error instanceof S3Error && error.code === "AuthorizationHeaderMalformed" && spec.bucket) {
      this.#regions.delete(spec.bucket);
    }
    throw error;
  }
}

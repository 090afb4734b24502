/**
 * The server a client talks to, and how bucket and object names become URLs:
 * path style (`host/bucket/key`) or virtual-host style (`bucket.host/key`).
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { checkOptionalInteger } from "../base/validate.ts";
import { uriEncode, uriEncodePath } from "../signer/encode.ts";

/**
 * A validated endpoint.
 *
 * @example
 * ```ts
 * import { type Endpoint, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "s3.eu-west-1.amazonaws.com", accessKey: "k", secretKey: "s" });
 * const endpoint: Endpoint = client.endpoint;
 * console.log(endpoint.protocol, endpoint.hostname, endpoint.pathStyle, endpoint.region);
 * // "https:" "s3.eu-west-1.amazonaws.com" false "eu-west-1"
 * ```
 */
export interface Endpoint {
  /** `https:` or `http:`. */
  readonly protocol: "https:" | "http:";
  /** Host name or IP (IPv6 in brackets). */
  readonly hostname: string;
  /** Port, or `undefined` for the protocol's default. */
  readonly port?: number;
  /** Whether buckets go into the path rather than the host name. */
  readonly pathStyle: boolean;
  /** Region the endpoint names (AWS hosts such as `s3.eu-west-1.amazonaws.com`). */
  readonly region?: string;
}

/**
 * Endpoint options as the client takes them.
 *
 * @example
 * ```ts
 * import { type EndpointOptions, Minio } from "@minio-edge/minio";
 * const endpoint: EndpointOptions = {
 *   endPoint: "minio.internal", port: 9000, useSSL: false, pathStyle: true,
 * };
 * const client = new Minio({ ...endpoint, accessKey: "minioadmin", secretKey: "minioadmin" });
 * console.log(client.endpoint.port); // 9000
 * ```
 */
export interface EndpointOptions {
  /** Host name, IP address, `host:port`, or a URL `http(s)://host[:port]`. */
  endPoint: string;
  /** TCP port; defaults to 443 with TLS and 80 without. */
  port?: number;
  /** Use TLS (default `true`). */
  useSSL?: boolean;
  /** Force path-style (`true`) or virtual-host (`false`) addressing. */
  pathStyle?: boolean;
}

const AWS_HOST = /^s3[.-](?:dualstack\.)?(?:([a-z0-9-]+)\.)?amazonaws\.com(?:\.cn)?$/;
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\.?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

function splitHostPort(value: string): [string, number | undefined] {
  const v6 = value.match(/^(\[[^\]]+\])(?::(\d+))?$/);
  if (v6) return [v6[1], v6[2] === undefined ? undefined : Number(v6[2])];
  if (/^[0-9A-Fa-f:]+$/.test(value) && value.includes("::")) return [`[${value}]`, undefined];
  const i = value.lastIndexOf(":");
  if (i > 0 && /^\d+$/.test(value.slice(i + 1))) {
    return [value.slice(0, i), Number(value.slice(i + 1))];
  }
  return [value, undefined];
}

/** Validates endpoint options; throws {@link InvalidArgumentError} on bad input. */
export function parseEndpoint(options: EndpointOptions): Endpoint {
  let { endPoint, port, useSSL, pathStyle } = options;
  if (typeof endPoint !== "string" || endPoint === "") {
    throw new InvalidArgumentError("endPoint must be a non-empty host name or URL");
  }
  if (endPoint.includes("://")) {
    let url: URL;
    try {
      url = new URL(endPoint);
    } catch {
      // user:password@ before the host is not echoed.
      const shown = endPoint.replace(/\/\/[^/]*@/, "//***@");
      throw new InvalidArgumentError(`endPoint ${JSON.stringify(shown)} is not a valid URL`);
    }
    if (url.username || url.password) {
      throw new InvalidArgumentError(
        "endPoint URL must not carry credentials; pass accessKey and secretKey",
      );
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new InvalidArgumentError("endPoint URL must use http or https");
    }
    if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
      throw new InvalidArgumentError("endPoint URL must not have a path, query or fragment");
    }
    useSSL ??= url.protocol === "https:";
    port ??= url.port ? Number(url.port) : undefined;
    endPoint = url.hostname;
  }
  if (endPoint.includes("@")) {
    // user:password@host without a scheme: never echoed.
    throw new InvalidArgumentError(
      "endPoint must not carry credentials (user:password@); pass accessKey and secretKey",
    );
  }
  const [hostname, inlinePort] = splitHostPort(endPoint);
  if (!HOST_NAME.test(hostname) && !IPV6.test(hostname)) {
    throw new InvalidArgumentError(`endPoint ${JSON.stringify(endPoint)} is not a valid host`);
  }
  port ??= inlinePort;
  checkOptionalInteger(port, "port", 1, 65535);
  if (useSSL !== undefined && typeof useSSL !== "boolean") {
    throw new InvalidArgumentError("useSSL must be a boolean");
  }
  const protocol = useSSL === false ? "http:" : "https:";
  if (port === (protocol === "https:" ? 443 : 80)) port = undefined;
  const aws = hostname.toLowerCase().match(AWS_HOST);
  return {
    protocol,
    hostname,
    port,
    pathStyle: pathStyle ?? !aws,
    region: aws?.[1] && aws[1] !== "external-1" ? aws[1] : undefined,
  };
}

/** `host[:port]` as the Host header carries it. */
export function hostHeader(ep: Endpoint): string {
  return ep.port === undefined ? ep.hostname : ep.hostname + ":" + ep.port;
}

/** Where a request goes: host header value and the encoded path. */
export interface Target {
  /** Host header value. */
  host: string;
  /** URI-encoded path, starting with `/`. */
  path: string;
}

/**
 * Host and path for a bucket and object. Virtual-host style is used only
 * where the endpoint allows it and the bucket name fits in a host name over
 * TLS (no dots).
 */
export function targetFor(ep: Endpoint, bucket?: string, object?: string): Target {
  const host = hostHeader(ep);
  const objectPath = object === undefined ? "" : "/" + uriEncodePath(object);
  if (bucket === undefined) return { host, path: "/" };
  const virtual = !ep.pathStyle && !(ep.protocol === "https:" && bucket.includes("."));
  if (virtual) return { host: bucket + "." + host, path: objectPath || "/" };
  return { host, path: "/" + uriEncode(bucket) + objectPath };
}

/** The absolute URL for a target and an already-encoded query string. */
export function urlFor(ep: Endpoint, target: Target, query: string): string {
  return ep.protocol + "//" + target.host + target.path + (query ? "?" + query : "");
}

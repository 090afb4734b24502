/**
 * A bucket's remote target (madmin-go's `BucketTarget`): where MinIO
 * replicates a bucket to, with the credentials it uses there. The request
 * form is the JSON the server reads; the secret key and session token stay
 * out of every printed or `JSON.stringify`-ed form.
 *
 * @module
 */

import { Credentials } from "../../credentials/credentials.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import { checkBucketName, checkOptionalInteger } from "../../base/validate.ts";

/**
 * The service a remote target serves; MinIO knows one.
 *
 * @example
 * ```ts
 * import type { BucketTargetType } from "@minio-edge/minio/admin";
 * const type: BucketTargetType = "replication";
 * const targets = await admin.listRemoteTargets("photos", type);
 * ```
 */
export type BucketTargetType = "replication";

/**
 * Bucket addressing at the target: `on` path style, `off` virtual-host style.
 *
 * @example
 * ```ts
 * import { BucketTarget, type BucketTargetPath } from "@minio-edge/minio/admin";
 * const path: BucketTargetPath = "on"; // path-style requests to the target
 * const target = new BucketTarget("https://minio-b.example.net", "photos-replica", {
 *   accessKey: "replicator",
 *   secretKey: "replicator-secret",
 * }, { path });
 * ```
 */
export type BucketTargetPath = "auto" | "on" | "off";

/**
 * Credentials for the target: a {@link Credentials} or its fields.
 *
 * @example
 * ```ts
 * import { Credentials } from "@minio-edge/minio";
 * import { BucketTarget, type BucketTargetCredentials } from "@minio-edge/minio/admin";
 * const asFields: BucketTargetCredentials = {
 *   accessKey: "replicator",
 *   secretKey: "replicator-secret",
 * };
 * const asClass: BucketTargetCredentials = new Credentials("replicator", "replicator-secret");
 * const target = new BucketTarget("https://minio-b.example.net", "photos-replica", asFields);
 * ```
 */
export type BucketTargetCredentials = Credentials | {
  /** Access key at the target. */
  accessKey: string;
  /** Secret key at the target; needed to add a target or change its credentials. */
  secretKey?: string;
  /** Session token of temporary credentials. */
  sessionToken?: string;
};

/**
 * Optional settings of a {@link BucketTarget}.
 *
 * @example
 * ```ts
 * import { BucketTarget, type BucketTargetOptions } from "@minio-edge/minio/admin";
 * const options: BucketTargetOptions = {
 *   region: "us-east-1",
 *   bandwidthLimit: 100 * 1024 ** 2, // bytes per second
 *   healthCheckDuration: 30_000, // milliseconds
 * };
 * const credentials = { accessKey: "replicator", secretKey: "replicator-secret" };
 * const target = new BucketTarget("minio-b.example.net:9000", "backup", credentials, options);
 * ```
 */
export interface BucketTargetOptions {
  /** TLS to the target, when `endpoint` names no scheme (default `true`). */
  secure?: boolean;
  /** The service (default `replication`, the only one). */
  type?: BucketTargetType;
  /** The target's region. */
  region?: string;
  /** Bucket addressing at the target (server default `auto`). */
  path?: BucketTargetPath;
  /** The target's signature API (server default `s3v4`). */
  api?: string;
  /** Bandwidth limit in bytes per second (0: none; MinIO refuses 1 to 99,999,999). */
  bandwidthLimit?: number;
  /** Milliseconds between health checks of the target (0: the server's 5 s). */
  healthCheckDuration?: number;
  /** Replicate synchronously. */
  replicationSync?: boolean;
  /** Do not proxy reads of not-yet-replicated objects to the target. */
  disableProxy?: boolean;
  /** Storage class of the replicas. */
  storageClass?: string;
  /** The target's ARN: set by the server; needed to update a target. */
  arn?: string;
  /** The target receives edge traffic. */
  edge?: boolean;
  /** Replicate to the edge before expiring. */
  edgeSyncBeforeExpiry?: boolean;
}

/**
 * What the server reports about a stored target (from `listRemoteTargets`).
 *
 * @example
 * ```ts
 * import type { BucketTargetState } from "@minio-edge/minio/admin";
 * for (const target of await admin.listRemoteTargets("photos")) {
 *   const state: BucketTargetState | undefined = target.state;
 *   console.log(target.arn, state?.online, state?.latency.average, state?.lastOnline);
 * }
 * ```
 */
export interface BucketTargetState {
  /** The bucket the target belongs to. */
  sourceBucket: string;
  /** The target's deployment id, when known. */
  deploymentId?: string;
  /** Whether the last health check reached the target. */
  online: boolean;
  /** When the target was last seen online. */
  lastOnline?: Date;
  /** Time offline so far, in milliseconds. */
  totalDowntime: number;
  /** How often the target was found offline. */
  offlineCount: number;
  /** Health-check latency in milliseconds: current, average and peak. */
  latency: { current: number; average: number; max: number };
  /** Objects older than this are replicated again (a resync). */
  resetBeforeDate?: Date;
  /** The id of that resync. */
  resetId?: string;
}

/**
 * What {@link BucketTarget.with} can change.
 *
 * @example
 * ```ts
 * import type { BucketTargetChanges } from "@minio-edge/minio/admin";
 * const [target] = await admin.listRemoteTargets("photos");
 * const changes: BucketTargetChanges = {
 *   endpoint: "https://minio-c.example.net",
 *   credentials: { accessKey: "replicator", secretKey: "replicator-secret" },
 * };
 * await admin.updateRemoteTarget("photos", target.with(changes), ["credentials"]);
 * ```
 */
export interface BucketTargetChanges extends BucketTargetOptions {
  /** New endpoint. */
  endpoint?: string;
  /** New target bucket. */
  targetBucket?: string;
  /** New credentials. */
  credentials?: BucketTargetCredentials;
}

const REDACTED = "<redacted>";
const NS_PER_MS = 1_000_000;
const PATHS: readonly string[] = ["auto", "on", "off"];
const STATE = Symbol("server state");
// Go's zero time.Time: the server's "never".
const ZERO_TIME = "0001-01-01T00:00:00Z";

/** `host[:port]` and TLS, from `host[:port]` or an `http(s)://host[:port]` URL. */
function parseEndpoint(endpoint: unknown, secure: unknown): [string, boolean] {
  if (typeof endpoint !== "string" || endpoint === "") {
    throw new InvalidArgumentError("endpoint must be a non-empty string");
  }
  if (secure !== undefined && typeof secure !== "boolean") {
    throw new InvalidArgumentError("secure must be a boolean");
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(endpoint)?.[1].toLowerCase();
  let url: URL;
  try {
    // A bare host:port is read with the scheme `secure` picks, so only that scheme's
    // default port is dropped.
    url = new URL(scheme ? endpoint : `${secure === false ? "http" : "https"}://${endpoint}`);
  } catch {
    throw new InvalidArgumentError(
      `endpoint ${JSON.stringify(endpoint)} is not host[:port] or a URL`,
    );
  }
  if (
    (scheme !== undefined && scheme !== "http" && scheme !== "https") || url.username ||
    url.password || url.pathname !== "/" || url.search || url.hash ||
    (!scheme && endpoint.includes("/"))
  ) {
    throw new InvalidArgumentError(
      `endpoint ${JSON.stringify(endpoint)} must be host[:port] or http(s)://host[:port]`,
    );
  }
  if (scheme && secure !== undefined && secure !== (scheme === "https")) {
    throw new InvalidArgumentError(`secure: ${secure} contradicts the endpoint's ${scheme}://`);
  }
  return [url.host, scheme ? scheme === "https" : secure ?? true];
}

function toCredentials(c: unknown): Credentials {
  const v = (c ?? {}) as { accessKey?: unknown; secretKey?: unknown; sessionToken?: unknown };
  if (typeof v.accessKey !== "string" || v.accessKey === "") {
    throw new InvalidArgumentError("credentials.accessKey must be a non-empty string");
  }
  if (c instanceof Credentials) return c;
  for (const k of ["secretKey", "sessionToken"] as const) {
    if (v[k] !== undefined && typeof v[k] !== "string") {
      throw new InvalidArgumentError(`credentials.${k} must be a string`);
    }
  }
  return new Credentials(v.accessKey, (v.secretKey as string) ?? "", v.sessionToken as string);
}

function checkOptions(o: BucketTargetOptions): void {
  if (o === null || typeof o !== "object") {
    throw new InvalidArgumentError("bucket target options must be an object");
  }
  if (o.type !== undefined && o.type !== "replication") {
    throw new InvalidArgumentError('type must be "replication"');
  }
  if (o.path !== undefined && !PATHS.includes(o.path)) {
    throw new InvalidArgumentError(`path must be one of ${PATHS.join(", ")}`);
  }
  checkOptionalInteger(o.bandwidthLimit, "bandwidthLimit");
  checkOptionalInteger(o.healthCheckDuration, "healthCheckDuration");
  if (o.healthCheckDuration !== undefined && o.healthCheckDuration * NS_PER_MS > 2 ** 53) {
    throw new InvalidArgumentError("healthCheckDuration is too long");
  }
  for (const k of ["region", "api", "storageClass", "arn"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "string") {
      throw new InvalidArgumentError(`${k} must be a string`);
    }
  }
  for (const k of ["replicationSync", "disableProxy", "edge", "edgeSyncBeforeExpiry"] as const) {
    if (o[k] !== undefined && typeof o[k] !== "boolean") {
      throw new InvalidArgumentError(`${k} must be a boolean`);
    }
  }
}

const dateOf = (v: unknown): Date | undefined =>
  typeof v === "string" && v !== "" && v !== ZERO_TIME ? new Date(v) : undefined;
const msOf = (ns: unknown): number => typeof ns === "number" ? ns / NS_PER_MS : 0;

/**
 * A remote target of a bucket: the endpoint and bucket replicas go to, the
 * credentials used there, and replication settings. Give the endpoint as
 * `host[:port]` (TLS by `secure`, default on) or as `http(s)://host[:port]`.
 * The credentials print and serialize with the secret key and session
 * token redacted; only {@link BucketTarget.toDict} (the request body, sent
 * encrypted) holds them.
 *
 * @example
 * ```ts
 * import { BucketTarget } from "@minio-edge/minio/admin";
 * const target = new BucketTarget("http://minio-b.example.net:9000", "backup", {
 *   accessKey: "replicator",
 *   secretKey: "replicator-secret",
 * }, { region: "us-east-1", healthCheckDuration: 10_000 });
 * console.log(JSON.stringify(target)); // secretKey shown as <redacted>
 * ```
 */
export class BucketTarget {
  /** `host[:port]` of the target. */
  readonly endpoint: string;
  /** TLS to the target. */
  readonly secure: boolean;
  /** The bucket replicas go to. */
  readonly targetBucket: string;
  /** Credentials at the target (printed and serialized redacted). */
  readonly credentials: Credentials;
  /** The service (`replication`). */
  readonly type: BucketTargetType;
  /** The target's region. */
  readonly region?: string;
  /** Bucket addressing at the target. */
  readonly path?: BucketTargetPath;
  /** The target's signature API. */
  readonly api?: string;
  /** Bandwidth limit in bytes per second (0: none). */
  readonly bandwidthLimit: number;
  /** Milliseconds between health checks (0: the server's default). */
  readonly healthCheckDuration: number;
  /** Replicate synchronously. */
  readonly replicationSync: boolean;
  /** Do not proxy reads to the target. */
  readonly disableProxy: boolean;
  /** Storage class of the replicas. */
  readonly storageClass?: string;
  /** The target's ARN, once the server made it. */
  readonly arn?: string;
  /** The target receives edge traffic. */
  readonly edge: boolean;
  /** Replicate to the edge before expiring. */
  readonly edgeSyncBeforeExpiry: boolean;
  /** What the server reports (targets from `listRemoteTargets` only). */
  readonly state?: BucketTargetState;

  /** Validates and keeps the target; throws `InvalidArgumentError` on bad input. */
  constructor(
    endpoint: string,
    targetBucket: string,
    credentials: BucketTargetCredentials,
    options: BucketTargetOptions = {},
  ) {
    checkOptions(options);
    [this.endpoint, this.secure] = parseEndpoint(endpoint, options.secure);
    checkBucketName(targetBucket);
    this.targetBucket = targetBucket;
    this.credentials = toCredentials(credentials);
    this.type = options.type ?? "replication";
    this.region = options.region || undefined;
    this.path = options.path;
    this.api = options.api || undefined;
    this.bandwidthLimit = options.bandwidthLimit ?? 0;
    this.healthCheckDuration = options.healthCheckDuration ?? 0;
    this.replicationSync = options.replicationSync ?? false;
    this.disableProxy = options.disableProxy ?? false;
    this.storageClass = options.storageClass || undefined;
    this.arn = options.arn || undefined;
    this.edge = options.edge ?? false;
    this.edgeSyncBeforeExpiry = options.edgeSyncBeforeExpiry ?? false;
    this.state = (options as { [STATE]?: BucketTargetState })[STATE];
  }

  /** Whether the credentials hold a secret key (a listed target's do not). */
  get hasSecretKey(): boolean {
    return this.credentials.secretKey !== "";
  }

  /** A copy with some settings changed (the ARN kept, the server's state dropped). */
  with(changes: BucketTargetChanges): BucketTarget {
    const { endpoint, targetBucket, credentials, ...options } = changes;
    // A new endpoint's scheme decides TLS unless `secure` is given.
    const secure = endpoint === undefined ? this.secure : undefined;
    return new BucketTarget(
      endpoint ?? this.endpoint,
      targetBucket ?? this.targetBucket,
      credentials ?? this.credentials,
      { ...this.#settings(), secure, ...options },
    );
  }

  #settings(): BucketTargetOptions {
    return {
      type: this.type,
      region: this.region,
      path: this.path,
      api: this.api,
      bandwidthLimit: this.bandwidthLimit,
      healthCheckDuration: this.healthCheckDuration,
      replicationSync: this.replicationSync,
      disableProxy: this.disableProxy,
      storageClass: this.storageClass,
      arn: this.arn,
      edge: this.edge,
      edgeSyncBeforeExpiry: this.edgeSyncBeforeExpiry,
    };
  }

  /** The request form (madmin-go's JSON), secret included. */
  toDict(): Record<string, unknown> {
    const c = this.credentials;
    const credentials: Record<string, unknown> = { accessKey: c.accessKey };
    if (c.secretKey) credentials.secretKey = c.secretKey;
    if (c.sessionToken) credentials.sessionToken = c.sessionToken;
    if (c.expiration) credentials.expiration = c.expiration.toISOString();
    const data: Record<string, unknown> = {
      endpoint: this.endpoint,
      secure: this.secure,
      targetbucket: this.targetBucket,
      credentials,
      type: this.type,
      replicationSync: this.replicationSync,
      disableProxy: this.disableProxy,
      edge: this.edge,
      edgeSyncBeforeExpiry: this.edgeSyncBeforeExpiry,
    };
    if (this.region) data.region = this.region;
    if (this.path) data.path = this.path;
    if (this.api) data.api = this.api;
    if (this.bandwidthLimit) data.bandwidthlimit = this.bandwidthLimit;
    // Go's time.Duration: nanoseconds.
    if (this.healthCheckDuration) data.healthCheckDuration = this.healthCheckDuration * NS_PER_MS;
    if (this.storageClass) data.storageclass = this.storageClass;
    if (this.arn) data.arn = this.arn;
    return data;
  }

  /** The JSON form: the settings as properties, the secret key and session token redacted. */
  toJSON(): Record<string, unknown> {
    const c = this.credentials;
    return {
      endpoint: this.endpoint,
      secure: this.secure,
      targetBucket: this.targetBucket,
      credentials: {
        accessKey: c.accessKey,
        secretKey: this.hasSecretKey ? REDACTED : undefined,
        sessionToken: c.sessionToken ? REDACTED : undefined,
      },
      ...this.#settings(),
      state: this.state,
    };
  }

  /** Printed form for Node and Bun's `util.inspect`: secrets redacted. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `BucketTarget ${JSON.stringify(this)}`;
  }

  /** Printed form for Deno's `console.log`: secrets redacted. */
  [Symbol.for("Deno.customInspect")](): string {
    return `BucketTarget ${JSON.stringify(this)}`;
  }

  /** A target from the server's JSON (as `listRemoteTargets` answers). */
  static fromDict(data: Record<string, unknown>): BucketTarget {
    const d = data as Record<string, never>;
    const creds = (d.credentials ?? {}) as { accessKey?: string; sessionToken?: string };
    const latency = (d.latency ?? {}) as Record<string, unknown>;
    const state: BucketTargetState = {
      sourceBucket: d.sourcebucket ?? "",
      deploymentId: d.deploymentID || undefined,
      online: d.isOnline === true,
      lastOnline: dateOf(d.lastOnline),
      totalDowntime: msOf(d.totalDowntime),
      offlineCount: d.offlineCount ?? 0,
      latency: { current: msOf(latency.curr), average: msOf(latency.avg), max: msOf(latency.max) },
      resetBeforeDate: dateOf(d.resetBeforeDate),
      resetId: d.resetID || undefined,
    };
    const options: BucketTargetOptions & { [STATE]: BucketTargetState } = {
      secure: d.secure === true,
      type: d.type || undefined,
      region: d.region,
      path: d.path || undefined,
      api: d.api,
      bandwidthLimit: d.bandwidthlimit,
      healthCheckDuration: Math.round(msOf(d.healthCheckDuration)),
      replicationSync: d.replicationSync,
      disableProxy: d.disableProxy,
      storageClass: d.storageclass,
      arn: d.arn,
      edge: d.edge,
      edgeSyncBeforeExpiry: d.edgeSyncBeforeExpiry,
      [STATE]: state,
    };
    const credentials = { accessKey: creds.accessKey ?? "", sessionToken: creds.sessionToken };
    return new BucketTarget(d.endpoint, d.targetbucket, credentials, options);
  }
}

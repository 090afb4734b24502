/**
 * The data types of site replication, after minio-py's `PeerSite`,
 * `PeerInfo` and `SiteReplicationStatusOptions`, serialized the way the
 * server (madmin-go's structs) reads them.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";
import { checkInteger } from "../../base/validate.ts";

const REDACTED = "<redacted>";

function required(value: unknown, what: string): asserts value is string {
  if (typeof value !== "string" || value === "") {
    throw new InvalidArgumentError(`${what} must be a non-empty string`);
  }
}

/**
 * A deployment to join to site replication: its name, endpoint and admin
 * credentials. The secret key is a private field, so printing the object
 * never shows it, and `JSON.stringify` redacts it; only
 * {@link PeerSite.toDict} (the request body, sent encrypted) holds it.
 *
 * @example
 * ```ts
 * import { PeerSite } from "@minio-edge/minio/admin";
 * const site = new PeerSite("site-b", "https://minio-b.example.net:9000", "admin", "secret");
 * console.log(JSON.stringify(site)); // secretKey shown as <redacted>
 * ```
 */
export class PeerSite {
  /** Site name. */
  readonly name: string;
  /** URL of the deployment. */
  readonly endpoint: string;
  /** Admin access key of the deployment. */
  readonly accessKey: string;
  readonly #secretKey: string;

  /** Validates and keeps the site's description. */
  constructor(name: string, endpoint: string, accessKey: string, secretKey: string) {
    required(name, "name");
    required(endpoint, "endpoint");
    required(accessKey, "accessKey");
    required(secretKey, "secretKey");
    this.name = name;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.#secretKey = secretKey;
  }

  /** The request form, secret included. */
  toDict(): { name: string; endpoints: string; accessKey: string; secretKey: string } {
    return {
      name: this.name,
      endpoints: this.endpoint,
      accessKey: this.accessKey,
      secretKey: this.#secretKey,
    };
  }

  /** The JSON form, with the secret redacted. */
  toJSON(): Record<string, string> {
    return { ...this.toDict(), secretKey: REDACTED };
  }
}

/**
 * Optional fields of a {@link PeerInfo}.
 *
 * @example
 * ```ts
 * import { PeerInfo, type PeerInfoOptions } from "@minio-edge/minio/admin";
 * const options: PeerInfoOptions = { name: "site-b", syncStatus: true };
 * const limit = 100 * 1024 ** 2; // bytes per second per bucket
 * const peer = new PeerInfo("deployment-id", "https://minio-b.example.net", limit, true, options);
 * console.log(peer.toDict().sync); // "enable"
 * ```
 */
export interface PeerInfoOptions {
  /** New site name. */
  name?: string;
  /** Turn synchronous replication on (`true`) or off (`false`). */
  syncStatus?: boolean;
  /** When the bandwidth limit was set. */
  bucketBandwidthUpdatedAt?: Date;
}

/**
 * A site's new settings for `editSiteReplication`: endpoint, name,
 * synchronous replication and the default per-bucket bandwidth limit.
 *
 * @example
 * ```ts
 * import { PeerInfo } from "@minio-edge/minio/admin";
 * const peer = new PeerInfo("deployment-id", "https://minio-b.example.net:9000", 0, false, {
 *   syncStatus: true,
 * });
 * console.log(peer.toDict().sync); // "enable"
 * ```
 */
export class PeerInfo {
  /** The site's deployment id (it identifies the site; the rest may change). */
  readonly deploymentId: string;
  /** The site's endpoint. */
  readonly endpoint: string;
  /** Default bandwidth limit per bucket, bytes per second (0: none). */
  readonly bucketBandwidthLimit: number;
  /** Whether the bandwidth limit is set. */
  readonly bucketBandwidthSet: boolean;
  /** New site name. */
  readonly name?: string;
  /** Synchronous replication on or off. */
  readonly syncStatus?: boolean;
  /** When the bandwidth limit was set. */
  readonly bucketBandwidthUpdatedAt?: Date;

  /** Validates and keeps the settings. */
  constructor(
    deploymentId: string,
    endpoint: string,
    bucketBandwidthLimit: number,
    bucketBandwidthSet: boolean,
    options: PeerInfoOptions = {},
  ) {
    required(deploymentId, "deploymentId");
    required(endpoint, "endpoint");
    checkInteger(bucketBandwidthLimit, "bucketBandwidthLimit");
    if (typeof bucketBandwidthSet !== "boolean") {
      throw new InvalidArgumentError("bucketBandwidthSet must be a boolean");
    }
    const { name, syncStatus, bucketBandwidthUpdatedAt } = options;
    if (name !== undefined) required(name, "name");
    if (syncStatus !== undefined && typeof syncStatus !== "boolean") {
      throw new InvalidArgumentError("syncStatus must be a boolean");
    }
    if (
      bucketBandwidthUpdatedAt !== undefined &&
      !(bucketBandwidthUpdatedAt instanceof Date &&
        !Number.isNaN(bucketBandwidthUpdatedAt.getTime()))
    ) {
      throw new InvalidArgumentError("bucketBandwidthUpdatedAt must be a valid Date");
    }
    this.deploymentId = deploymentId;
    this.endpoint = endpoint;
    this.bucketBandwidthLimit = bucketBandwidthLimit;
    this.bucketBandwidthSet = bucketBandwidthSet;
    this.name = name;
    this.syncStatus = syncStatus;
    this.bucketBandwidthUpdatedAt = bucketBandwidthUpdatedAt;
  }

  /** The request form (madmin-go's `PeerInfo`). */
  toDict(): Record<string, unknown> {
    const bandwidth: Record<string, unknown> = {
      bandwidthLimitPerBucket: this.bucketBandwidthLimit,
      set: this.bucketBandwidthSet,
    };
    if (this.bucketBandwidthUpdatedAt) {
      bandwidth.updatedAt = this.bucketBandwidthUpdatedAt.toISOString();
    }
    const data: Record<string, unknown> = {
      endpoint: this.endpoint,
      deploymentID: this.deploymentId,
      defaultbandwidth: bandwidth,
    };
    if (this.name) data.name = this.name;
    if (this.syncStatus !== undefined) data.sync = this.syncStatus ? "enable" : "disable";
    return data;
  }
}

/**
 * What a site replication status can be narrowed to.
 *
 * @example
 * ```ts
 * import { type SiteReplicationEntity, SiteReplicationStatusOptions } from "@minio-edge/minio/admin";
 * const entity: SiteReplicationEntity = "user";
 * const status = await admin.getSiteReplicationStatus(
 *   new SiteReplicationStatusOptions({ entity, entityValue: "alice" }),
 * );
 * ```
 */
export type SiteReplicationEntity = "bucket" | "policy" | "user" | "group";

/**
 * Fields of {@link SiteReplicationStatusOptions}.
 *
 * @example
 * ```ts
 * import {
 *   type SiteReplicationStatusFields,
 *   SiteReplicationStatusOptions,
 * } from "@minio-edge/minio/admin";
 * const fields: SiteReplicationStatusFields = { buckets: true, policies: true, metrics: true };
 * const status = await admin.getSiteReplicationStatus(new SiteReplicationStatusOptions(fields));
 * ```
 */
export interface SiteReplicationStatusFields {
  /** Report buckets. */
  buckets?: boolean;
  /** Report policies. */
  policies?: boolean;
  /** Report users. */
  users?: boolean;
  /** Report groups. */
  groups?: boolean;
  /** Report replication metrics. */
  metrics?: boolean;
  /** Include deleted entities. */
  showDeleted?: boolean;
  /** Report only this kind of entity ... */
  entity?: SiteReplicationEntity;
  /** ... with this name. */
  entityValue?: string;
}

/**
 * What `getSiteReplicationStatus` reports. With nothing selected the server
 * reports buckets, users, groups and policies.
 *
 * @example
 * ```ts
 * import { SiteReplicationStatusOptions } from "@minio-edge/minio/admin";
 * const opts = new SiteReplicationStatusOptions({ entity: "bucket", entityValue: "photos" });
 * console.log(opts.toQueryParams());
 * ```
 */
export class SiteReplicationStatusOptions {
  /** The entity kinds, as minio-py's `ENTITY_TYPE` names them. */
  static readonly ENTITY_TYPE = {
    BUCKET: "bucket",
    POLICY: "policy",
    USER: "user",
    GROUP: "group",
  } as const;

  /** The selection. */
  readonly fields: Readonly<SiteReplicationStatusFields>;

  /** Validates and keeps the selection. */
  constructor(fields: SiteReplicationStatusFields = {}) {
    const entities: readonly string[] = Object.values(SiteReplicationStatusOptions.ENTITY_TYPE);
    if (fields.entity !== undefined && !entities.includes(fields.entity)) {
      throw new InvalidArgumentError(`entity must be one of ${entities.join(", ")}`);
    }
    if (fields.entityValue !== undefined) required(fields.entityValue, "entityValue");
    this.fields = { ...fields };
  }

  /** The query parameters the server reads. */
  toQueryParams(): [string, string][] {
    const f = this.fields;
    const params: [string, string][] = [
      ["buckets", String(!!f.buckets)],
      ["policies", String(!!f.policies)],
      ["users", String(!!f.users)],
      ["groups", String(!!f.groups)],
      ["metrics", String(!!f.metrics)],
      ["showDeleted", String(!!f.showDeleted)],
    ];
    if (f.entity && f.entityValue) {
      params.push(["entity", f.entity], ["entityvalue", f.entityValue]);
    }
    return params;
  }
}

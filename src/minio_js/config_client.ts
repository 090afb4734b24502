/**
 * minio-js 8's `Client`, part 2 (part 1 is base_client.ts, part 3
 * client.ts): single listing pages, the lifecycle, replication and
 * notification configurations in minio-js's object forms, S3 Select,
 * listening for events, request options and the bucket region.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { getBucketLocation } from "../s3/bucket/bucket_location.ts";
import { listenBucketNotification } from "../s3/bucket/listen_bucket_notification.ts";
import { listObjectsPage } from "../s3/list/list_page.ts";
import type { ObjectInfo as Listed } from "../s3/list/list_entries.ts";
import { BaseClient, type BucketItem, coreOf, only, ownFetch, transports } from "./base_client.ts";
import type { LifecycleConfig, ReplicationConfigOpts } from "./bucket_configs.ts";
import type { NotificationConfig, NotificationConfigResult } from "./notification.ts";
import { NotificationPoller } from "./notification_poller.ts";
import type { SelectOptions, SelectResults } from "./select_results.ts";
import { type TlsFetch, tlsFetch } from "./request_options.ts";

/**
 * An entry of minio-js's `listObjectsQuery` page: an object (with its
 * version fields when versions are listed) or a common prefix.
 *
 * @example
 * ```ts
 * import { Client, type ObjectInfo } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const page = await client.listObjectsQuery("photos", "", "", { Delimiter: "/", MaxKeys: 100 });
 * for (const o of page.objects as ObjectInfo[]) console.log(o.name ?? o.prefix);
 * ```
 */
export interface ObjectInfo extends BucketItem {
  /** Version id, when versions are listed. */
  versionId?: string;
  /** Whether this is the current version, when versions are listed. */
  isLatest?: boolean;
  /** Whether this is a delete marker, when versions are listed. */
  isDeleteMarker?: boolean;
}

/**
 * One page of minio-js's `listObjectsQuery`.
 *
 * @example
 * ```ts
 * import { Client, type ListObjectQueryRes } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const page: ListObjectQueryRes = await client.listObjectsQuery("photos", "", "", { Delimiter: "", MaxKeys: 10 });
 * if (page.isTruncated) await client.listObjectsQuery("photos", "", page.nextMarker, { Delimiter: "", MaxKeys: 10 });
 * ```
 */
export interface ListObjectQueryRes {
  /** Objects (or versions) and prefixes. */
  objects: ObjectInfo[];
  /** Whether another page follows. */
  isTruncated: boolean;
  /** Where the next page starts (V1 listing, when truncated). */
  nextMarker?: string;
  /** The next page's `keyMarker` (versions, when truncated). */
  keyMarker?: string;
  /** The next page's `versionIdMarker` (versions, when truncated). */
  versionIdMarker?: string;
}

function entry(o: Listed): ObjectInfo {
  if (o.isDir) return { prefix: o.name, size: 0 };
  const out: ObjectInfo = {
    name: o.name,
    lastModified: o.lastModified,
    etag: o.etag,
    size: o.size,
  };
  if (o.versionId !== undefined) {
    Object.assign(out, {
      versionId: o.versionId,
      isLatest: o.isLatest,
      isDeleteMarker: o.isDeleteMarker,
    });
  }
  return out;
}

/** The second part of the minio-js `Client` (see client.ts). */
export class ConfigClient extends BaseClient {
  /**
   * One page of ListObjects V1 (ListObjectVersions with `IncludeVersion`),
   * from `marker` (`keyMarker` / `versionIdMarker` for versions).
   * `MaxKeys` above 1000 asks for 1000; 0 or none, the server's default.
   *
   * @example
   * ```ts
   * let marker = "";
   * for (;;) {
   *   const page = await client.listObjectsQuery("photos", "2024/", marker, { Delimiter: "/", MaxKeys: 100 });
   *   for (const o of page.objects) console.log(o.name ?? o.prefix);
   *   if (!page.isTruncated) break;
   *   marker = page.nextMarker!;
   * }
   * ```
   */
  async listObjectsQuery(
    bucket: string,
    prefix = "",
    marker = "",
    listQueryOpts?: {
      Delimiter?: string;
      MaxKeys?: number;
      IncludeVersion?: boolean;
      keyMarker?: string;
      versionIdMarker?: string;
    },
  ): Promise<ListObjectQueryRes> {
    const o = only(listQueryOpts, [
      "Delimiter",
      "MaxKeys",
      "IncludeVersion",
      "keyMarker",
      "versionIdMarker",
    ], "listQueryOpts");
    const common = { prefix, delimiter: o.Delimiter, maxKeys: maxKeys(o.MaxKeys) };
    if (o.IncludeVersion) {
      const page = await listObjectsPage(coreOf(this), bucket, "versions", {
        ...common,
        keyMarker: o.keyMarker || undefined,
        versionIdMarker: o.versionIdMarker || undefined,
      });
      return {
        objects: page.entries.map(entry),
        isTruncated: page.isTruncated,
        keyMarker: page.nextKeyMarker,
        versionIdMarker: page.nextVersionIdMarker,
      };
    }
    if (o.keyMarker || o.versionIdMarker) {
      throw new InvalidArgumentError("keyMarker and versionIdMarker go with IncludeVersion: true");
    }
    const page = await listObjectsPage(coreOf(this), bucket, "v1", {
      ...common,
      marker: marker || undefined,
    });
    return {
      objects: page.entries.map(entry),
      isTruncated: page.isTruncated,
      nextMarker: page.nextMarker,
    };
  }

  /**
   * One page of ListObjectsV2: `{ objects, isTruncated, nextContinuationToken }`
   * (the token is `""` on the last page).
   *
   * @example
   * ```ts
   * let token = "";
   * do {
   *   const page = await client.listObjectsV2Query("photos", "", token, "/", 1000, "");
   *   for (const o of page.objects) console.log(o.name ?? o.prefix);
   *   token = page.nextContinuationToken;
   * } while (token);
   * ```
   */
  async listObjectsV2Query(
    bucket: string,
    prefix = "",
    continuationToken = "",
    delimiter = "",
    maxKeysWanted = 0,
    startAfter = "",
  ): Promise<{ objects: BucketItem[]; isTruncated: boolean; nextContinuationToken: string }> {
    const page = await listObjectsPage(coreOf(this), bucket, "v2", {
      prefix,
      delimiter,
      maxKeys: maxKeys(maxKeysWanted),
      continuationToken: continuationToken || undefined,
      startAfter: startAfter || undefined,
    });
    return {
      objects: page.entries.map(entry),
      isTruncated: page.isTruncated,
      nextContinuationToken: page.nextContinuationToken ?? "",
    };
  }

  /**
   * Sets the bucket's lifecycle from minio-js's `{ Rule: [...] }` (S3's
   * element names); `null` or `""` removes it. An element this SDK does not
   * read is refused, naming its path.
   *
   * @example
   * ```ts
   * await client.setBucketLifecycle("logs", {
   *   Rule: [{ ID: "expire", Status: "Enabled", Filter: { Prefix: "tmp/" }, Expiration: { Days: 7 } }],
   * });
   * ```
   */
  async setBucketLifecycle(
    bucket: string,
    lifecycleConfig: LifecycleConfig | null | "",
  ): Promise<void> {
    return await (await configs()).setLifecycle(coreOf(this), bucket, lifecycleConfig);
  }

  /**
   * The lifecycle as minio-js gives it (`{ Rule: [...] }`, numbers as
   * numbers), or `null` when the bucket has none.
   *
   * @example
   * ```ts
   * const config = await client.getBucketLifecycle("logs");
   * console.log(config?.Rule[0].Expiration);
   * ```
   */
  async getBucketLifecycle(bucket: string): Promise<LifecycleConfig | null> {
    return await (await configs()).lifecycle(coreOf(this), bucket);
  }

  /**
   * Sets replication from minio-js's `{ role, rules: [...] }` (each rule in
   * S3's element names). On MinIO the bucket needs versioning and a remote
   * target, whose ARN goes in `Destination.Bucket`.
   *
   * @example
   * ```ts
   * await client.setBucketReplication("photos", {
   *   role: "",
   *   rules: [{
   *     ID: "backup", Status: "Enabled", Priority: 1, Filter: { Prefix: "" },
   *     DeleteMarkerReplication: { Status: "Disabled" },
   *     Destination: { Bucket: "arn:minio:replication::id:backup" },
   *   }],
   * });
   * ```
   */
  async setBucketReplication(
    bucket: string,
    replicationConfig: ReplicationConfigOpts,
  ): Promise<void> {
    return await (await configs()).setReplication(coreOf(this), bucket, replicationConfig);
  }

  /**
   * `{ ReplicationConfiguration: { role, rules } }`, or `null` when none.
   *
   * @example
   * ```ts
   * const config = await client.getBucketReplication("photos");
   * console.log(config?.ReplicationConfiguration.rules[0].Destination);
   * ```
   */
  async getBucketReplication(
    bucket: string,
  ): Promise<{ ReplicationConfiguration: ReplicationConfigOpts } | null> {
    return await (await configs()).replication(coreOf(this), bucket);
  }

  /**
   * Replaces the bucket's notification targets with those of a
   * {@link NotificationConfig} (an empty one removes them all).
   *
   * @example
   * ```ts
   * import { buildARN, NotificationConfig, ObjectCreatedAll, QueueConfig } from "@minio-edge/minio/minio-js";
   * const config = new NotificationConfig();
   * const queue = new QueueConfig(buildARN("minio", "sqs", "", "PRIMARY", "webhook"));
   * queue.addEvent(ObjectCreatedAll);
   * queue.addFilterSuffix(".jpg");
   * config.add(queue);
   * await client.setBucketNotification("photos", config);
   * ```
   */
  async setBucketNotification(bucket: string, config: NotificationConfig): Promise<void> {
    await (await notifications()).setNotification(coreOf(this), bucket, config);
  }

  /**
   * The notification targets: `{ TopicConfiguration, QueueConfiguration,
   * CloudFunctionConfiguration }`, each `[{ Id, Queue | Topic | CloudFunction, Event, Filter }]`.
   *
   * @example
   * ```ts
   * const config = await client.getBucketNotification("photos");
   * for (const q of config.QueueConfiguration) console.log(q.Queue, q.Event);
   * ```
   */
  async getBucketNotification(bucket: string): Promise<NotificationConfigResult> {
    return await (await notifications()).notification(coreOf(this), bucket);
  }

  /**
   * Runs an S3 Select query; the records and the stats arrive whole before
   * the promise settles, as in minio-js.
   *
   * @example
   * ```ts
   * const res = await client.selectObjectContent("data", "people.csv", {
   *   expression: "SELECT * FROM s3object s where s.\"Name\" = 'Jane'",
   *   expressionType: "SQL",
   *   inputSerialization: { CSV: { FileHeaderInfo: "Use", RecordDelimiter: "\n", FieldDelimiter: "," }, CompressionType: "NONE" },
   *   outputSerialization: { CSV: { RecordDelimiter: "\n", FieldDelimiter: "," } },
   *   requestProgress: { Enabled: true },
   * });
   * res.getRecords().pipe(process.stdout);
   * ```
   */
  async selectObjectContent(
    bucket: string,
    name: string,
    selectOpts: SelectOptions,
  ): Promise<SelectResults> {
    const { selectResults } = await import("./select.ts");
    return await selectResults(coreOf(this), bucket, name, selectOpts);
  }

  /**
   * Listens for the bucket's events (MinIO): a poller emitting
   * `notification` per event record and `error`, until `stop()`.
   *
   * @example
   * ```ts
   * const listener = client.listenBucketNotification("photos", "uploads/", ".jpg", ["s3:ObjectCreated:*"]);
   * listener.on("notification", (record) => {
   *   console.log("%s event occurred (%s)", record.eventName, record.eventTime);
   *   listener.stop();
   * });
   * ```
   */
  listenBucketNotification(
    bucket: string,
    prefix: string,
    suffix: string,
    events: string[],
  ): NotificationPoller {
    const core = coreOf(this);
    const open = () => listenBucketNotification(core, bucket, prefix, suffix, events);
    const poller = new NotificationPoller(open(), open);
    poller.start();
    return poller;
  }

  /**
   * Takes minio-js's TLS request options where this runtime can honour
   * them: `ca`, `cert` and `key` on Deno, Bun and Node (over `node:https`);
   * refused in workerd and browsers. Every other key (`agent`,
   * `rejectUnauthorized: false`, ...) is refused with why. `{}` goes back to
   * the default (and releases what Deno's HTTP client or Node's Agent holds).
   *
   * @example
   * ```ts
   * client.setRequestOptions({ ca: await Deno.readTextFile("/etc/minio/ca.crt") });
   * ```
   */
  setRequestOptions(options: Record<string, unknown>): void {
    if (ownFetch.has(this)) {
      throw new InvalidArgumentError(
        "setRequestOptions: this client was made with a fetch of its own; set TLS there",
      );
    }
    const next = tlsFetch(options);
    releasers.get(this)?.close();
    if (next) {
      transports.set(this, next.fetch);
      releasers.set(this, next);
    } else {
      transports.delete(this);
      releasers.delete(this);
    }
  }

  /**
   * The bucket's region: the client's `region` when it has one, else the
   * server's answer (cached).
   *
   * @example
   * ```ts
   * console.log(await client.getBucketRegionAsync("photos")); // "us-east-1"
   * ```
   */
  getBucketRegionAsync(bucket: string): Promise<string> {
    return getBucketLocation(coreOf(this), bucket);
  }

  /**
   * Refused: this client's credentials are set when it is made; give
   * `credentialsProvider` (or `accessKey` / `secretKey`) to the constructor.
   *
   * @example
   * ```ts
   * await client.setCredentialsProvider(provider); // rejects with an InvalidArgumentError
   * ```
   */
  setCredentialsProvider(_provider: object): Promise<void> {
    return Promise.reject(
      new InvalidArgumentError(
        "setCredentialsProvider is not supported: a client's credentials are set when it is " +
          "made; give credentialsProvider to the constructor",
      ),
    );
  }

  /**
   * Refused: S3 Transfer Acceleration is an Amazon S3 endpoint this client
   * does not switch to (as the `s3AccelerateEndpoint` option).
   *
   * @example
   * ```ts
   * client.setS3TransferAccelerate("s3-accelerate.amazonaws.com"); // InvalidArgumentError
   * ```
   */
  setS3TransferAccelerate(endPoint: string): never {
    throw new InvalidArgumentError(
      `setS3TransferAccelerate(${JSON.stringify(endPoint)}): S3 Transfer Acceleration is ` +
        "not supported by this client; give the accelerate endpoint as endPoint instead",
    );
  }
}

const releasers = new WeakMap<object, TlsFetch>();

// Loaded on first use, as Minio's rare paths are: the configuration classes
// and their XML are most of what these methods weigh.
const configs = () => import("./bucket_configs.ts");
const notifications = () => import("./notification_map.ts");

/** minio-js's `MaxKeys`: above 1000 is 1000, 0 or none the server's default. */
function maxKeys(n: number | undefined): number | undefined {
  if (n === undefined || n === 0) return undefined;
  return typeof n === "number" && n > 1000 ? 1000 : n;
}

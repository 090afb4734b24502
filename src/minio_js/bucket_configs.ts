/**
 * minio-js's plain-object forms of the lifecycle and replication
 * configurations (XML written as objects, see xml_object.ts), read into and
 * out of this SDK's `LifecycleConfig` and `ReplicationConfig`, which check
 * them and write the XML.
 *
 * @module
 */

import type { MinioCore } from "../core/core.ts";
import { InvalidArgumentError } from "../base/errors.ts";
import { parseXml } from "../xml/parse.ts";
import { LifecycleConfig as Lifecycle } from "../config/lifecycle.ts";
import { ReplicationConfig } from "../config/replication.ts";
import {
  deleteBucketLifecycle,
  getBucketLifecycle,
  setBucketLifecycle,
} from "../s3/bucket/bucket_lifecycle.ts";
import { getBucketReplication, setBucketReplication } from "../s3/bucket/bucket_replication.ts";
import { toElement, toObject, unreadKey, type XmlObject } from "./xml_object.ts";
import { only } from "./base_client.ts";

/**
 * minio-js's `LifecycleConfig`: the rules of a bucket's lifecycle, with
 * S3's element names (`ID`, `Status`, `Filter`, `Expiration`, `Transition`,
 * `NoncurrentVersionExpiration`, `AbortIncompleteMultipartUpload`, ...).
 *
 * @example
 * ```ts
 * import { Client, type LifecycleConfig } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const config: LifecycleConfig = {
 *   Rule: [{ ID: "expire-logs", Status: "Enabled", Filter: { Prefix: "logs/" }, Expiration: { Days: 30 } }],
 * };
 * await client.setBucketLifecycle("photos", config);
 * ```
 */
export interface LifecycleConfig {
  /** The rules, each an object of S3's `<Rule>` elements. */
  Rule: Record<string, unknown>[];
}

/**
 * minio-js's replication configuration: the role and the rules, each an
 * object of S3's `<Rule>` elements (`ID`, `Status`, `Priority`, `Filter`,
 * `Destination`, `DeleteMarkerReplication`, ...).
 *
 * @example
 * ```ts
 * import { Client, type ReplicationConfigOpts } from "@minio-edge/minio/minio-js";
 * const client = new Client({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const config: ReplicationConfigOpts = {
 *   role: "",
 *   rules: [{
 *     ID: "backup", Status: "Enabled", Priority: 1,
 *     DeleteMarkerReplication: { Status: "Disabled" }, Filter: { Prefix: "" },
 *     Destination: { Bucket: "arn:minio:replication::id:backup" },
 *   }],
 * };
 * await client.setBucketReplication("photos", config);
 * ```
 */
export interface ReplicationConfigOpts {
  /** The IAM role (MinIO: empty, or the remote target's ARN). */
  role: string;
  /** The rules. */
  rules: Record<string, unknown>[];
}

/** Reads `given` as the element `root` with `fromXml`, refusing what it did not read. */
function readConfig<T extends { toXml(): string }>(
  root: string,
  given: XmlObject,
  fromXml: (el: ReturnType<typeof toElement>) => T,
  what: string,
): T {
  const config = fromXml(toElement(root, given, what));
  const missed = unreadKey(given, toObject(parseXml(config.toXml())), what);
  if (missed) {
    throw new InvalidArgumentError(`${missed} is not an element of ${root} this SDK knows`);
  }
  return config;
}

/** Sets the lifecycle from minio-js's config; `null`, `""` or `{}` removes it, as in minio-js. */
export async function setLifecycle(
  core: MinioCore,
  bucket: string,
  lifecycleConfig: LifecycleConfig | null | "",
): Promise<void> {
  if (
    lifecycleConfig === null || lifecycleConfig === "" ||
    (typeof lifecycleConfig === "object" && !Object.keys(lifecycleConfig).length)
  ) {
    return await deleteBucketLifecycle(core, bucket);
  }
  const { Rule } = only(lifecycleConfig, ["Rule"], "lifecycleConfig");
  if (!Array.isArray(Rule)) throw new InvalidArgumentError("lifecycleConfig.Rule must be an array");
  const config = readConfig(
    "LifecycleConfiguration",
    { Rule },
    Lifecycle.fromXml,
    "lifecycleConfig",
  );
  await setBucketLifecycle(core, bucket, config);
}

/** The lifecycle in minio-js's form, or `null` when the bucket has none. */
export async function lifecycle(core: MinioCore, bucket: string): Promise<LifecycleConfig | null> {
  const config = await getBucketLifecycle(core, bucket);
  return config && toObject(parseXml(config.toXml()), ["Rule"]) as unknown as LifecycleConfig;
}

/** Sets replication from minio-js's `{ role, rules }`. */
export async function setReplication(
  core: MinioCore,
  bucket: string,
  replicationConfig: ReplicationConfigOpts,
): Promise<void> {
  const { role = "", rules } = only(replicationConfig, ["role", "rules"], "replicationConfig");
  if (typeof role !== "string") {
    throw new InvalidArgumentError("replicationConfig.role must be a string");
  }
  if (!Array.isArray(rules) || !rules.length) {
    throw new InvalidArgumentError("replicationConfig.rules must be an array of at least one rule");
  }
  const given: XmlObject = role ? { Role: role, Rule: rules } : { Rule: rules };
  const config = readConfig(
    "ReplicationConfiguration",
    given,
    ReplicationConfig.fromXml,
    "replicationConfig",
  );
  await setBucketReplication(core, bucket, config);
}

/**
 * The replication configuration as minio-js answers it,
 * `{ ReplicationConfiguration: { role, rules } }`, or `null` when none.
 */
export async function replication(
  core: MinioCore,
  bucket: string,
): Promise<{ ReplicationConfiguration: ReplicationConfigOpts } | null> {
  const config = await getBucketReplication(core, bucket);
  if (!config) return null;
  const { Rule } = toObject(parseXml(config.toXml()), ["Rule"]);
  return { ReplicationConfiguration: { role: config.role, rules: Rule as XmlObject[] } };
}

/**
 * Bucket policies (JSON documents): PutBucketPolicy, GetBucketPolicy,
 * DeleteBucketPolicy.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { InvalidArgumentError } from "../../base/errors.ts";
import {
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

/**
 * One statement of a bucket policy, in the IAM policy language.
 *
 * @example
 * ```ts
 * import { Minio, type PolicyStatement } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const publicRead: PolicyStatement = {
 *   Effect: "Allow", Principal: { AWS: ["*"] },
 *   Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/public/*"],
 * };
 * await client.setBucketPolicy("photos", { Version: "2012-10-17", Statement: [publicRead] });
 * ```
 */
export interface PolicyStatement {
  /** Statement id. */
  Sid?: string;
  /** `Allow` or `Deny`. */
  Effect: "Allow" | "Deny";
  /** Who: `{ AWS: ["*"] }`, `"*"`, ... */
  Principal?: unknown;
  /** Actions such as `s3:GetObject`. */
  Action?: string | string[];
  /** ARNs such as `arn:aws:s3:::bucket/*`. */
  Resource?: string | string[];
  /** Conditions by operator and key. */
  Condition?: Record<string, Record<string, unknown>>;
  /** Other IAM elements (`NotAction`, `NotPrincipal`, ...). */
  [element: string]: unknown;
}

/**
 * A bucket policy document.
 *
 * @example
 * ```ts
 * import { type BucketPolicy, Minio } from "@minio-edge/minio";
 * const client = new Minio({ endPoint: "127.0.0.1", port: 9000, useSSL: false, accessKey: "minioadmin", secretKey: "minioadmin" });
 * const policy: BucketPolicy = { Version: "2012-10-17", Statement: [{
 *   Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::photos/*",
 * }] };
 * await client.setBucketPolicy("photos", policy);
 * const stored: BucketPolicy = JSON.parse(await client.getBucketPolicy("photos"));
 * console.log(stored.Statement[0].Effect); // "Allow"
 * ```
 */
export interface BucketPolicy {
  /** Policy language version, `2012-10-17`. */
  Version?: string;
  /** Policy id. */
  Id?: string;
  /** The statements. */
  Statement: PolicyStatement[];
  /** Other top-level elements. */
  [element: string]: unknown;
}

/** The policy as the JSON text sent, checked to be a JSON object. */
function policyJson(policy: string | BucketPolicy): string {
  if (typeof policy === "string") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(policy);
    } catch (e) {
      throw new InvalidArgumentError(`policy is not valid JSON: ${(e as Error).message}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new InvalidArgumentError("policy must be a JSON object");
    }
    return policy;
  }
  if (policy === null || typeof policy !== "object" || Array.isArray(policy)) {
    throw new InvalidArgumentError("policy must be a JSON string or a policy object");
  }
  return JSON.stringify(policy);
}

const POLICY: ConfigResource<string | BucketPolicy, string> = {
  key: "policy",
  document: policyJson,
  parse: (json) => json,
};

/**
 * Sets a bucket's policy from JSON text or a policy object (minio-py
 * `set_bucket_policy`); the JSON is checked before sending.
 *
 * @example
 * ```ts
 * await client.setBucketPolicy("photos", {
 *   Version: "2012-10-17",
 *   Statement: [{
 *     Effect: "Allow",
 *     Principal: { AWS: ["*"] },
 *     Action: ["s3:GetObject"],
 *     Resource: ["arn:aws:s3:::photos/public/*"],
 *   }],
 * });
 * ```
 */
export function setBucketPolicy(
  core: MinioCore,
  bucket: string,
  policy: string | BucketPolicy,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, POLICY, bucket, undefined, policy, options);
}

/**
 * The policy of a bucket as the JSON text the server stores (MinIO
 * normalizes it). As in minio-py, a bucket without a policy is an error
 * (`NoSuchBucketPolicy`).
 *
 * @example
 * ```ts
 * import type { BucketPolicy } from "@minio-edge/minio";
 * const policy: BucketPolicy = JSON.parse(await client.getBucketPolicy("photos"));
 * console.log(policy.Statement.length);
 * ```
 */
export function getBucketPolicy(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<string> {
  return getConfig(core, POLICY, bucket, undefined, options);
}

/**
 * Removes a bucket's policy (minio-py `delete_bucket_policy`).
 *
 * @example
 * ```ts
 * await client.deleteBucketPolicy("photos");
 * ```
 */
export function deleteBucketPolicy(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, POLICY, bucket, undefined, options);
}

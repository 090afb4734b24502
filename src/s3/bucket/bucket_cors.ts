/**
 * Bucket CORS: PutBucketCors, GetBucketCors, DeleteBucketCors.
 *
 * MinIO (as of the release this SDK is tested against) does not implement
 * PutBucketCors or DeleteBucketCors: it answers `NotImplemented` (HTTP
 * 501), and GetBucketCors always answers `NoSuchCORSConfiguration`; it
 * allows any origin on its own (see MinIO's `api cors_allow_origin`
 * setting). The calls work against Amazon S3 and other S3 servers.
 *
 * @module
 */

import type { MinioCore, RequestOptions } from "../../core/core.ts";
import { CORSConfig } from "../../config/cors.ts";
import {
  classDocument,
  type ConfigResource,
  deleteConfig,
  getConfig,
  setConfig,
} from "../common/config_request.ts";

const BUCKET_CORS: ConfigResource<CORSConfig, CORSConfig | null> = {
  key: "cors",
  document: (config) => classDocument(config, CORSConfig, "a CORSConfig"),
  parse: (xml) => CORSConfig.fromXml(xml),
  none: { codes: ["NoSuchCORSConfiguration"], value: null },
};

/**
 * Replaces the CORS configuration of a bucket (minio-py `set_bucket_cors`).
 * MinIO answers `NotImplemented` (an `S3Error`, status 501): it does not
 * keep per-bucket CORS rules.
 *
 * @example
 * ```ts
 * import { CORSConfig } from "@minio-edge/minio";
 * await client.setBucketCors("photos", CORSConfig.forBrowserUploads(["https://app.example.com"]));
 * ```
 */
export function setBucketCors(
  core: MinioCore,
  bucket: string,
  config: CORSConfig,
  options: RequestOptions = {},
): Promise<void> {
  return setConfig(core, BUCKET_CORS, bucket, undefined, config, options);
}

/**
 * Reads the CORS configuration of a bucket (minio-py `get_bucket_cors`);
 * `null` when it has none, which is always MinIO's answer.
 *
 * @example
 * ```ts
 * const config = await client.getBucketCors("photos");
 * console.log(config?.rules.length ?? "no CORS rules");
 * ```
 */
export function getBucketCors(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<CORSConfig | null> {
  return getConfig(core, BUCKET_CORS, bucket, undefined, options);
}

/**
 * Removes the CORS configuration of a bucket (S3 DeleteBucketCors; minio-py
 * `delete_bucket_cors`). MinIO answers `NotImplemented` (an `S3Error`,
 * status 501).
 *
 * @example
 * ```ts
 * await client.deleteBucketCors("photos");
 * ```
 */
export function deleteBucketCors(
  core: MinioCore,
  bucket: string,
  options: RequestOptions = {},
): Promise<void> {
  return deleteConfig(core, BUCKET_CORS, bucket, undefined, options);
}

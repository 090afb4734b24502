/**
 * A minio-js-compatible entry: `Client` with minio-js 8's method names,
 * argument orders and results, over the same operations as `Minio`. For
 * code moving from minio-js: change the import, keep the calls (see
 * docs/migration-minio-js.md). Stream results are Node `Readable`s on
 * Node, Bun and Deno (`node:stream`, loaded when first needed) and web
 * `ReadableStream`s on Workers and in browsers.
 *
 * @example
 * ```ts
 * import { Client } from "@minio-edge/minio/minio-js";
 * const client = new Client({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * await client.makeBucket("photos", "us-east-1");
 * await client.putObject("photos", "hello.txt", "Hello", undefined, { "Content-Type": "text/plain" });
 * ```
 *
 * @module
 */

export { type BucketItemWithMetadata, Client } from "./src/minio_js/client.ts";
export {
  type BucketItem,
  type BucketItemStat,
  type MinioJsClientOptions,
} from "./src/minio_js/base_client.ts";
export { PostPolicy } from "./src/minio_js/post_policy.ts";
export { AssumeRoleProvider } from "./src/minio_js/assume_role.ts";
export { IamAwsProvider } from "./src/minio_js/iam_aws.ts";
export {
  DEFAULT_REGION,
  ENCRYPTION_TYPES,
  LEGAL_HOLD_STATUS,
  PRESIGN_EXPIRY_DAYS_MAX,
  RETENTION_MODES,
  RETENTION_VALIDITY_UNITS,
} from "./src/minio_js/constants.ts";
export { InvalidArgumentError, S3Error } from "./src/base/errors.ts";
export type { EncryptionConfig, ObjectLockInfo } from "./src/minio_js/configs.ts";
export { CopyConditions, CopyDestinationOptions, CopySourceOptions } from "./src/minio_js/copy.ts";
export type { NodeReadable } from "./src/minio_js/streams.ts";
export type { ListObjectQueryRes, ObjectInfo } from "./src/minio_js/config_client.ts";
export type { LifecycleConfig, ReplicationConfigOpts } from "./src/minio_js/bucket_configs.ts";
export {
  buildARN,
  CloudFunctionConfig,
  type FilterRule,
  NotificationConfig,
  type NotificationConfigResult,
  ObjectCreatedAll,
  ObjectCreatedCompleteMultipartUpload,
  ObjectCreatedCopy,
  ObjectCreatedPost,
  ObjectCreatedPut,
  ObjectReducedRedundancyLostObject,
  ObjectRemovedAll,
  ObjectRemovedDelete,
  ObjectRemovedDeleteMarkerCreated,
  QueueConfig,
  TargetConfig,
  TopicConfig,
} from "./src/minio_js/notification.ts";
export {
  type Listener,
  NotificationPoller,
  TinyEmitter,
} from "./src/minio_js/notification_poller.ts";
export { type SelectOptions, SelectResults } from "./src/minio_js/select_results.ts";
export type { RequestTlsOptions } from "./src/minio_js/request_options.ts";

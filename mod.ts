/**
 * An edge-first MinIO / Amazon S3 SDK: one ESM module on Deno, Bun, Node,
 * Cloudflare Workers and browsers, built on `fetch`, Web Streams and Web
 * Crypto. Where a runtime has a faster native facility it is loaded lazily:
 * SigV4 hashes with `node:crypto` on Node and `Bun.CryptoHasher` on Bun
 * (measured 3-4x faster signing), and the file helpers use the runtime's
 * file system. The admin client is the `./admin` subpath.
 *
 * @example
 * ```ts
 * import { Minio } from "@minio-edge/minio";
 * const client = new Minio({
 *   endPoint: "127.0.0.1", port: 9000, useSSL: false,
 *   accessKey: "minioadmin", secretKey: "minioadmin",
 * });
 * await client.makeBucket("my-bucket");
 * await client.putObject("my-bucket", "hello.txt", "Hello, world");
 * for await (const o of client.listObjects("my-bucket")) console.log(o.name);
 * ```
 *
 * @module
 */

// The client, and the option and result types of its methods (generated with it).
export * from "./src/s3/client.ts";
export {
  type ClientOptions,
  MinioCore,
  type RequestOptions,
  type RequestSpec,
} from "./src/core/core.ts";
export type { BodyResume, BodyState } from "./src/core/timeout.ts";
export {
  InvalidArgumentError,
  InvalidResponseError,
  S3Error,
  type S3ErrorFields,
  ServerError,
} from "./src/base/errors.ts";
export { TimeoutError } from "./src/base/timeout_error.ts";
export { DownloadInterruptedError } from "./src/base/download_error.ts";
export { type CredentialProvider, Credentials } from "./src/credentials/credentials.ts";
export { StaticProvider } from "./src/credentials/static.ts";
export { EnvAWSProvider, EnvMinioProvider } from "./src/credentials/env.ts";
export { LdapIdentityProvider, type LdapIdentityProviderOptions } from "./src/credentials/ldap.ts";
export { CredentialsError } from "./src/credentials/errors.ts";
export {
  AssumeRoleProvider,
  type AssumeRoleProviderOptions,
} from "./src/credentials/assume_role.ts";
export type { Jwt, JwtSource } from "./src/credentials/_jwt.ts";
export {
  WebIdentityProvider,
  type WebIdentityProviderOptions,
} from "./src/credentials/web_identity.ts";
export {
  ClientGrantsProvider,
  type ClientGrantsProviderOptions,
} from "./src/credentials/client_grants.ts";
export {
  CertificateIdentityProvider,
  type CertificateIdentityProviderOptions,
} from "./src/credentials/certificate.ts";
export { IamAwsProvider, type IamAwsProviderOptions } from "./src/credentials/iam_aws.ts";
export { AWSConfigProvider, type AWSConfigProviderOptions } from "./src/credentials/aws_config.ts";
export {
  MinioClientConfigProvider,
  type MinioClientConfigProviderOptions,
} from "./src/credentials/minio_config.ts";
export { ChainedProvider } from "./src/credentials/chained.ts";
export type { Endpoint, EndpointOptions } from "./src/core/endpoint.ts";
export type { QueryParam } from "./src/signer/encode.ts";
export type { Progress } from "./src/s3/upload/multipart_upload.ts";
export type { WriteOptions } from "./src/s3/upload/write_headers.ts";
export type { ChecksumAlgorithm } from "./src/crypto/checksum.ts";
export type { TraceEntry, TraceSink } from "./src/core/trace_format.ts";
export type { AclGrantee } from "./src/s3/object/object_acl.ts";
export { CORSConfig, type CorsMethod, CORSRule, type CORSRuleOptions } from "./src/config/cors.ts";
export { type Sse, SseCustomerKey, SseKMS, SseS3 } from "./src/config/sse.ts";
export {
  COMPLIANCE,
  COPY,
  type Directive,
  DISABLED,
  ENABLED,
  GOVERNANCE,
  REPLACE,
  type RetentionMode,
} from "./src/config/common.ts";
export { asTags, Tags } from "./src/config/tags.ts";
export { Retention } from "./src/config/retention.ts";
export {
  OFF,
  SUSPENDED,
  VersioningConfig,
  type VersioningConfigOptions,
  type VersioningStatus,
} from "./src/config/versioning.ts";
export {
  CloudFunctionConfig,
  FilterRule,
  NotificationConfig,
  type NotificationConfigOptions,
  NotificationTargetConfig,
  type NotificationTargetOptions,
  PrefixFilterRule,
  QueueConfig,
  SuffixFilterRule,
  TopicConfig,
} from "./src/config/notification.ts";
export {
  DAYS,
  ObjectLockConfig,
  type RetentionDurationUnit,
  YEARS,
} from "./src/config/object_lock.ts";
export { LegalHold } from "./src/config/legal_hold.ts";
export { AES256, AWS_KMS, type SseAlgorithm, SSEConfig, SSERule } from "./src/config/encryption.ts";
export type { PolicyStatement } from "./src/s3/bucket/bucket_policy.ts";
export {
  DEFAULT_LISTEN_EVENTS,
  type NotificationRecord,
  NotificationStream,
} from "./src/s3/bucket/listen_bucket_notification.ts";
export { ComposeSource, CopySource, type CopySourceOptions } from "./src/config/copy_source.ts";
export { ObjectResponse } from "./src/s3/object/get_object.ts";
export type { ObjectInfo } from "./src/s3/list/list_objects.ts";
export {
  DELETE_BATCH_SIZE,
  type DeleteError,
  type DeleteObject,
} from "./src/s3/object/remove_objects.ts";
export type {
  ObjectAttributesPart,
  ObjectAttributesParts,
} from "./src/s3/object/get_object_attributes.ts";
export { MAX_FAN_OUT_SIZE } from "./src/s3/batch/put_object_fan_out.ts";
export { PostPolicy, type PostPolicyFormData } from "./src/config/post_policy.ts";
export type { PresignedPart } from "./src/s3/upload/presigned_multipart.ts";
export {
  type PresignedUploadOptions,
  type ResumedPart,
  type UploadPlan,
  type UploadProgress,
  uploadWithPresignedUrls,
} from "./src/browser/presigned_upload.ts";
export { SelectObjectReader, type SelectStats } from "./src/s3/select/reader.ts";
export { SelectRequest, type SelectRequestOptions } from "./src/s3/select/request.ts";
export {
  type CompressionType,
  type CSVInputOptions,
  CSVInputSerialization,
  type CSVOutputOptions,
  CSVOutputSerialization,
  type FileHeaderInfo,
  type InputSerialization,
  type JSONInputOptions,
  JSONInputSerialization,
  type JSONOutputOptions,
  JSONOutputSerialization,
  type JsonType,
  type OutputSerialization,
  type ParquetInputOptions,
  ParquetInputSerialization,
  type QuoteFields,
} from "./src/s3/select/serialization.ts";
export {
  type CanonicalInput,
  MAX_PRESIGN_EXPIRY,
  postPolicySignature,
  type PresignInput,
  presignV4,
  type SignedHeaders,
  type SigningCredentials,
  signV4Headers,
  UNSIGNED_PAYLOAD,
} from "./src/signer/sigv4.ts";
export type { RuleStatus } from "./src/config/_checks.ts";
export {
  AndOperator,
  type AndOperatorOptions,
  Filter,
  type FilterOptions,
  Tag,
} from "./src/config/filter.ts";
export {
  LifecycleConfig,
  LifecycleRule,
  type LifecycleRuleOptions,
} from "./src/config/lifecycle.ts";
export {
  AbortIncompleteMultipartUpload,
  Expiration,
  type ExpirationOptions,
  NoncurrentVersionExpiration,
  type NoncurrentVersionExpirationOptions,
  NoncurrentVersionTransition,
  type NoncurrentVersionTransitionOptions,
  Transition,
  type TransitionOptions,
} from "./src/config/lifecycle_actions.ts";
export {
  ReplicationConfig,
  ReplicationRule,
  type ReplicationRuleOptions,
} from "./src/config/replication.ts";
export {
  AccessControlTranslation,
  Destination,
  type DestinationOptions,
  EncryptionConfig,
  EventThreshold,
  Metrics,
  ReplicationTime,
  Time,
} from "./src/config/replication_destination.ts";
export {
  DeleteMarkerReplication,
  DeleteReplication,
  ExistingObjectReplication,
  ReplicaModifications,
  SourceSelectionCriteria,
  type SourceSelectionCriteriaOptions,
  SseKmsEncryptedObjects,
} from "./src/config/replication_status.ts";

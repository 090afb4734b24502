/**
 * An edge-first MinIO / Amazon S3 SDK: one ESM module on Deno, Bun, Node,
 * Cloudflare Workers and browsers, using only `fetch` and Web Crypto.
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

export { Client, Minio } from "./src/minio.ts";
export {
  type ClientOptions,
  MinioCore,
  type RequestOptions,
  type RequestSpec,
} from "./src/core.ts";
export {
  InvalidArgumentError,
  InvalidResponseError,
  S3Error,
  type S3ErrorFields,
  ServerError,
} from "./src/errors.ts";
export { type CredentialProvider, Credentials } from "./src/credentials/credentials.ts";
export { StaticProvider } from "./src/credentials/static.ts";
export { EnvAWSProvider, EnvMinioProvider } from "./src/credentials/env.ts";
export type { EndpointOptions } from "./src/http/endpoint.ts";
export type { UploadBody } from "./src/upload/part_source.ts";
export type { Progress } from "./src/upload/multipart_upload.ts";
export type { WriteOptions } from "./src/ops/write_headers.ts";
export type { ChecksumAlgorithm } from "./src/internal/checksum.ts";
export { type Sse, SseCustomerKey, SseKMS, SseS3 } from "./src/sse.ts";
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
export { Tags } from "./src/config/tags.ts";
export { Retention } from "./src/config/retention.ts";
export { ComposeSource, CopySource, type CopySourceOptions } from "./src/config/copy_source.ts";
export type { ComposeObjectOptions, CopyObjectOptions } from "./src/ops/copy_object.ts";
export type { BucketInfo, MakeBucketOptions } from "./src/ops/bucket.ts";
export {
  type GetObjectOptions,
  ObjectResponse,
  type StatObjectOptions,
} from "./src/ops/get_object.ts";
export type { ListObjectsOptions, ObjectInfo } from "./src/ops/list_objects.ts";
export {
  DELETE_BATCH_SIZE,
  type DeleteError,
  type DeleteObject,
  type DeleteObjectList,
  type RemoveObjectsOptions,
} from "./src/ops/remove_objects.ts";
export type {
  GetObjectAttributesOptions,
  ObjectAttributes,
  ObjectAttributesPart,
  ObjectAttributesParts,
} from "./src/ops/get_object_attributes.ts";
export {
  type FanOutBody,
  type FanOutEntry,
  type FanOutResult,
  MAX_FAN_OUT_SIZE,
  type PutObjectFanOutOptions,
} from "./src/ops/put_object_fan_out.ts";
export type {
  SnowballObject,
  SnowballResult,
  UploadSnowballOptions,
} from "./src/ops/upload_snowball.ts";
export type { AppendObjectOptions, AppendObjectResult } from "./src/ops/append_object.ts";
export type { PromptObjectOptions } from "./src/ops/prompt_object.ts";
export type { ObjectStat } from "./src/ops/object_headers.ts";
export { type ObjectWriteResult, type PutObjectOptions } from "./src/ops/put_object.ts";
export type { RemoveObjectOptions } from "./src/ops/remove_object.ts";
export type {
  IncompleteUpload,
  ListIncompleteUploadsOptions,
} from "./src/ops/incomplete_uploads.ts";
export type {
  PostPolicyResult,
  PresignedPostPolicyOptions,
  PresignedUrlOptions,
  PresignMethod,
  PresignOptions,
} from "./src/ops/presign.ts";
export { PostPolicy, type PostPolicyFormData } from "./src/post_policy.ts";
export type { SelectObjectContentOptions } from "./src/ops/select_object.ts";
export { SelectObjectReader, type SelectStats } from "./src/select/reader.ts";
export { SelectRequest, type SelectRequestOptions } from "./src/select/request.ts";
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
} from "./src/select/serialization.ts";
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

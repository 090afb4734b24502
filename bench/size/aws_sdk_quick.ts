/**
 * AWS SDK v3, modular: the client and the three commands of (a). Presigning
 * needs @aws-sdk/s3-request-presigner on top, not counted here.
 */
export {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

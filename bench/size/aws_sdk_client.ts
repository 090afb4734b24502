/** AWS SDK v3, the aggregated client with every S3 operation as a method (as (b)). */
export { S3 } from "@aws-sdk/client-s3";

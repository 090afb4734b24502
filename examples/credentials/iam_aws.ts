/**
 * `IamAwsProvider`: the credentials of the role the code runs under on AWS,
 * found as the AWS SDKs find them (IRSA token file, ECS/EKS container
 * endpoint, EC2 instance metadata with IMDSv2). Here the metadata service's
 * address comes from MINIO_IMDS_ENDPOINT, a local stand-in for EC2's.
 *
 *   deno run -A examples/credentials/iam_aws.ts
 */
import { IamAwsProvider, Minio } from "@minio-edge/minio";

const credentials = new IamAwsProvider({
  endpoint: process.env.MINIO_IMDS_ENDPOINT, // unset on EC2: http://169.254.169.254
});
const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  credentials,
});
const bucket = `iam-role-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
console.log(await client.bucketExists(bucket)); // true
await client.removeBucket(bucket);

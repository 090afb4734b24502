/**
 * `AssumeRoleProvider`: temporary credentials of a user, asked from the STS
 * with that user's keys and narrowed by a session policy to reading one
 * bucket. The provider renews them a minute before they expire.
 *
 *   deno run -A examples/credentials/assume_role.ts
 */
import { AssumeRoleProvider, Minio, type S3Error } from "@minio-edge/minio";

const endPoint = process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000";
const accessKey = process.env.MINIO_ACCESS_KEY ?? "minioadmin";
const secretKey = process.env.MINIO_SECRET_KEY ?? "minioadmin";
const owner = new Minio({ endPoint, accessKey, secretKey });
const bucket = `assume-role-${crypto.randomUUID().slice(0, 8)}`;
await owner.makeBucket(bucket);
await owner.putObject(bucket, "report.csv", "a,b\n1,2\n");

// MinIO's STS endpoint is the server itself.
const credentials = new AssumeRoleProvider(endPoint, accessKey, secretKey, {
  durationSeconds: 900,
  policy: {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`arn:aws:s3:::${bucket}`] },
      { Effect: "Allow", Action: ["s3:GetObject"], Resource: [`arn:aws:s3:::${bucket}/*`] },
    ],
  },
});
const reader = new Minio({ endPoint, credentials });
for await (const o of reader.listObjects(bucket)) console.log(o.name, o.size);
try {
  await reader.putObject(bucket, "new.csv", "x"); // the session policy allows reading only
} catch (e) {
  console.log((e as S3Error).code); // "AccessDenied"
}

await owner.removeObject(bucket, "report.csv");
await owner.removeBucket(bucket);

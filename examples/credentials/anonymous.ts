/**
 * An anonymous client: no keys, unsigned requests. It reads a bucket whose
 * policy allows everyone to read, and is refused a private one.
 *
 *   deno run -A examples/credentials/anonymous.ts
 */
import { Minio, type S3Error } from "@minio-edge/minio";

const endPoint = process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000";
const owner = new Minio({
  endPoint,
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});
const bucket = `public-${crypto.randomUUID().slice(0, 8)}`;
await owner.makeBucket(bucket);
await owner.putObject(bucket, "hello.txt", "hello, anyone");
await owner.setBucketPolicy(bucket, {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: ["*"] },
      Action: ["s3:GetBucketLocation", "s3:ListBucket"],
      Resource: [`arn:aws:s3:::${bucket}`],
    },
    {
      Effect: "Allow",
      Principal: { AWS: ["*"] },
      Action: ["s3:GetObject"],
      Resource: [`arn:aws:s3:::${bucket}/*`],
    },
  ],
});

// No keys and no credentials provider: the client is anonymous.
const anonymous = new Minio({ endPoint });
console.log(await (await anonymous.getObject(bucket, "hello.txt")).text()); // "hello, anyone"
for await (const o of anonymous.listObjects(bucket)) console.log(o.name);
try {
  await anonymous.putObject(bucket, "nope.txt", "x"); // writing is not in the policy
} catch (e) {
  console.log((e as S3Error).code); // "AccessDenied"
}

await owner.removeObject(bucket, "hello.txt");
await owner.removeBucket(bucket);

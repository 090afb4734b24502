/**
 * `setBucketPolicy`: lets anyone download what is under `public/`, and shows
 * an anonymous download.
 *
 *   deno run -A examples/policy/set_bucket_policy.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `set-policy-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "public/logo.svg", "<svg/>");

await client.setBucketPolicy(bucket, {
  Version: "2012-10-17",
  Statement: [{
    Effect: "Allow",
    Principal: { AWS: ["*"] },
    Action: ["s3:GetObject"],
    Resource: [`arn:aws:s3:::${bucket}/public/*`],
  }],
});
const { protocol, hostname, port } = client.endpoint;
const res = await fetch(`${protocol}//${hostname}:${port}/${bucket}/public/logo.svg`); // unsigned
console.log("anonymous download:", res.status, await res.text()); // 200 <svg/>

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `presignedPostPolicy`: signs a policy for an HTML form upload (POST):
 * the URL and the fields to send with the file.
 *
 *   deno run -A examples/presign/presigned_post_policy.ts
 */
import { Minio, PostPolicy } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `post-policy-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const policy = new PostPolicy(bucket, new Date(Date.now() + 600_000))
  .addEqualsCondition("key", "avatar.png")
  .addContentLengthRangeCondition(1, 1024 * 1024);
const { url, formData } = await client.presignedPostPolicy(policy);

// What a browser's form would send:
const form = new FormData();
for (const [k, v] of Object.entries(formData)) form.append(k, v);
form.append("file", new Blob(["png bytes"]));
const res = await fetch(url, { method: "POST", body: form });
await res.body?.cancel();
console.log("POST:", res.status, (await client.statObject(bucket, "avatar.png")).size); // 204 9

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

/**
 * `policyAdd`: adds (or replaces) a canned policy, here one that may read
 * the `photos` bucket, ready to attach to users and groups.
 *
 *   deno run -A examples/admin/policies/policy_add.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const policy = `read-photos-${crypto.randomUUID().slice(0, 8)}`;
await admin.policyAdd(policy, {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::photos/*"] }],
});
console.log(policy, JSON.stringify(await admin.policyInfo(policy)));

await admin.policyRemove(policy);

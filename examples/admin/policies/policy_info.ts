/**
 * `policyInfo`: the document of a canned policy, e.g. the built-in `readonly`.
 *
 *   deno run -A examples/admin/policies/policy_info.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const doc = await admin.policyInfo("readonly");
for (const s of doc.Statement ?? []) console.log(s.Effect, s.Action, s.Resource);

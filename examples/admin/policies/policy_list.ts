/**
 * `policyList`: every canned policy, by name.
 *
 *   deno run -A examples/admin/policies/policy_list.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

for (const [name, doc] of Object.entries(await admin.policyList())) {
  console.log(name, `${doc.Statement?.length ?? 0} statement(s)`);
}

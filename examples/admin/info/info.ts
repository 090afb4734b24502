/**
 * `info`: the deployment's mode and each server's state, version and drives.
 *
 *   deno run -A examples/admin/info/info.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const { mode, deploymentID, servers } = await admin.info();
console.log(mode, deploymentID);
for (const s of servers ?? []) {
  console.log(
    s.endpoint,
    s.state,
    s.version,
    `${s.drives?.length ?? 0} drive(s), up ${s.uptime} s`,
  );
}

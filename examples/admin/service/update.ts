/**
 * `update`: updates every server to the latest MinIO release, or with
 * `dryRun` says what it would do. A server started with MINIO_UPDATE=off, as
 * the test bed's are, refuses (`MethodNotAllowed`), which this shows without
 * any download.
 *
 *   deno run -A examples/admin/service/update.ts
 */
import { MinioAdmin, MinioAdminException } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

try {
  const { results } = await admin.update({ dryRun: true });
  for (const r of results ?? []) console.log(r.host, `${r.currentVersion} -> ${r.updatedVersion}`);
} catch (e) {
  if (!(e instanceof MinioAdminException && e.code === "MethodNotAllowed")) throw e;
  console.log("this server does not update itself:", e.message);
}

/**
 * `update`: updates every server to the latest MinIO release; with `dryRun`
 * only checks, each server reading the release information and verifying its
 * signature. MINIO_UPDATE_URL names a release mirror (default: MinIO's release
 * site); the example runner serves one on loopback whose release has no
 * signature, so the dry run stops there, on a throwaway server. A server
 * started with MINIO_UPDATE=off, or a build without a release time, refuses
 * with `MethodNotAllowed`.
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
  const { results } = await admin.update({
    dryRun: true,
    updateURL: process.env.MINIO_UPDATE_URL || undefined,
  });
  for (const r of results ?? []) {
    console.log(`${r.host}: ${r.currentVersion} -> ${r.updatedVersion || "?"}`, r.err ?? "");
  }
} catch (e) {
  if (!(e instanceof MinioAdminException && e.code === "MethodNotAllowed")) throw e;
  console.log("this server does not update itself:", e.message);
}

/**
 * `addSiteReplication`: joins deployments so that buckets, objects, users,
 * groups and policies are the same on all; then takes them apart again.
 *
 *   deno run -A examples/admin/site_replication/add_site_replication.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";
import { twoSites } from "./_sites.ts";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const [siteA, siteB] = twoSites(); // two deployments without buckets yet

const { success, status } = await admin.addSiteReplication([siteA, siteB]);
console.log(success, status);

await admin.removeSiteReplication({ allSites: true });

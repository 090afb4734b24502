/**
 * `removeSiteReplication`: takes some sites (`sites`), or all (`allSites`),
 * out of site replication; what was replicated stays.
 *
 *   deno run -A examples/admin/site_replication/remove_site_replication.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";
import { twoSites } from "./_sites.ts";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const [siteA, siteB] = twoSites(); // two deployments without buckets yet
await admin.addSiteReplication([siteA, siteB]);

const { status } = await admin.removeSiteReplication({ allSites: true });
console.log(status, "enabled:", (await admin.getSiteReplicationInfo()).enabled); // ... false

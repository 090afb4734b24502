/**
 * `getSiteReplicationStatus`: how far the sites agree on buckets, users,
 * groups and policies.
 *
 *   deno run -A examples/admin/site_replication/get_site_replication_status.ts
 */
import { MinioAdmin, SiteReplicationStatusOptions } from "@minio-edge/minio/admin";
import { twoSites } from "./_sites.ts";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const [siteA, siteB] = twoSites(); // two deployments without buckets yet
await admin.addSiteReplication([siteA, siteB]);

const status = await admin.getSiteReplicationStatus(
  new SiteReplicationStatusOptions({ buckets: true, policies: true, users: true, groups: true }),
);
console.log("enabled:", status.Enabled, "sites:", Object.keys(status.Sites ?? {}).length);

await admin.removeSiteReplication({ allSites: true });

/**
 * `getSiteReplicationInfo`: the sites this deployment replicates with.
 *
 *   deno run -A examples/admin/site_replication/get_site_replication_info.ts
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

const { enabled, name, sites } = await admin.getSiteReplicationInfo();
console.log(enabled, `this is ${name}`);
for (const s of sites ?? []) console.log(s.name, s.endpoint, s.deploymentID);

await admin.removeSiteReplication({ allSites: true });

/**
 * `editSiteReplication`: changes a replicated site's endpoint (here to
 * another name of the same server), name, sync mode or bandwidth limit.
 *
 *   deno run -A examples/admin/site_replication/edit_site_replication.ts
 */
import { MinioAdmin, PeerInfo } from "@minio-edge/minio/admin";
import { twoSites } from "./_sites.ts";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const [siteA, siteB] = twoSites(); // two deployments without buckets yet
await admin.addSiteReplication([siteA, siteB]);
const site = (await admin.getSiteReplicationInfo()).sites!.find((s) => s.name === "site-b")!;

const endpoint = site.endpoint.replace("127.0.0.1", "localhost");
const { status } = await admin.editSiteReplication(
  new PeerInfo(site.deploymentID, endpoint, 0, false),
);
console.log(status);
const edited = (await admin.getSiteReplicationInfo()).sites!.find((s) => s.name === "site-b")!;
console.log("site-b is now at", edited.endpoint);

await admin.removeSiteReplication({ allSites: true });

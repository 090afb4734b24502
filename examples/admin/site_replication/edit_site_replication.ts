/**
 * `editSiteReplication`: changes a replicated site's endpoint (here to
 * another name of the same server), name, sync mode or bandwidth limit.
 *
 *   deno run -A examples/admin/site_replication/edit_site_replication.ts
 */
import { MinioAdmin, PeerInfo, PeerSite } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

// Two deployments with no buckets yet; the admin client talks to the first.
const siteA = new PeerSite(
  "site-a",
  process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  process.env.MINIO_SECRET_KEY ?? "minioadmin",
);
const siteB = new PeerSite(
  "site-b",
  process.env.MINIO_PEER_ENDPOINT ?? "http://127.0.0.1:9100",
  process.env.MINIO_PEER_ACCESS_KEY ?? "minioadmin",
  process.env.MINIO_PEER_SECRET_KEY ?? "minioadmin",
);
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

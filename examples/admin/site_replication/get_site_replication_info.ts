/**
 * `getSiteReplicationInfo`: the sites this deployment replicates with.
 *
 *   deno run -A examples/admin/site_replication/get_site_replication_info.ts
 */
import { MinioAdmin, PeerSite } from "@minio-edge/minio/admin";

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

const { enabled, name, sites } = await admin.getSiteReplicationInfo();
console.log(enabled, `this is ${name}`);
for (const s of sites ?? []) console.log(s.name, s.endpoint, s.deploymentID);

await admin.removeSiteReplication({ allSites: true });

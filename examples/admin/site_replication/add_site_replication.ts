/**
 * `addSiteReplication`: joins deployments so that buckets, objects, users,
 * groups and policies are the same on all; then takes them apart again.
 *
 *   deno run -A examples/admin/site_replication/add_site_replication.ts
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

const { success, status } = await admin.addSiteReplication([siteA, siteB]);
console.log(success, status);

await admin.removeSiteReplication({ allSites: true });

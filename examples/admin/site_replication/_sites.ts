/**
 * The two deployments of the site-replication examples: the one the admin
 * client talks to (MINIO_ENDPOINT and its keys) and a second one
 * (MINIO_PEER_ENDPOINT, MINIO_PEER_ACCESS_KEY, MINIO_PEER_SECRET_KEY), both
 * without buckets yet, as site replication wants them.
 *
 * @example
 * ```ts
 * await admin.addSiteReplication(twoSites());
 * ```
 *
 * @module
 */
import { PeerSite } from "@minio-edge/minio/admin";

/** `site-a` (the admin client's deployment) and `site-b`. */
export function twoSites(): [PeerSite, PeerSite] {
  return [
    new PeerSite(
      "site-a",
      process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
      process.env.MINIO_ACCESS_KEY ?? "minioadmin",
      process.env.MINIO_SECRET_KEY ?? "minioadmin",
    ),
    new PeerSite(
      "site-b",
      process.env.MINIO_PEER_ENDPOINT ?? "http://127.0.0.1:9100",
      process.env.MINIO_PEER_ACCESS_KEY ?? "minioadmin",
      process.env.MINIO_PEER_SECRET_KEY ?? "minioadmin",
    ),
  ];
}

/**
 * `deleteBucketReplication`: stops a bucket's replication (on MinIO, its
 * remote targets go with it).
 *
 *   deno run -A examples/replication/delete_bucket_replication.ts
 */
import {
  DeleteMarkerReplication,
  Destination,
  ENABLED,
  Filter,
  Minio,
  ReplicationConfig,
  ReplicationRule,
  VersioningConfig,
} from "@minio-edge/minio";
import { BucketTarget, MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

// The destination: a versioned bucket on another server.
const peer = new Minio({
  endPoint: process.env.MINIO_PEER_ENDPOINT ?? "http://127.0.0.1:9100",
  accessKey: process.env.MINIO_PEER_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_PEER_SECRET_KEY ?? "minioadmin",
});
const id = crypto.randomUUID().slice(0, 8);
const [source, replica] = [`photos-${id}`, `photos-replica-${id}`];
await client.makeBucket(source);
await peer.makeBucket(replica);
for (const [c, b] of [[client, source], [peer, replica]] as const) {
  await c.setBucketVersioning(b, new VersioningConfig(ENABLED));
}
const target = new BucketTarget(
  process.env.MINIO_PEER_ENDPOINT ?? "http://127.0.0.1:9100",
  replica,
  {
    accessKey: process.env.MINIO_PEER_ACCESS_KEY ?? "minioadmin",
    secretKey: process.env.MINIO_PEER_SECRET_KEY ?? "minioadmin",
  },
);
const arn = await admin.setRemoteTarget(source, target);
await client.setBucketReplication(
  source,
  new ReplicationConfig("", [
    new ReplicationRule(ENABLED, new Destination(arn), {
      ruleId: "everything",
      priority: 1,
      ruleFilter: new Filter({ prefix: "" }),
      deleteMarkerReplication: new DeleteMarkerReplication(ENABLED),
    }),
  ]),
);

await client.deleteBucketReplication(source);
console.log("replication:", await client.getBucketReplication(source)); // null
console.log("targets left:", (await admin.listRemoteTargets(source)).length);

// Clean up: both buckets, every version.
for (const [c, b] of [[client, source], [peer, replica]] as const) {
  const all = c.listObjects(b, { recursive: true, includeVersion: true });
  for await (const e of c.removeObjects(b, all)) console.error("left:", e.name, e.code);
  await c.removeBucket(b);
}

/**
 * `setBucketReplication`: replicates a versioned bucket's objects to a bucket
 * on another server (named by a remote target's ARN), and shows one arrive.
 *
 *   deno run -A examples/replication/set_bucket_replication.ts
 */
import {
  DeleteMarkerReplication,
  Destination,
  ENABLED,
  Filter,
  Minio,
  ReplicationConfig,
  ReplicationRule,
} from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";
import { versionedPair } from "./_pair.ts";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

const { peer, source, replica, target, cleanUp } = await versionedPair(client);
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

await client.putObject(source, "cat.jpg", "jpeg bytes");
const deadline = Date.now() + 30_000; // replication is asynchronous: poll, bounded
let copy = await peer.statObject(replica, "cat.jpg").catch(() => undefined);
while (!copy && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 250));
  copy = await peer.statObject(replica, "cat.jpg").catch(() => undefined);
}
if (!copy) throw new Error("cat.jpg was not replicated within 30 s");
console.log("replica:", copy.headers.get("x-amz-replication-status")); // REPLICA

await client.deleteBucketReplication(source);
await cleanUp();

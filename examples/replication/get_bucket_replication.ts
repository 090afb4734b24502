/**
 * `getBucketReplication`: a bucket's replication rules, `null` when none.
 *
 *   deno run -A examples/replication/get_bucket_replication.ts
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

const { source, target, cleanUp } = await versionedPair(client);
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

const config = await client.getBucketReplication(source);
for (const rule of config?.rules ?? []) {
  console.log(rule.ruleId, rule.status, "->", rule.destination.bucketArn);
}

await client.deleteBucketReplication(source);
await cleanUp();

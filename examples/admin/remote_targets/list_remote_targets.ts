/**
 * `listRemoteTargets`: the remote targets of a bucket (or of every bucket);
 * they show no secret key.
 *
 *   deno run -A examples/admin/remote_targets/list_remote_targets.ts
 */
import { Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";
import { versionedPair } from "../../replication/_pair.ts";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

const { source, target, cleanUp } = await versionedPair(client);
await admin.setRemoteTarget(source, target);

for (const t of await admin.listRemoteTargets(source, "replication")) {
  console.log(t.arn, t.endpoint, t.targetBucket, t.credentials.accessKey, t.state?.online);
}

for (const t of await admin.listRemoteTargets(source)) {
  await admin.removeRemoteTarget(source, t.arn!);
}
await cleanUp();

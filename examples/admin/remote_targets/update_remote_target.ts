/**
 * `updateRemoteTarget`: changes settings of a remote target, here how often
 * its health is checked.
 *
 *   deno run -A examples/admin/remote_targets/update_remote_target.ts
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
const arn = await admin.setRemoteTarget(source, target);

const [current] = await admin.listRemoteTargets(source);
await admin.updateRemoteTarget(source, current.with({ healthCheckDuration: 30_000 }), [
  "healthCheck",
]);
console.log(
  "health check every",
  (await admin.listRemoteTargets(source))[0].healthCheckDuration,
  "ms",
);

await admin.removeRemoteTarget(source, arn);
await cleanUp();

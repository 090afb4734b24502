/**
 * `removeRemoteTarget`: removes a remote target (refused while a replication
 * rule names it).
 *
 *   deno run -A examples/admin/remote_targets/remove_remote_target.ts
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

await admin.removeRemoteTarget(source, arn);
console.log("targets left:", (await admin.listRemoteTargets(source)).length); // 0

await cleanUp();

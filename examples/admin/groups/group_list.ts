/**
 * `groupList`: the names of all groups.
 *
 *   deno run -A examples/admin/groups/group_list.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
const group = `editors-${crypto.randomUUID().slice(0, 8)}`;
await admin.groupAdd(group, [user]);

console.log(await admin.groupList());

await admin.groupRemove(group, { members: [user] });
await admin.groupRemove(group);
await admin.userRemove(user);

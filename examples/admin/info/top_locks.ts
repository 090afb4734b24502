/**
 * `topLocks`: the oldest locks held in a distributed deployment (a single-node
 * server refuses the call). The example runner runs it on the test bed's
 * four-node cluster.
 *
 *   deno run -A examples/admin/info/top_locks.ts
 */
import { MinioAdmin } from "@minio-edge/minio/admin";

const admin = new MinioAdmin({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const locks = await admin.topLocks({ count: 10 });
console.log(`${locks.length} lock(s) held`);
for (const lock of locks) {
  console.log(lock.resource, lock.type, `held ${lock.elapsed} ns by ${lock.source}`);
}

/**
 * `accountInfo`: the caller's account: its policy and what it may do with
 * each bucket.
 *
 *   deno run -A examples/admin/info/account_info.ts
 */
import { Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const client = new Minio(server);
const admin = new MinioAdmin(server);

const bucket = `account-info-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const { AccountName, Buckets } = await admin.accountInfo();
console.log(AccountName);
for (const b of Buckets ?? []) {
  console.log(`  ${b.name}: read ${b.access.read}, write ${b.access.write}`);
}

await client.removeBucket(bucket);

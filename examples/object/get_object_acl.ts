/**
 * `getObjectAcl`: an object's access control list: its owner and grants.
 * MinIO keeps no ACLs (policies decide access) and answers one `FULL_CONTROL`
 * grant to the owner.
 *
 *   deno run -A examples/object/get_object_acl.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `object-acl-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.putObject(bucket, "cat.png", "png bytes");

const acl = await client.getObjectAcl(bucket, "cat.png");
for (const { grantee, permission } of acl.grants) console.log(grantee.type, permission); // CanonicalUser FULL_CONTROL

await client.removeObject(bucket, "cat.png");
await client.removeBucket(bucket);

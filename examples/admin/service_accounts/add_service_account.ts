/**
 * `addServiceAccount`: creates an access key of a user, here for a CI job,
 * limited to reading; its secret key is in the answer only.
 *
 *   deno run -A examples/admin/service_accounts/add_service_account.ts
 */
import { Minio } from "@minio-edge/minio";
import { MinioAdmin } from "@minio-edge/minio/admin";

const server = {
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
};
const admin = new MinioAdmin(server);

const user = `ana-${crypto.randomUUID().slice(0, 8)}`;
await admin.userAdd(user, `${user}-secret-key`);
await admin.attachPolicy(["readwrite"], { user });

const { credentials } = await admin.addServiceAccount({
  targetUser: user,
  name: "ci",
  description: "nightly build",
  policy: {
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Action: ["s3:ListAllMyBuckets", "s3:GetObject"],
      Resource: ["arn:aws:s3:::*"],
    }],
  },
});
console.log("new access key:", credentials.accessKey);
const { accessKey, secretKey } = credentials;
const ci = new Minio({ ...server, accessKey, secretKey });
console.log("it sees", (await ci.listBuckets()).length, "bucket(s)");

await admin.deleteServiceAccount(credentials.accessKey);
await admin.userRemove(user);

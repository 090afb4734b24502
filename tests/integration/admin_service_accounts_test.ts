// Service accounts, against the real MinIO over HTTP and TLS; the S3 client signs with them.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { Minio, S3Error } from "../../mod.ts";
import { adminTargets, rejectsAdmin, uniqueName } from "./admin_testbed.ts";
import { env, s3Error, uniqueBucket } from "./testbed.ts";

function s3As(tls: boolean, accessKey: string, secretKey: string): Minio {
  return new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey,
    secretKey,
    // A fixed region, so the narrow session policy need not allow GetBucketLocation.
    region: "us-east-1",
  });
}

for (const t of adminTargets) {
  const tls = t.name === "tls";
  test(`[${t.name}] service accounts: add with policy, get, use, update, list, delete`, async () => {
    const admin = t.admin();
    const user = uniqueName("sauser");
    const bucket = uniqueBucket("sa");
    const rootS3 = s3As(tls, env("MINIO_TEST_ACCESS_KEY"), env("MINIO_TEST_SECRET_KEY"));
    await rootS3.makeBucket(bucket);
    await rootS3.putObject(bucket, "a.txt", "hello");
    await admin.userAdd(user, `pw-${crypto.randomUUID()}`);
    await admin.attachPolicy(["readwrite"], { user });
    const readOnly = {
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:ListBucket"],
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      }],
    };
    const accessKey = `sa${crypto.randomUUID().replaceAll("-", "").slice(0, 14)}`;
    const secretKey = `sk-${crypto.randomUUID()}`;
    try {
      const { credentials } = await admin.addServiceAccount({
        accessKey,
        secretKey,
        name: "edge-ci",
        description: "made by the admin test",
        policy: readOnly,
        targetUser: user,
      });
      deepEqual([credentials.accessKey, credentials.secretKey], [accessKey, secretKey]);

      const info = await admin.getServiceAccount(accessKey);
      deepEqual(
        [info.parentUser, info.accountStatus, info.impliedPolicy, info.name, info.description],
        [user, "on", false, "edge-ci", "made by the admin test"],
      );
      // The server keeps actions and resources as sets: compare them sorted.
      const [st] = info.policy.Statement as { Action: string[]; Resource: string[] }[];
      deepEqual([[...st.Action].sort(), [...st.Resource].sort()], [
        ["s3:GetObject", "s3:ListBucket"],
        [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      ]);

      const sa = s3As(tls, accessKey, secretKey);
      equal(await (await sa.getObject(bucket, "a.txt")).text(), "hello");
      const put = await sa.putObject(bucket, "b.txt", "nope").catch((e) => e);
      ok(put instanceof S3Error && put.code === "AccessDenied", "the session policy binds");

      await admin.updateServiceAccount(accessKey, {
        description: "updated",
        policy: { ...readOnly, Statement: [{ ...readOnly.Statement[0], Action: ["s3:*"] }] },
      });
      equal((await admin.getServiceAccount(accessKey)).description, "updated");
      await sa.putObject(bucket, "b.txt", "now allowed");
      await admin.updateServiceAccount(accessKey, { status: "disabled" });
      equal((await admin.getServiceAccount(accessKey)).accountStatus, "off");
      await rejects(sa.getObject(bucket, "a.txt"), s3Error("InvalidAccessKeyId", 403), "disabled");

      const { accounts } = await admin.listServiceAccount(user);
      deepEqual(accounts.map((a) => [a.accessKey, a.parentUser, a.accountStatus]), [
        [accessKey, user, "off"],
      ]);
    } finally {
      await admin.deleteServiceAccount(accessKey).catch(() => {});
      await admin.userRemove(user);
      for (const o of ["a.txt", "b.txt"]) await rootS3.removeObject(bucket, o);
      await rootS3.removeBucket(bucket);
    }
    await rejectsAdmin(admin.getServiceAccount(accessKey), "XMinioInvalidIAMCredentials", 404);
    deepEqual(
      (await admin.listServiceAccount(env("MINIO_TEST_ACCESS_KEY"))).accounts.filter(
        (a) => a.accessKey === accessKey,
      ),
      [],
    );
  });

  test(`[${t.name}] addServiceAccount for the caller: the server picks the keys`, async () => {
    const admin = t.admin();
    const { credentials } = await admin.addServiceAccount({ name: "generated" });
    try {
      ok(credentials.accessKey.length >= 16 && credentials.secretKey.length >= 32);
      ok(
        Array.isArray(await s3As(tls, credentials.accessKey, credentials.secretKey).listBuckets()),
      );
      equal((await admin.getServiceAccount(credentials.accessKey)).impliedPolicy, true);
    } finally {
      await admin.deleteServiceAccount(credentials.accessKey);
    }
  });
}

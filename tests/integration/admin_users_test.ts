// Users and groups of the built-in identity provider, against the real MinIO over HTTP and TLS.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { Minio } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { adminTargets, rejectsAdmin, uniqueName } from "./admin_testbed.ts";
import { client, env, s3Error, uniqueBucket } from "./testbed.ts";

for (const t of adminTargets) {
  test(`[${t.name}] users: add, info, disable/enable (the S3 client feels it), list, remove`, async () => {
    const admin = t.admin();
    const user = uniqueName("user");
    const secret = `pw-${crypto.randomUUID()}`;
    await admin.userAdd(user, secret);
    try {
      const info = await admin.userInfo(user);
      equal(info.status, "enabled");
      await admin.policySet("readonly", { user });
      equal((await admin.userInfo(user)).policyName, "readonly");

      const s3 = new Minio({
        endPoint: env("MINIO_TEST_HOST"),
        port: Number(env(t.name === "tls" ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
        useSSL: t.name === "tls",
        accessKey: user,
        secretKey: secret,
      });
      // readonly allows GetObject (not ListAllMyBuckets, whose answer would
      // depend on which buckets exist): read an object the root user wrote.
      const root = client(t.name === "tls");
      const bucket = uniqueBucket("au");
      await root.makeBucket(bucket);
      await root.putObject(bucket, "o", "readable");
      try {
        equal(await (await s3.getObject(bucket, "o")).text(), "readable", "the new user can read");
        await admin.userDisable(user);
        equal((await admin.userInfo(user)).status, "disabled");
        await rejects(
          s3.getObject(bucket, "o"),
          s3Error("InvalidAccessKeyId", 403),
          "disabled user",
        );
      } finally {
        await root.removeObject(bucket, "o");
        await root.removeBucket(bucket);
      }
      await admin.userEnable(user);
      equal((await admin.userInfo(user)).status, "enabled");

      const all = await admin.userList();
      deepEqual([all[user]?.status, all[user]?.policyName], ["enabled", "readonly"]);
    } finally {
      await admin.userRemove(user);
    }
    await rejectsAdmin(admin.userInfo(user), "XMinioAdminNoSuchUser", 404);
    ok(!(user in await admin.userList()), "removed user is not listed");
  });

  test(`[${t.name}] groups: add members, info, disable/enable, list, remove`, async () => {
    const admin = t.admin();
    const [u1, u2] = [uniqueName("gu"), uniqueName("gu")];
    const group = uniqueName("group");
    await admin.userAdd(u1, `pw-${crypto.randomUUID()}`);
    await admin.userAdd(u2, `pw-${crypto.randomUUID()}`);
    try {
      await admin.groupAdd(group, [u1, u2]);
      const info = await admin.groupInfo(group);
      deepEqual([info.name, info.status, [...info.members].sort()], [
        group,
        "enabled",
        [u1, u2].sort(),
      ]);
      deepEqual((await admin.userInfo(u1)).memberOf, [group]);
      ok((await admin.groupList()).includes(group));

      await admin.groupDisable(group);
      equal((await admin.groupInfo(group)).status, "disabled");
      await admin.groupEnable(group);
      equal((await admin.groupInfo(group)).status, "enabled");

      await admin.groupRemove(group, { members: [u2] });
      deepEqual((await admin.groupInfo(group)).members, [u1]);
      await rejectsAdmin(admin.groupRemove(group), "XMinioAdminGroupNotEmpty", 400);
      await admin.groupRemove(group, { members: u1 });
      await admin.groupRemove(group);
      ok(!(await admin.groupList()).includes(group), "removed group is not listed");
      await rejectsAdmin(admin.groupInfo(group), "XMinioAdminNoSuchGroup", 404);
    } finally {
      await admin.groupRemove(group, { members: [u1, u2] }).catch(() => {});
      await admin.groupRemove(group).catch(() => {});
      await admin.userRemove(u1);
      await admin.userRemove(u2);
    }
  });
}

test("a wrong secret key: SignatureDoesNotMatch, with no key in the error", async () => {
  const admin = new MinioAdmin({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env("MINIO_TEST_PORT")),
    useSSL: false,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: "not-the-secret-key",
  });
  const e = await rejectsAdmin(admin.userList(), "SignatureDoesNotMatch", 403);
  ok(!e.message.includes("not-the-secret-key") && !e.body.includes("not-the-secret-key"));
});

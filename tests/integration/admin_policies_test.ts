// Canned policies and policy mappings, against the real MinIO over HTTP and TLS.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { adminTargets, rejectsAdmin, uniqueName } from "./admin_testbed.ts";

for (const t of adminTargets) {
  test(`[${t.name}] policies: add, info, list, attach/detach, entities, set/unset, remove`, async () => {
    const admin = t.admin();
    const policy = uniqueName("pol");
    const user = uniqueName("puser");
    const group = uniqueName("pgroup");
    const doc = {
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: [`arn:aws:s3:::${policy}/*`],
      }],
    };
    await admin.policyAdd(policy, doc);
    await admin.userAdd(user, `pw-${crypto.randomUUID()}`);
    await admin.groupAdd(group, [user]);
    try {
      const info = await admin.policyInfo(policy);
      equal(info.Version, "2012-10-17");
      deepEqual(info.Statement?.[0].Resource, [`arn:aws:s3:::${policy}/*`]);
      const list = await admin.policyList();
      ok(policy in list && "readonly" in list, "new and built-in policies are listed");

      const attached = await admin.attachPolicy([policy], { user });
      deepEqual(attached.policiesAttached, [policy]);
      ok(!Number.isNaN(Date.parse(attached.updatedAt ?? "")));
      deepEqual((await admin.attachPolicy([policy, "readonly"], { group })).policiesAttached, [
        policy,
        "readonly",
      ]);
      equal((await admin.userInfo(user)).policyName, policy);

      const entities = await admin.getPolicyEntities([user], [group], [policy]);
      deepEqual(entities.userMappings?.map((m) => [m.user, m.policies]), [[user, [policy]]]);
      deepEqual(entities.groupMappings?.map((m) => [m.group, [...m.policies].sort()]), [
        [group, [policy, "readonly"].sort()],
      ]);
      deepEqual(entities.policyMappings?.map((m) => [m.policy, m.users, m.groups]), [
        [policy, [user], [group]],
      ]);

      deepEqual((await admin.detachPolicy([policy], { user })).policiesDetached, [policy]);
      equal((await admin.userInfo(user)).policyName ?? "", "");
      await admin.policySet([policy, "readonly"], { user });
      equal((await admin.userInfo(user)).policyName, `${policy},readonly`);
      deepEqual((await admin.policyUnset("readonly", { user })).policiesDetached, ["readonly"]);
      equal((await admin.userInfo(user)).policyName, policy);
      await rejectsAdmin(
        admin.attachPolicy(["no-such-policy-" + policy], { user }),
        "XMinioAdminNoSuchPolicy",
        404,
      );
    } finally {
      await admin.detachPolicy([policy], { user }).catch(() => {});
      await admin.detachPolicy([policy, "readonly"], { group }).catch(() => {});
      await admin.groupRemove(group, { members: [user] });
      await admin.groupRemove(group);
      await admin.userRemove(user);
      await admin.policyRemove(policy);
    }
    await rejectsAdmin(admin.policyInfo(policy), "XMinioAdminNoSuchPolicy", 404);
  });
}

// Cross-check with the real `mc`: what our admin client makes, mc sees, and the other way round.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { adminTargets, uniqueName } from "./admin_testbed.ts";
import { mc } from "./mc.ts";

/** mc's `--json` output: one JSON object per line. */
function mcJson(...args: string[]): Record<string, unknown>[] {
  return mc(...args, "--json").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

for (const t of adminTargets) {
  test(`[${t.name}] mc sees our user, policy and service account`, async () => {
    const admin = t.admin();
    const user = uniqueName("ours");
    const policy = uniqueName("ourpol");
    const doc = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::*"] }],
    };
    await admin.userAdd(user, `pw-${crypto.randomUUID()}`);
    await admin.policyAdd(policy, doc);
    let svc = "";
    try {
      await admin.attachPolicy([policy], { user });
      ({ credentials: { accessKey: svc } } = await admin.addServiceAccount({
        targetUser: user,
        name: "cross-check",
        description: "made by minio-edge",
      }));

      const listed = mcJson("admin", "user", "list", t.name).find((u) => u.accessKey === user);
      equal(listed?.userStatus, "enabled");
      const [info] = mcJson("admin", "user", "info", t.name, user);
      deepEqual([info.accessKey, info.userStatus, info.policyName], [user, "enabled", policy]);

      const [pol] = mcJson("admin", "policy", "info", t.name, policy);
      const polInfo = pol.policyInfo as { PolicyName: string; Policy: unknown };
      equal(polInfo.PolicyName, policy);
      deepEqual(polInfo.Policy, doc);

      const [sa] = mcJson("admin", "user", "svcacct", "info", t.name, svc);
      deepEqual([sa.accessKey, sa.parentUser, sa.name, sa.description], [
        svc,
        user,
        "cross-check",
        "made by minio-edge",
      ]);
    } finally {
      if (svc) await admin.deleteServiceAccount(svc);
      await admin.detachPolicy([policy], { user }).catch(() => {});
      await admin.userRemove(user);
      await admin.policyRemove(policy);
    }
  });

  test(`[${t.name}] we see a user, group and policy mapping made by mc`, async () => {
    const admin = t.admin();
    const user = uniqueName("mcuser");
    const group = uniqueName("mcgroup");
    mc("admin", "user", "add", t.name, user, `pw-${crypto.randomUUID()}`);
    try {
      mc("admin", "group", "add", t.name, group, user);
      mc("admin", "policy", "attach", t.name, "readonly", "--user", user);
      const listed = (await admin.userList())[user];
      deepEqual([listed?.status, listed?.policyName], ["enabled", "readonly"]);
      const info = await admin.userInfo(user);
      deepEqual([info.status, info.policyName, info.memberOf], ["enabled", "readonly", [group]]);
      deepEqual((await admin.groupInfo(group)).members, [user]);
      mc("admin", "user", "disable", t.name, user);
      equal((await admin.userInfo(user)).status, "disabled");
    } finally {
      mc("admin", "group", "rm", t.name, group, user);
      mc("admin", "group", "rm", t.name, group);
      mc("admin", "user", "rm", t.name, user);
    }
    ok(!(user in await admin.userList()), "mc's removal is seen");
  });
}

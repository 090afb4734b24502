// LDAP identity against a real OpenLDAP and the MinIO that uses it
// (scripts/testbed_ldap.sh): policy mappings by DN, the access keys of LDAP
// users, and an LDAP user's STS login used by a client.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { LdapIdentityProvider, Minio, S3Error } from "../../mod.ts";
import { MinioAdminException } from "../../admin.ts";
import { uniqueName } from "./admin_testbed.ts";
import { uniqueBucket } from "./testbed.ts";
import {
  groupDn,
  ldapAdmin,
  ldapMinioUrl,
  ldapPassword,
  ldapRootOptions,
  userDn,
} from "./ldap_testbed.ts";
import { rejectsWith } from "./rejects_with.ts";

function bucketPolicy(bucket: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`arn:aws:s3:::${bucket}`] },
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject"],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  };
}

// Array.fromAsync is missing on Node 20.
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const denied = (p: Promise<unknown>) => rejectsWith(p, S3Error, "AccessDenied", 403);

test("[ldap] attachPolicyLdap / detachPolicyLdap by DN and name; getPolicyEntitiesLdap", async () => {
  const admin = ldapAdmin();
  const policy = uniqueName("ldap-pol");
  const [alice, carol, readers] = [userDn("alice"), userDn("carol"), groupDn("readers")];
  await admin.policyAdd(policy, bucketPolicy(policy));
  try {
    deepEqual((await admin.attachPolicyLdap([policy], { user: alice })).policiesAttached, [policy]);
    deepEqual((await admin.attachPolicyLdap([policy], { group: readers })).policiesAttached, [
      policy,
    ]);
    // A user may be named by login name; the server maps it to the DN.
    const byName = await admin.attachPolicyLdap([policy], { user: "carol" });
    deepEqual(byName.policiesAttached, [policy]);
    ok(!Number.isNaN(Date.parse(byName.updatedAt ?? "")));
    await rejectsWith(
      admin.attachPolicyLdap([policy], { user: alice }),
      MinioAdminException,
      "XMinioAdminPolicyChangeAlreadyApplied",
      400,
    );
    await rejectsWith(
      admin.attachPolicyLdap([policy], { user: uniqueName("nobody") }),
      MinioAdminException,
      "XMinioAdminNoSuchUser",
      404,
    );
    await rejectsWith(
      admin.attachPolicyLdap([uniqueName("no-such-policy")], { user: alice }),
      MinioAdminException,
      "XMinioAdminNoSuchPolicy",
      404,
    );

    const entities = await admin.getPolicyEntitiesLdap([alice], [readers], [policy]);
    ok(entities.userMappings?.find((m) => m.user === alice)?.policies.includes(policy));
    ok(entities.groupMappings?.find((m) => m.group === readers)?.policies.includes(policy));
    deepEqual(entities.policyMappings?.map((m) => [m.policy, m.users?.sort(), m.groups]), [
      [policy, [alice, carol].sort(), [readers]],
    ]);
    // Bob has no policy of his own but gets the readers' through membership.
    const bob = await admin.getPolicyEntitiesLdap([userDn("bob")], [], []);
    ok(
      bob.userMappings?.[0].memberOfMappings?.some((m) =>
        m.group === readers && m.policies.includes(policy)
      ),
      JSON.stringify(bob),
    );
    // The builtin listing leaves LDAP users and groups out.
    equal((await admin.getPolicyEntities([], [], [policy])).policyMappings, undefined);

    deepEqual((await admin.detachPolicyLdap([policy], { user: alice })).policiesDetached, [policy]);
    deepEqual((await admin.detachPolicyLdap([policy], { user: carol })).policiesDetached, [policy]);
    deepEqual((await admin.detachPolicyLdap([policy], { group: readers })).policiesDetached, [
      policy,
    ]);
    equal((await admin.getPolicyEntitiesLdap([], [], [policy])).policyMappings, undefined);
  } finally {
    for (const target of [{ user: alice }, { user: carol }, { group: readers }]) {
      await admin.detachPolicyLdap([policy], target).catch(() => {});
    }
    await admin.policyRemove(policy);
  }
});

test("[ldap] LdapIdentityProvider: STS login; the client may do what the group's policy allows, no more", async () => {
  const admin = ldapAdmin();
  const root = new Minio(ldapRootOptions());
  const bucket = uniqueBucket("ldap");
  const other = uniqueBucket("ldap-other");
  const policy = uniqueName("ldap-sts");
  const editors = groupDn("editors");
  const alice = userDn("alice");
  let serviceAccount: string | undefined;
  await root.makeBucket(bucket);
  await root.makeBucket(other);
  await root.putObject(other, "seed.txt", "not for alice");
  await admin.policyAdd(policy, bucketPolicy(bucket));
  try {
    // Alice gets the policy only through her group.
    await admin.attachPolicyLdap([policy], { group: editors });
    const provider = new LdapIdentityProvider(ldapMinioUrl(), "alice", ldapPassword("alice"), {
      durationSeconds: 900,
    });
    const creds = await provider.getCredentials();
    ok(creds.sessionToken, "temporary credentials carry a session token");
    const lifetime = (creds.expiration?.getTime() ?? 0) - Date.now();
    ok(lifetime > 800_000 && lifetime <= 901_000, `lifetime ${lifetime} ms`);
    ok(await provider.getCredentials() === creds, "cached until near expiry");
    ok(!JSON.stringify(provider).includes(ldapPassword("alice")), "the password never prints");

    const client = new Minio({
      endPoint: ldapRootOptions().endPoint,
      port: ldapRootOptions().port,
      useSSL: false,
      credentials: provider,
    });
    await client.putObject(bucket, "hello.txt", "from alice");
    equal(await (await client.getObject(bucket, "hello.txt")).text(), "from alice");
    deepEqual((await collect(client.listObjects(bucket))).map((o) => o.name), [
      "hello.txt",
    ]);
    await denied(client.removeObject(bucket, "hello.txt"));
    await denied(collect(client.listObjects(other)));
    await denied(client.getObject(other, "seed.txt"));
    await denied(client.putObject(other, "x.txt", "x"));
    await denied(client.makeBucket(uniqueBucket("ldap-new")));

    const sts = await admin.listAccessKeysLdap(alice, "sts-only");
    ok(sts.stsKeys?.some((k) => k.accessKey === creds.accessKey), JSON.stringify(sts));
    equal(sts.serviceAccounts, null);
    serviceAccount = (await admin.addServiceAccount({ targetUser: "alice" })).credentials
      .accessKey;
    const svc = await admin.listAccessKeysLdap(alice, "svcacc-only");
    deepEqual(svc.serviceAccounts?.map((k) => k.accessKey), [serviceAccount]);
    equal(svc.stsKeys, null);
    const bulk = await admin.listAccessKeysLdapBulk([alice], "all", false);
    deepEqual(Object.keys(bulk), [alice]);
    ok(bulk[alice].stsKeys?.some((k) => k.accessKey === creds.accessKey));
    deepEqual(bulk[alice].serviceAccounts?.map((k) => k.accessKey), [serviceAccount]);
    const all = await admin.listAccessKeysLdapBulk([], "svcacc-only", true);
    deepEqual(all[alice]?.serviceAccounts?.map((k) => k.accessKey), [serviceAccount]);

    // Policies are checked per request: the same credentials lose access at once.
    await admin.detachPolicyLdap([policy], { group: editors });
    await denied(client.getObject(bucket, "hello.txt"));
  } finally {
    if (serviceAccount) await admin.deleteServiceAccount(serviceAccount);
    await admin.detachPolicyLdap([policy], { group: editors }).catch(() => {});
    for (const b of [bucket, other]) {
      for await (const o of root.listObjects(b, { recursive: true })) {
        await root.removeObject(b, o.name);
      }
      await root.removeBucket(b);
    }
    await admin.policyRemove(policy);
  }
});

test("[ldap] LdapIdentityProvider: a user without a policy and a wrong password are refused", async () => {
  // Carol's only group (readers) has no policy here.
  await rejectsWith(
    new LdapIdentityProvider(ldapMinioUrl(), "carol", ldapPassword("carol")).getCredentials(),
    S3Error,
    "InvalidParameterValue",
    400,
    [ldapPassword("carol")],
  );
  const wrong = `wrong-${crypto.randomUUID()}`;
  const e = await rejectsWith(
    new LdapIdentityProvider(ldapMinioUrl(), "alice", wrong).getCredentials(),
    S3Error,
    "InvalidParameterValue",
    400,
    [wrong, ldapPassword("alice")],
  );
  ok(e.requestId, "the STS error keeps the request id");
});

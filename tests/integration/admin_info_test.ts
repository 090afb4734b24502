// Diagnostics, update, and what a server without LDAP or site replication answers,
// against the real MinIO over HTTP and TLS.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { PeerInfo, SiteReplicationStatusOptions } from "../../admin.ts";
import { adminTargets, rejectsAdmin } from "./admin_testbed.ts";
import { client, env, withBucket } from "./testbed.ts";
import { waitFor } from "../wait.ts";

for (const t of adminTargets) {
  test(`[${t.name}] info, accountInfo, getDataUsageInfo: decoded shapes`, async () => {
    const admin = t.admin();
    const info = await admin.info();
    equal(info.mode, "online");
    equal(info.backend?.backendType, "Erasure");
    ok(info.servers?.length === 1 && info.servers[0].state === "online");
    ok(typeof info.deploymentID === "string" && info.deploymentID.length > 0);
    ok(info.sqsARN?.includes(env("MINIO_TEST_WEBHOOK_ARN")), "the webhook target is listed");

    await withBucket(client(t.name === "tls"), async (bucket) => {
      // The server may list buckets from a cache a moment old: poll for the new one.
      const account = await waitFor(
        `${bucket} among the account's buckets`,
        async () => {
          const a = await admin.accountInfo({ prefixUsage: true });
          return a.Buckets?.some((b) => b.name === bucket) && a;
        },
      );
      equal(account.AccountName, env("MINIO_TEST_ACCESS_KEY"));
      ok(Array.isArray(account.Policy?.Statement), "the root policy is a document");
      const mine = account.Buckets!.find((b) => b.name === bucket)!;
      deepEqual(mine.access, { read: true, write: true }, "root reads and writes it");
    });

    const usage = await admin.getDataUsageInfo();
    ok(!Number.isNaN(Date.parse(usage.lastUpdate)));
    ok(Number.isInteger(usage.objectsCount) && Number.isInteger(usage.bucketsCount));
  });

  test(`[${t.name}] profileStart: a zip archive of the profiles`, async () => {
    const zip = await t.admin().profileStart({ profilers: ["cpu", "mem"], duration: 1 });
    ok(zip instanceof Uint8Array && zip.length > 100);
    deepEqual([...zip.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], "PK local file header");
    const names = new TextDecoder().decode(zip);
    ok(names.includes("profile-") && names.includes("cpu"), "cpu profile inside");
  });

  test(`[${t.name}] topLocks: a typed refusal on a single node (one drive or erasure-coded)`, async () => {
    // Locks are held by distributed lockers: a single-node server, whether
    // `mode-server-xl-single` (one drive) or `mode-server-xl` (erasure-coded
    // drives), refuses the call; the answer must surface as a typed error.
    const e = await rejectsAdmin(
      t.admin().topLocks({ count: 5 }),
      "XMinioAdminVersionMismatch",
      426,
    );
    ok(/mode-server-xl/.test(e.message), e.message);
  });

  test(`[${t.name}] update: refused by a server that cannot update in place`, async () => {
    // The test bed runs with MINIO_UPDATE=off (and a development build), so the
    // server refuses before any download: no internet is needed to see the answer.
    await rejectsAdmin(t.admin().update(), "MethodNotAllowed", 405);
  });

  test(`[${t.name}] LDAP calls on a server without LDAP: typed refusals`, async () => {
    const admin = t.admin();
    await rejectsAdmin(
      admin.attachPolicyLdap(["readonly"], { user: "uid=nobody,dc=example,dc=org" }),
      "XMinioLDAPNotEnabled",
      501,
    );
    await rejectsAdmin(
      admin.detachPolicyLdap(["readonly"], { group: "cn=nobody,dc=example,dc=org" }),
      "XMinioLDAPNotEnabled",
      501,
    );
    const e = await rejectsAdmin(
      admin.listAccessKeysLdap("uid=nobody,dc=example,dc=org", "all"),
      "InternalError",
      500,
    );
    ok(e.message.includes("LDAP is not configured"), e.message);
    await rejectsAdmin(
      admin.listAccessKeysLdapBulk(["uid=nobody,dc=example,dc=org"], "all", false),
      "InternalError",
      500,
    );
    await rejectsAdmin(
      admin.listAccessKeysLdapBulk([], "all", true),
      "XMinioIAMActionNotAllowed",
      403,
    );
  });

  test(`[${t.name}] site replication on a server without it: info, status, typed refusals`, async () => {
    const admin = t.admin();
    deepEqual(await admin.getSiteReplicationInfo(), { enabled: false });
    const status = await admin.getSiteReplicationStatus(
      new SiteReplicationStatusOptions({ buckets: true, users: true }),
    );
    equal(status.Enabled, false);
    // An empty list decrypts and parses on the server, which then finds no site
    // that is itself; nothing is set up (adding this server alone would be).
    await rejectsAdmin(admin.addSiteReplication([]), "XMinioSiteReplicationBackendIssue", 503);
    const self = new PeerInfo("no-such-deployment", "http://127.0.0.1:1", 0, false);
    await rejectsAdmin(admin.editSiteReplication(self), "XMinioSiteReplicationInvalidRequest", 400);
    const e = await rejectsAdmin(
      admin.removeSiteReplication({ sites: ["no-such-site"] }),
      "XMinioSiteReplicationInvalidRequest",
      400,
    );
    ok(e.message.includes("not enabled"), e.message);
  });
}

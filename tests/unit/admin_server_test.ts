// What the admin service, diagnostics, quota, KMS and site-replication calls send.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { PeerInfo, PeerSite, SiteReplicationStatusOptions } from "../../admin.ts";
import { checkRequest, decryptedJson, fakeAdmin, plainJson } from "./fake_admin.ts";

test("serviceRestart / serviceStop: POST service?action&type=2, plain JSON result", async () => {
  const result = { action: "restart", dryRun: false, results: [{ host: "127.0.0.1" }] };
  const { admin, sent } = fakeAdmin([
    { body: JSON.stringify(result) },
    { body: '{"action":"stop","dryRun":true}' },
  ]);
  deepEqual(await admin.serviceRestart(), result);
  deepEqual(await admin.serviceStop({ dryRun: true }), { action: "stop", dryRun: true });
  await checkRequest(sent[0], "POST", "service", [["action", "restart"], ["type", "2"]]);
  await checkRequest(sent[1], "POST", "service", [["action", "stop"], ["type", "2"], [
    "dry-run",
    "true",
  ]]);
});

test("update: POST update?updateURL&type=2", async () => {
  const { admin, sent } = fakeAdmin([{ body: '{"dryRun":false}' }, { body: '{"dryRun":true}' }]);
  deepEqual(await admin.update(), { dryRun: false });
  await admin.update({ updateURL: "https://mirror.example/minio.sha256sum", dryRun: true });
  await checkRequest(sent[0], "POST", "update", [["updateURL", ""], ["type", "2"]]);
  await checkRequest(sent[1], "POST", "update", [
    ["updateURL", "https://mirror.example/minio.sha256sum"],
    ["type", "2"],
    ["dry-run", "true"],
  ]);
});

test("info, accountInfo, getDataUsageInfo: GET, plain JSON", async () => {
  const { admin, sent } = fakeAdmin([
    { body: '{"mode":"online","servers":[{"state":"online"}]}' },
    { body: '{"AccountName":"minioadmin","Buckets":[]}' },
    { body: '{"AccountName":"minioadmin"}' },
    { body: '{"objectsCount":3,"bucketsCount":1}' },
  ]);
  deepEqual(await admin.info(), { mode: "online", servers: [{ state: "online" }] });
  deepEqual(await admin.accountInfo(), { AccountName: "minioadmin", Buckets: [] });
  await admin.accountInfo({ prefixUsage: true });
  deepEqual(await admin.getDataUsageInfo(), { objectsCount: 3, bucketsCount: 1 });
  await checkRequest(sent[0], "GET", "info");
  await checkRequest(sent[1], "GET", "accountinfo");
  await checkRequest(sent[2], "GET", "accountinfo", [["prefix-usage", "true"]]);
  await checkRequest(sent[3], "GET", "datausageinfo");
});

test("topLocks: GET top/locks with count and stale; null is no locks", async () => {
  const lock = { resource: "b/o", type: "WRITE", serverlist: ["s1"], quorum: 1 };
  const { admin, sent } = fakeAdmin([{ body: JSON.stringify([lock]) }, { body: "null" }]);
  deepEqual(await admin.topLocks({ count: 5, stale: true }), [lock]);
  deepEqual(await admin.topLocks(), []);
  await checkRequest(sent[0], "GET", "top/locks", [["count", "5"], ["stale", "true"]]);
  await checkRequest(sent[1], "GET", "top/locks");
});

test("profileStart: POST profile?profilerType&duration, returns the bytes", async () => {
  const zip = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);
  const { admin, sent } = fakeAdmin([{ body: zip }, { body: zip }]);
  deepEqual(await admin.profileStart({ profilers: ["cpu", "mem"], duration: 2 }), zip);
  await admin.profileStart();
  await checkRequest(sent[0], "POST", "profile", [["profilerType", "cpu,mem"], [
    "duration",
    "2s",
  ]]);
  await checkRequest(sent[1], "POST", "profile", [["profilerType", "cpu"]]);
});

test("bucket quota: PUT set-bucket-quota with quota and size; GET; clear sets 0", async () => {
  const quota = { quota: 1024, size: 1024, rate: 0, requests: 0, quotatype: "hard" };
  const { admin, sent } = fakeAdmin([{}, { body: JSON.stringify(quota) }, {}]);
  await admin.bucketQuotaSet("photos", 1024);
  deepEqual(await admin.bucketQuotaGet("photos"), quota);
  await admin.bucketQuotaClear("photos");
  await checkRequest(sent[0], "PUT", "set-bucket-quota", [["bucket", "photos"]]);
  deepEqual(plainJson(sent[0]), { quota: 1024, size: 1024, quotatype: "hard" });
  await checkRequest(sent[1], "GET", "get-bucket-quota", [["bucket", "photos"]]);
  deepEqual(plainJson(sent[2]), { quota: 0, size: 0, quotatype: "hard" });
});

test("kmsKeyCreate: POST kms/key/create?key-id; kmsKeyStatus: GET kms/key/status", async () => {
  const { admin, sent } = fakeAdmin([{}, { body: '{"key-id":"k1"}' }, { body: '{"key-id":"d"}' }]);
  await admin.kmsKeyCreate("k1");
  deepEqual(await admin.kmsKeyStatus({ key: "k1" }), { "key-id": "k1" });
  await admin.kmsKeyStatus();
  await checkRequest(sent[0], "POST", "kms/key/create", [["key-id", "k1"]]);
  await checkRequest(sent[1], "GET", "kms/key/status", [["key-id", "k1"]]);
  await checkRequest(sent[2], "GET", "kms/key/status", [["key-id", ""]]);
});

test("addSiteReplication: PUT site-replication/add?api-version=1, PeerSites encrypted", async () => {
  const { admin, sent } = fakeAdmin([{ body: '{"success":true,"status":"ok"}' }]);
  const sites = [
    new PeerSite("a", "http://a:9000", "admin-a", "secret-a-1"),
    new PeerSite("b", "http://b:9000", "admin-b", "secret-b-1"),
  ];
  deepEqual(await admin.addSiteReplication(sites, { replicateIlmExpiry: true }), {
    success: true,
    status: "ok",
  });
  await checkRequest(sent[0], "PUT", "site-replication/add", [["api-version", "1"], [
    "replicateILMExpiry",
    "true",
  ]]);
  ok(!new TextDecoder().decode(sent[0].body).includes("secret-a-1"));
  deepEqual(await decryptedJson(sent[0]), [
    { name: "a", endpoints: "http://a:9000", accessKey: "admin-a", secretKey: "secret-a-1" },
    { name: "b", endpoints: "http://b:9000", accessKey: "admin-b", secretKey: "secret-b-1" },
  ]);
  ok(!JSON.stringify(sites).includes("secret-a-1"), "JSON of a PeerSite hides the secret");
});

test("editSiteReplication: PUT site-replication/edit?api-version=1, PeerInfo encrypted", async () => {
  const { admin, sent } = fakeAdmin([{ body: '{"success":true,"status":"edited"}' }]);
  const peer = new PeerInfo("dep-1", "http://b2:9000", 1048576, true, {
    name: "b",
    syncStatus: true,
    bucketBandwidthUpdatedAt: new Date("2026-01-02T03:04:05Z"),
  });
  deepEqual(await admin.editSiteReplication(peer, { disableIlmExpiryReplication: true }), {
    success: true,
    status: "edited",
  });
  await checkRequest(sent[0], "PUT", "site-replication/edit", [["api-version", "1"], [
    "disableILMExpiryReplication",
    "true",
  ]]);
  deepEqual(await decryptedJson(sent[0]), {
    endpoint: "http://b2:9000",
    deploymentID: "dep-1",
    defaultbandwidth: {
      bandwidthLimitPerBucket: 1048576,
      set: true,
      updatedAt: "2026-01-02T03:04:05.000Z",
    },
    name: "b",
    sync: "enable",
  });
});

test("removeSiteReplication: plain JSON (the server does not decrypt this body)", async () => {
  const { admin, sent } = fakeAdmin([{ body: '{"status":"removed"}' }, { body: "{}" }]);
  deepEqual(await admin.removeSiteReplication({ sites: ["b", "c"] }), { status: "removed" });
  await admin.removeSiteReplication({ allSites: true });
  await checkRequest(sent[0], "PUT", "site-replication/remove", [["api-version", "1"]]);
  deepEqual(plainJson(sent[0]), { sites: ["b", "c"] });
  deepEqual(plainJson(sent[1]), { all: true });
});

test("getSiteReplicationInfo / getSiteReplicationStatus: GET, plain JSON", async () => {
  const { admin, sent } = fakeAdmin([
    { body: '{"enabled":false}' },
    { body: '{"Enabled":false}' },
    { body: '{"Enabled":false}' },
  ]);
  deepEqual(await admin.getSiteReplicationInfo(), { enabled: false });
  deepEqual(await admin.getSiteReplicationStatus(), { Enabled: false });
  await admin.getSiteReplicationStatus(
    new SiteReplicationStatusOptions({ users: true, entity: "user", entityValue: "alice" }),
  );
  await checkRequest(sent[0], "GET", "site-replication/info");
  const off = ["buckets", "policies", "users", "groups", "metrics", "showDeleted"];
  await checkRequest(sent[1], "GET", "site-replication/status", off.map((k) => [k, "false"]));
  await checkRequest(sent[2], "GET", "site-replication/status", [
    ...off.map((k): [string, string] => [k, k === "users" ? "true" : "false"]),
    ["entity", "user"],
    ["entityvalue", "alice"],
  ]);
});

test("server calls: bad input fails before any request", async () => {
  const { admin, sent } = fakeAdmin();
  await rejects(admin.serviceRestart({ dryRun: "yes" as never }), InvalidArgumentError);
  await rejects(admin.topLocks({ count: 0 }), InvalidArgumentError);
  await rejects(admin.profileStart({ profilers: [] }), InvalidArgumentError);
  await rejects(admin.profileStart({ profilers: ["disk" as never] }), InvalidArgumentError);
  await rejects(admin.profileStart({ duration: -1 }), InvalidArgumentError);
  await rejects(admin.bucketQuotaSet("photos", -1), InvalidArgumentError);
  await rejects(admin.bucketQuotaSet("ab", 1), InvalidArgumentError);
  await rejects(admin.bucketQuotaGet(""), InvalidArgumentError);
  await rejects(admin.kmsKeyCreate(""), InvalidArgumentError);
  await rejects(admin.kmsKeyStatus({ key: "" }), InvalidArgumentError);
  await rejects(admin.addSiteReplication([{}] as never), InvalidArgumentError);
  await rejects(admin.editSiteReplication({} as never), InvalidArgumentError);
  await rejects(admin.removeSiteReplication(), InvalidArgumentError);
  await rejects(
    admin.removeSiteReplication({ sites: ["a"], allSites: true }),
    InvalidArgumentError,
  );
  await rejects(admin.getSiteReplicationStatus({} as never), InvalidArgumentError);
  equal(sent.length, 0);
  let threw = 0;
  for (
    const make of [
      () => new PeerSite("a", "http://a", "k", ""),
      () => new PeerInfo("", "http://a", 0, false),
      () => new PeerInfo("d", "http://a", -1, false),
      () => new SiteReplicationStatusOptions({ entity: "bucketz" as never }),
    ]
  ) {
    try {
      make();
    } catch (e) {
      if (e instanceof InvalidArgumentError) threw++;
    }
  }
  equal(threw, 4);
});

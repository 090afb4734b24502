// Site replication between two fresh MinIO servers (SITE_A and SITE_B).
// Site replication is global server state and Deno, Bun, Node and workerd
// run this file one after another against the same servers, so every run
// ends with replication removed and everything it made (buckets, policy,
// user, the site-replicator-0 service account) deleted on both sites.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import {
  type MinioAdmin,
  MinioAdminException,
  PeerInfo,
  PeerSite,
  SiteReplicationStatusOptions,
} from "../../admin.ts";
import { bytesOf, uniqueBucket } from "./testbed.ts";
import { uniqueName } from "./admin_testbed.ts";
import {
  dropBucket,
  pairAdmin,
  pairClient,
  type PairServer,
  rejectsAdmin,
  server,
} from "./pair_testbed.ts";
import { poll } from "../wait.ts";

const SITES: PairServer[] = ["SITE_A", "SITE_B"];
// The service account MinIO makes on every site for replication.
const REPLICATOR = "site-replicator-0";

const ignore = () => {};

function peerSite(s: PairServer, name: string): PeerSite {
  const { url, accessKey, secretKey } = server(s);
  return new PeerSite(name, url, accessKey, secretKey);
}

/** Site replication off and the servers as fresh as the test needs them. */
async function requireFresh(): Promise<void> {
  for (const s of SITES) {
    const admin = pairAdmin(s);
    if ((await admin.getSiteReplicationInfo()).enabled) {
      await admin.removeSiteReplication({ allSites: true });
    }
    const left = await pairClient(s).listBuckets();
    if (left.length) {
      throw new Error(
        `${s} has buckets left from an earlier run (${
          left.map((b) => b.name).join(", ")
        }): restart the pairs (bash scripts/testbed_pair.sh start)`,
      );
    }
  }
}

/** Undoes what a run made, on both sites. */
async function cleanUp(
  admin: MinioAdmin,
  made: { buckets: string[]; user: string; policy: string },
) {
  if ((await admin.getSiteReplicationInfo()).enabled) {
    await admin.removeSiteReplication({ allSites: true });
  }
  for (const s of SITES) {
    const [c, a] = [pairClient(s), pairAdmin(s)];
    for (const b of made.buckets) await dropBucket(c, b);
    await a.userRemove(made.user).catch(ignore);
    await a.policyRemove(made.policy).catch(ignore);
    await a.deleteServiceAccount(REPLICATOR).catch(ignore);
  }
}

test("site replication: add, bucket/object/policy/user replicate both ways, info, status, edit, remove", async () => {
  await requireFresh();
  const [a, b] = [pairAdmin("SITE_A"), pairAdmin("SITE_B")];
  const [s3a, s3b] = [pairClient("SITE_A"), pairClient("SITE_B")];
  const [nameA, nameB] = [uniqueName("site-a"), uniqueName("site-b")];
  const made = {
    buckets: [uniqueBucket("site")],
    user: uniqueName("sru"),
    policy: uniqueName("srp"),
  };
  const [bucket] = made.buckets;
  try {
    const added = await a.addSiteReplication([
      peerSite("SITE_A", nameA),
      peerSite("SITE_B", nameB),
    ]);
    equal(added.success, true, added.errorDetail);

    const info = await a.getSiteReplicationInfo();
    deepEqual([info.enabled, info.name, info.serviceAccountAccessKey], [true, nameA, REPLICATOR]);
    deepEqual(info.sites?.map((p) => [p.name, p.endpoint]).sort(), [
      [nameA, server("SITE_A").url],
      [nameB, server("SITE_B").url],
    ]);
    const infoB = await b.getSiteReplicationInfo();
    deepEqual([infoB.enabled, infoB.name, infoB.sites?.length], [true, nameB, 2]);
    const depB = info.sites!.find((p) => p.name === nameB)!.deploymentID;

    // A bucket and an object made on A, a policy made on B, a user made on A.
    await s3a.makeBucket(bucket);
    await poll("the bucket on B", async () => (await s3b.bucketExists(bucket)) || undefined);
    const body = bytesOf(64 * 1024, 3);
    await s3a.putObject(bucket, "site.bin", body);
    const copy = await poll("the object on B", () => s3b.getObject(bucket, "site.bin"));
    deepEqual(await copy.bytes(), body);

    const doc = {
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      }],
    };
    await b.policyAdd(made.policy, doc);
    deepEqual(await poll("the policy on A", () => a.policyInfo(made.policy)), doc);
    await a.userAdd(made.user, `pw-${crypto.randomUUID()}`);
    await a.attachPolicy([made.policy], { user: made.user });
    const user = await poll("the user and its policy on B", async () => {
      const u = await b.userInfo(made.user);
      return u.policyName === made.policy ? u : undefined;
    });
    equal(user.status, "enabled");

    const summary = await a.getSiteReplicationStatus(
      new SiteReplicationStatusOptions({ buckets: true, policies: true, users: true }),
    ) as { Enabled: boolean; Sites: Record<string, { name: string }>; StatsSummary: object };
    equal(summary.Enabled, true);
    deepEqual(Object.values(summary.Sites).map((p) => p.name).sort(), [nameA, nameB]);
    deepEqual(Object.keys(summary.StatsSummary).sort(), Object.keys(summary.Sites).sort());
    const one = await b.getSiteReplicationStatus(
      new SiteReplicationStatusOptions({ entity: "bucket", entityValue: bucket }),
    ) as { BucketStats: Record<string, Record<string, { HasBucket: boolean }>> };
    const perSite = Object.values(one.BucketStats[bucket] ?? {});
    deepEqual(perSite.map((s) => s.HasBucket), [true, true], "the bucket on both sites");

    // B's endpoint in its localhost form, then synchronous replication to B.
    const local = `http://localhost:${server("SITE_B").port}`;
    const edited = await a.editSiteReplication(new PeerInfo(depB, local, 0, false));
    equal(edited.success, true, edited.errorDetail);
    match(edited.status, /endpoint http:\/\/localhost:\d+/);
    equal(
      (await b.getSiteReplicationInfo()).sites?.find((p) => p.deploymentID === depB)?.endpoint,
      local,
    );
    await a.editSiteReplication(new PeerInfo(depB, local, 0, false, { syncStatus: true }));
    equal(
      (await a.getSiteReplicationInfo()).sites?.find((p) => p.deploymentID === depB)?.sync,
      "enable",
    );
    // An endpoint nobody serves: refused, as invalid or (once MinIO's health
    // check has marked it offline) as a peer error.
    const bad = await a.editSiteReplication(new PeerInfo(depB, "http://127.0.0.1:9", 0, false))
      .then(() => undefined, (e) => e);
    ok(bad instanceof MinioAdminException, `refused: ${bad}`);
    match(bad.code, /^XMinioSiteReplication(InvalidRequest|PeerResp)$/);

    const removed = await a.removeSiteReplication({ allSites: true });
    match(removed.status, /removed/);
    deepEqual(
      [(await a.getSiteReplicationInfo()).enabled, (await b.getSiteReplicationInfo()).enabled],
      [false, false],
    );
    await rejectsAdmin(
      a.removeSiteReplication({ allSites: true }),
      "XMinioSiteReplicationInvalidRequest",
    );
    ok(await s3b.bucketExists(bucket), "removal keeps what was replicated");
  } finally {
    await cleanUp(a, made);
  }
});

test("site replication: MinIO refuses to join a site that has buckets of its own", async () => {
  await requireFresh();
  const a = pairAdmin("SITE_A");
  const made = {
    buckets: [uniqueBucket("site")],
    user: uniqueName("sru"),
    policy: uniqueName("srp"),
  };
  await pairClient("SITE_B").makeBucket(made.buckets[0]);
  try {
    const e = await rejectsAdmin(
      a.addSiteReplication([peerSite("SITE_A", "site-a"), peerSite("SITE_B", "site-b")]),
      "XMinioSiteReplicationInvalidRequest",
    );
    match(e.message, /containing data/);
    equal((await a.getSiteReplicationInfo()).enabled, false);
  } finally {
    await cleanUp(a, made);
  }
});

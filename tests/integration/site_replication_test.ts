// Site replication between two fresh MinIO servers (SITE_A and SITE_B).
// Site replication is global server state and Deno, Bun, Node and workerd
// run this file one after another against the same servers, so every run
// ends with replication removed and everything it made (buckets, policy,
// user, the site-replicator-0 service account) deleted on both sites.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import {
  MinioAdminException,
  PeerInfo,
  PeerSite,
  SiteReplicationStatusOptions,
} from "../../admin.ts";
import { bytesOf, uniqueBucket, withCleanUp } from "./testbed.ts";
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

/** This file's bucket names: the sites are its alone, so any such bucket is ours. */
const siteBucket = () => uniqueBucket("site");
const OURS = /^site-/;

/**
 * Site replication off, asked of each site: a site left on by a run that
 * failed half-way (its peer already off) heals its buckets back onto the
 * other every 30 s until it is turned off itself.
 */
async function replicationOff(): Promise<void> {
  for (const s of SITES) {
    const admin = pairAdmin(s);
    if ((await admin.getSiteReplicationInfo()).enabled) {
      await admin.removeSiteReplication({ allSites: true });
    }
  }
}

/**
 * Site replication off and no bucket on either site. A bucket this file
 * made in an earlier run that failed (Deno, Bun, Node and workerd run it in
 * turn against the same sites) is removed, so one failure is reported once,
 * not again by every runtime after it; any other bucket is an error.
 */
async function requireFresh(): Promise<void> {
  await replicationOff();
  for (const s of SITES) {
    const c = pairClient(s);
    const left = (await c.listBuckets()).map((b) => b.name);
    const foreign = left.filter((name) => !OURS.test(name));
    if (foreign.length) {
      throw new Error(
        `${s} has buckets this test did not make (${
          foreign.join(", ")
        }): restart the pairs (bash scripts/testbed_pair.sh start)`,
      );
    }
    for (const name of left) await dropBucket(c, name);
  }
}

/** What one test made, for {@link cleanUp}. */
type Made = { buckets: string[]; user: string; policy: string };

/**
 * Undoes what a run made, on both sites: every step is tried, whatever an
 * earlier one threw, and the first error is thrown at the end.
 */
async function cleanUp(made: Made) {
  const errors: unknown[] = [];
  const attempt = (p: Promise<unknown>) => p.catch((e) => errors.push(e));
  await attempt(replicationOff());
  for (const s of SITES) {
    const [c, a] = [pairClient(s), pairAdmin(s)];
    for (const b of made.buckets) await attempt(dropBucket(c, b));
    await a.userRemove(made.user).catch(ignore);
    await a.policyRemove(made.policy).catch(ignore);
    await a.deleteServiceAccount(REPLICATOR).catch(ignore);
  }
  if (errors.length) throw errors[0];
}

/** Runs a test's body, then {@link cleanUp} ({@link withCleanUp}: the body's error is thrown). */
const undoing = (made: Made, body: () => Promise<void>) => withCleanUp(body, () => cleanUp(made));

test("site replication: add, bucket/object/policy/user replicate both ways, info, status, edit, remove", async () => {
  await requireFresh();
  const [a, b] = [pairAdmin("SITE_A"), pairAdmin("SITE_B")];
  const [s3a, s3b] = [pairClient("SITE_A"), pairClient("SITE_B")];
  const [nameA, nameB] = [uniqueName("site-a"), uniqueName("site-b")];
  const made = {
    buckets: [siteBucket()],
    user: uniqueName("sru"),
    policy: uniqueName("srp"),
  };
  const [bucket] = made.buckets;
  await undoing(made, async () => {
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
  });
});

test("site replication: MinIO refuses to join a site that has buckets of its own", async () => {
  await requireFresh();
  const a = pairAdmin("SITE_A");
  const made = {
    buckets: [siteBucket()],
    user: uniqueName("sru"),
    policy: uniqueName("srp"),
  };
  await undoing(made, async () => {
    await pairClient("SITE_B").makeBucket(made.buckets[0]);
    const e = await rejectsAdmin(
      a.addSiteReplication([peerSite("SITE_A", "site-a"), peerSite("SITE_B", "site-b")]),
      "XMinioSiteReplicationInvalidRequest",
    );
    match(e.message, /containing data/);
    equal((await a.getSiteReplicationInfo()).enabled, false);
  });
});

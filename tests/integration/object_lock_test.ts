// Object lock against the real MinIO: the bucket's default retention,
// retention and legal hold of single versions, governance bypass.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { DAYS, GOVERNANCE, ObjectLockConfig, Retention, S3Error, YEARS } from "../../mod.ts";
import { s3Error, targets, withBucket } from "./testbed.ts";
import { withLockedBucket } from "./locked_bucket.ts";

const HOUR = 3600_000;
const isCode = (code: string) => (e: unknown) => e instanceof S3Error && e.code === code;

/** A whole-second date `ms` from now, as S3 keeps retention dates. */
function inFuture(ms: number): Date {
  const d = new Date(Date.now() + ms);
  d.setMilliseconds(0);
  return d;
}

for (const t of targets) {
  test(`[${t.name}] object lock config: default retention set, applied to new objects, removed`, async () => {
    const c = t.client();
    await withLockedBucket(c, async (bucket) => {
      deepEqual(await c.getObjectLockConfig(bucket), new ObjectLockConfig());
      await c.setObjectLockConfig(bucket, new ObjectLockConfig(GOVERNANCE, 1, DAYS));
      deepEqual(await c.getObjectLockConfig(bucket), new ObjectLockConfig(GOVERNANCE, 1, DAYS));
      const w = await c.putObject(bucket, "defaulted", "x");
      const r = await c.getObjectRetention(bucket, "defaulted", { versionId: w.versionId });
      equal(r?.mode, GOVERNANCE);
      const days = (r!.retainUntilDate.getTime() - Date.now()) / (24 * HOUR);
      ok(days > 0.99 && days <= 1.01, `retained about one day, got ${days}`);
      await c.setObjectLockConfig(bucket, new ObjectLockConfig(GOVERNANCE, 1, YEARS));
      equal((await c.getObjectLockConfig(bucket)).durationUnit, YEARS);
      await c.deleteObjectLockConfig(bucket);
      deepEqual(await c.getObjectLockConfig(bucket), new ObjectLockConfig());
      const plain = await c.putObject(bucket, "plain", "y");
      equal(await c.getObjectRetention(bucket, "plain", { versionId: plain.versionId }), null);
    });
  });

  test(`[${t.name}] object lock config, retention, legal hold in a bucket without object lock: S3Error`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await rejects(c.getObjectLockConfig(bucket), isCode("ObjectLockConfigurationNotFoundError"));
      await c.putObject(bucket, "k", "x");
      await rejects(c.getObjectRetention(bucket, "k"), isCode("InvalidRequest"));
      await rejects(c.isObjectLegalHoldEnabled(bucket, "k"), isCode("InvalidRequest"));
    });
  });

  test(`[${t.name}] retention and legal hold of one version; governance bypass`, async () => {
    const c = t.client();
    await withLockedBucket(c, async (bucket) => {
      const v1 = (await c.putObject(bucket, "doc", "one")).versionId!;
      const v2 = (await c.putObject(bucket, "doc", "two")).versionId!;
      ok(v1 && v2 && v1 !== v2);

      const until = inFuture(2 * HOUR);
      await c.setObjectRetention(bucket, "doc", new Retention(GOVERNANCE, until), {
        versionId: v1,
      });
      deepEqual(
        await c.getObjectRetention(bucket, "doc", { versionId: v1 }),
        new Retention(GOVERNANCE, until),
      );
      equal(await c.getObjectRetention(bucket, "doc"), null, "the latest version is not retained");

      // Shortening a governance retention needs the bypass; MinIO says
      // InvalidRequest "Object is WORM protected and cannot be overwritten".
      const sooner = inFuture(HOUR);
      await rejects(
        c.setObjectRetention(bucket, "doc", new Retention(GOVERNANCE, sooner), { versionId: v1 }),
        isCode("InvalidRequest"),
      );
      await c.setObjectRetention(bucket, "doc", new Retention(GOVERNANCE, sooner), {
        versionId: v1,
        governanceBypass: true,
      });
      equal(
        (await c.getObjectRetention(bucket, "doc", { versionId: v1 }))?.retainUntilDate.getTime(),
        sooner.getTime(),
      );
      equal((await c.statObject(bucket, "doc", { versionId: v1 })).retention?.mode, GOVERNANCE);

      equal(await c.isObjectLegalHoldEnabled(bucket, "doc", { versionId: v2 }), false);
      await c.enableObjectLegalHold(bucket, "doc", { versionId: v2 });
      equal(await c.isObjectLegalHoldEnabled(bucket, "doc", { versionId: v2 }), true);
      equal(await c.isObjectLegalHoldEnabled(bucket, "doc", { versionId: v1 }), false);
      equal((await c.statObject(bucket, "doc")).legalHold, true);

      // A hold wins over the bypass; a governance retention does not.
      await rejects(
        c.removeObject(bucket, "doc", { versionId: v2, governanceBypass: true }),
        s3Error("InvalidRequest", 400),
      );
      await rejects(
        c.removeObject(bucket, "doc", { versionId: v1 }),
        s3Error("InvalidRequest", 400),
      );
      await c.removeObject(bucket, "doc", { versionId: v1, governanceBypass: true });
      await c.disableObjectLegalHold(bucket, "doc", { versionId: v2 });
      equal(await c.isObjectLegalHoldEnabled(bucket, "doc", { versionId: v2 }), false);
      await c.removeObject(bucket, "doc", { versionId: v2 });
      const left = [];
      for await (const v of c.listObjects(bucket, { includeVersion: true })) left.push(v);
      deepEqual(left, []);
    });
  });
}

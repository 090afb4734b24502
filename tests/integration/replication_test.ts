// Bucket replication between two real MinIO servers (PAIR_A to PAIR_B):
// remote targets through the admin API, a ReplicationConfig naming the
// target's ARN, and objects and deletes arriving on the other server.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import {
  DeleteMarkerReplication,
  DeleteReplication,
  Destination,
  ENABLED,
  ExistingObjectReplication,
  Filter,
  type Minio,
  ReplicaModifications,
  ReplicationConfig,
  ReplicationRule,
  S3Error,
  SourceSelectionCriteria,
  VersioningConfig,
} from "../../mod.ts";
import { BucketTarget } from "../../admin.ts";
import { bytesOf, uniqueBucket } from "./testbed.ts";
import { dropBucket, pairAdmin, pairClient, rejectsAdmin, server } from "./pair_testbed.ts";
import { poll } from "../wait.ts";

async function versionedBucket(c: Minio, prefix: string): Promise<string> {
  const bucket = uniqueBucket(prefix);
  await c.makeBucket(bucket);
  await c.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
  return bucket;
}

/** The versions of `name` in a bucket, as [versionId, isDeleteMarker], newest first. */
async function versionsOf(c: Minio, bucket: string, name: string) {
  const out: [string | undefined, boolean | undefined][] = [];
  for await (const v of c.listObjects(bucket, { prefix: name, includeVersion: true })) {
    if (v.name === name) out.push([v.versionId, v.isDeleteMarker]);
  }
  return out;
}

/** B's root credentials, for the target on A. */
function targetOnB(bucket: string, secretKey = server("PAIR_B").secretKey): BucketTarget {
  const b = server("PAIR_B");
  return new BucketTarget(b.url, bucket, { accessKey: b.accessKey, secretKey }, {
    region: "us-east-1",
  });
}

test("bucket replication: remote target, config, objects and deletes replicate, targets listed, updated, removed", async () => {
  const [a, b, admin] = [pairClient("PAIR_A"), pairClient("PAIR_B"), pairAdmin("PAIR_A")];
  const src = await versionedBucket(a, "rsrc");
  const dst = await versionedBucket(b, "rdst");
  try {
    const target = targetOnB(dst);
    const arn = await admin.setRemoteTarget(src, target);
    match(arn, new RegExp(`^arn:minio:replication:us-east-1:[0-9a-f-]{36}:${dst}$`));
    equal(await admin.setRemoteTarget(src, target), arn, "the same target again: its ARN");

    const [listed, ...more] = await admin.listRemoteTargets(src);
    equal(more.length, 0);
    deepEqual(
      [listed.arn, listed.endpoint, listed.secure, listed.targetBucket, listed.type, listed.region],
      [
        arn,
        `${server("PAIR_B").host}:${server("PAIR_B").port}`,
        false,
        dst,
        "replication",
        "us-east-1",
      ],
    );
    deepEqual([listed.credentials.accessKey, listed.hasSecretKey], [
      server("PAIR_B").accessKey,
      false,
    ]);
    equal(listed.state?.sourceBucket, src);
    // The list across all buckets is built from the server's cache, which can
    // lag a target added a moment ago on a fresh server: wait for it, bounded.
    await poll(
      "target listed among all buckets'",
      async () => (await admin.listRemoteTargets()).some((t) => t.arn === arn) || undefined,
      15_000,
    );
    ok((await admin.listRemoteTargets(src, "replication")).some((t) => t.arn === arn));

    const config = new ReplicationConfig("", [
      new ReplicationRule(ENABLED, new Destination(arn), {
        ruleId: "everything",
        priority: 1,
        ruleFilter: new Filter({ prefix: "" }),
        deleteMarkerReplication: new DeleteMarkerReplication(ENABLED),
        deleteReplication: new DeleteReplication(ENABLED),
        // Both stated: MinIO adds them (with existing objects off) when left out.
        existingObjectReplication: new ExistingObjectReplication(ENABLED),
        sourceSelectionCriteria: new SourceSelectionCriteria({
          replicaModifications: new ReplicaModifications(ENABLED),
        }),
      }),
    ]);
    await a.setBucketReplication(src, config);
    equal((await a.getBucketReplication(src))?.toXml(), config.toXml(), "round trip");

    const body = bytesOf(300 * 1024, 7);
    const { versionId } = await a.putObject(src, "docs/report.bin", body);
    ok(versionId);
    const replica = await poll("the object on B", async () => {
      const res = await b.getObject(dst, "docs/report.bin"); // poll reports the last refusal
      return { bytes: await res.bytes(), stat: res.stat };
    });
    deepEqual(replica.bytes, body, "byte-exact");
    equal(replica.stat.versionId, versionId, "same version id on both");
    equal(replica.stat.headers.get("x-amz-replication-status"), "REPLICA");
    await poll("COMPLETED on A", async () => {
      const s = await a.statObject(src, "docs/report.bin");
      return s.headers.get("x-amz-replication-status") === "COMPLETED" || undefined;
    });

    // A plain delete leaves a delete marker: replicated as one.
    await a.removeObject(src, "docs/report.bin");
    const [[markerId, isMarker]] = await versionsOf(a, src, "docs/report.bin");
    ok(isMarker);
    await poll("the delete marker on B", async () => {
      const v = await versionsOf(b, dst, "docs/report.bin");
      return v[0]?.[0] === markerId && v[0]?.[1] ? v : undefined;
    });
    const gone = await b.statObject(dst, "docs/report.bin").catch((e) => e);
    ok(gone instanceof S3Error, `B: the object reads as deleted, got ${gone}`);
    deepEqual([gone.code, gone.status], ["NoSuchKey", 404], "B: the object reads as deleted");

    // Deleting a version (delete replication on): gone on B too.
    await a.removeObject(src, "docs/report.bin", { versionId });
    await poll("the version removed on B", async () => {
      const v = await versionsOf(b, dst, "docs/report.bin");
      return v.every(([id]) => id !== versionId) ? v : undefined;
    });

    await rejectsAdmin(
      admin.removeRemoteTarget(src, arn),
      "XMinioAdminRemoteRemoveDisallowed",
    );

    const updated = listed.with({ healthCheckDuration: 10_000, bandwidthLimit: 200_000_000 });
    equal(await admin.updateRemoteTarget(src, updated, ["healthCheck", "bandwidth"]), arn);
    const [after] = await admin.listRemoteTargets(src);
    deepEqual([after.healthCheckDuration, after.bandwidthLimit], [10_000, 200_000_000]);
    await rejectsAdmin(
      admin.updateRemoteTarget(src, after.with({ bandwidthLimit: 1_000_000 }), ["bandwidth"]),
      "XMinioAdminReplicationBandwidthLimitError",
    );
    const wrong = after.with({
      credentials: { accessKey: "minioadmin", secretKey: "not-b-secret" },
    });
    await rejectsAdmin(
      admin.updateRemoteTarget(src, wrong, ["credentials"]),
      "XMinioAdminReplicationRemoteConnectionError",
    );
    equal((await admin.listRemoteTargets(src))[0].bandwidthLimit, 200_000_000, "unchanged");

    // The server's health check (every 5 s) finds B online.
    const seen = await poll("B online", async () => {
      const [t] = await admin.listRemoteTargets(src);
      return t.state?.online ? t.state : undefined;
    }, 15_000);
    // Right after the first health check MinIO may not have stamped lastOnline yet.
    ok(
      seen.lastOnline === undefined ||
        (seen.lastOnline instanceof Date && !Number.isNaN(seen.lastOnline.getTime())),
    );

    // MinIO drops the bucket's targets with its replication configuration.
    await a.deleteBucketReplication(src);
    equal(await a.getBucketReplication(src), null);
    deepEqual(await admin.listRemoteTargets(src), []);

    const again = await admin.setRemoteTarget(src, target);
    ok(again !== arn, "a new target, a new ARN");
    await admin.removeRemoteTarget(src, again);
    deepEqual(await admin.listRemoteTargets(src), []);
    await rejectsAdmin(
      admin.removeRemoteTarget(src, again),
      "XMinioAdminRemoteTargetNotFoundError",
    );
  } finally {
    await a.deleteBucketReplication(src).catch(() => {});
    await dropBucket(a, src);
    await dropBucket(b, dst);
  }
});

test("remote targets: MinIO refuses unversioned buckets, a missing bucket and bad credentials", async () => {
  const [a, b, admin] = [pairClient("PAIR_A"), pairClient("PAIR_B"), pairAdmin("PAIR_A")];
  const src = uniqueBucket("rsrc");
  const dst = uniqueBucket("rdst");
  await a.makeBucket(src);
  await b.makeBucket(dst);
  try {
    await rejectsAdmin(
      admin.setRemoteTarget(src, targetOnB(dst)),
      "ReplicationSourceNotVersionedError",
    );
    await a.setBucketVersioning(src, new VersioningConfig(ENABLED));
    await rejectsAdmin(admin.setRemoteTarget(src, targetOnB(dst)), "RemoteTargetNotVersionedError");
    await rejectsAdmin(
      admin.setRemoteTarget(src, targetOnB(uniqueBucket("none"))),
      "XMinioAdminRemoteTargetNotFoundError",
    );
    await b.setBucketVersioning(dst, new VersioningConfig(ENABLED));
    await rejectsAdmin(
      admin.setRemoteTarget(src, targetOnB(dst, "not-b-secret")),
      "XMinioAdminReplicationRemoteConnectionError",
    );
    deepEqual(await admin.listRemoteTargets(src), []);
  } finally {
    await dropBucket(a, src);
    await dropBucket(b, dst);
  }
});

// The SDK against the distributed MinIO of scripts/testbed_cluster.sh (4
// nodes, 2 drives each, behind nginx), every request through the balancer,
// so consecutive requests of one operation land on different nodes.
//
// A subset of the integration suite, one test per operation family (each
// family is tested in depth against the single-node servers by its own file):
// bucket configuration (bucket_test, tags, versioning, policy, lifecycle,
// notification); objects and uploads (put single and multipart, get, range,
// stat, tags, copy, compose, attributes, remove, abort leaving nothing);
// listings (V2 paged, V1, versions); presigned URLs and POST policy; select;
// batch writes (fan-out, snowball); object lock; the admin API. Not here:
// the file helpers (fPutObject, fGetObject: local files, no server
// difference), listening for notifications, KMS (the cluster has none) and
// replication (a pair of servers of its own).
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  ComposeSource,
  CopySource,
  CSVInputSerialization,
  CSVOutputSerialization,
  ENABLED,
  Expiration,
  Filter,
  GOVERNANCE,
  LifecycleConfig,
  LifecycleRule,
  PostPolicy,
  Retention,
  S3Error,
  SelectRequest,
  type Tags,
  VersioningConfig,
} from "../../mod.ts";
import { bytesOf, withBucket } from "./testbed.ts";
import { withLockedBucket } from "./locked_bucket.ts";
import { uniqueName } from "./admin_testbed.ts";
import { clusterAdmin, clusterClient, nodeAddresses } from "./cluster_testbed.ts";
import { poll } from "../wait.ts";

const MiB = 1024 * 1024;
const plain = (t: Tags | null) => t && Object.fromEntries(t);
const noSuchKey = (e: unknown) => e instanceof S3Error && e.code === "NoSuchKey";

async function sha256(data: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

test("[cluster] admin info: 4 nodes online, 8 drives, erasure coded", async () => {
  const info = await clusterAdmin().info();
  equal(info.mode, "online");
  equal(info.backend?.backendType, "Erasure");
  const servers = info.servers ?? [];
  deepEqual(servers.map((s) => s.endpoint).sort(), [...nodeAddresses()].sort());
  ok(servers.every((s) => s.state === "online"), JSON.stringify(servers.map((s) => s.state)));
  equal(servers.flatMap((s) => s.drives ?? []).length, 8);
});

test("[cluster] bucket family: make, exists, list, location, tags, versioning, policy, lifecycle, notification, remove", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    ok(await c.bucketExists(bucket));
    ok((await c.listBuckets()).some((b) => b.name === bucket));
    equal(await c.getBucketLocation(bucket), "us-east-1");
    await c.setBucketTags(bucket, { project: "edge" });
    deepEqual(plain(await c.getBucketTags(bucket)), { project: "edge" });
    await c.setBucketVersioning(bucket, new VersioningConfig(ENABLED));
    equal((await c.getBucketVersioning(bucket)).statusString, ENABLED);
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Principal: { AWS: ["*"] },
        Action: ["s3:GetObject"],
        Resource: [`arn:aws:s3:::${bucket}/public/*`],
      }],
    });
    await c.setBucketPolicy(bucket, policy);
    deepEqual(JSON.parse(await c.getBucketPolicy(bucket)), JSON.parse(policy));
    const lifecycle = new LifecycleConfig([
      new LifecycleRule(ENABLED, {
        ruleId: "logs",
        ruleFilter: new Filter({ prefix: "logs/" }),
        expiration: new Expiration({ days: 30 }),
      }),
    ]);
    await c.setBucketLifecycle(bucket, lifecycle);
    deepEqual(await c.getBucketLifecycle(bucket), lifecycle);
    equal((await c.getBucketNotification(bucket)).queueConfigList.length, 0);
    // Versioned: remove the versions so withBucket can remove the bucket.
    for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
      await c.removeObject(bucket, v.name, { versionId: v.versionId });
    }
  });
});

test("[cluster] object and upload family: single and multipart put, get, range, stat, tags, copy, compose, attributes, remove, abort", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    const small = bytesOf(100_000, 2);
    const big = bytesOf(12 * MiB + 5, 3);
    await c.putObject(bucket, "small.bin", small, undefined, { metadata: { owner: "edge" } });
    await c.putObject(bucket, "big.bin", big, undefined, { partSize: 5 * MiB });
    deepEqual(await (await c.getObject(bucket, "small.bin")).bytes(), small);
    equal(await sha256(await (await c.getObject(bucket, "big.bin")).bytes()), await sha256(big));
    deepEqual(
      await (await c.getObject(bucket, "big.bin", { offset: 5 * MiB - 3, length: 10 })).bytes(),
      big.subarray(5 * MiB - 3, 5 * MiB + 7),
    );
    const st = await c.statObject(bucket, "small.bin");
    equal(st.size, small.length);
    deepEqual(st.metadata, { owner: "edge" });

    await c.setObjectTags(bucket, "small.bin", { state: "draft" });
    deepEqual(plain(await c.getObjectTags(bucket, "small.bin")), { state: "draft" });

    await c.copyObject(bucket, "copy.bin", new CopySource(bucket, "big.bin"));
    equal((await c.statObject(bucket, "copy.bin")).size, big.length);
    await c.composeObject(bucket, "composed.bin", [
      new ComposeSource(bucket, "big.bin"),
      new ComposeSource(bucket, "small.bin"),
    ]);
    const composed = await (await c.getObject(bucket, "composed.bin")).bytes();
    equal(composed.length, big.length + small.length);
    deepEqual(composed.subarray(big.length), small);

    const attrs = await c.getObjectAttributes(bucket, "big.bin");
    equal(attrs.objectSize, big.length);
    equal(attrs.objectParts?.partsCount, 3);

    // An aborted multipart upload leaves nothing behind on the cluster.
    const controller = new AbortController();
    const aborted = c.putObject(bucket, "aborted.bin", big, undefined, {
      partSize: 5 * MiB,
      signal: controller.signal,
      onProgress: ({ loaded }) => loaded >= 5 * MiB && controller.abort(),
    });
    await rejects(aborted, (e: unknown) => e instanceof Error && e.name === "AbortError");
    // Polled: once under load a node listed composed.bin's completed upload
    // for a moment after CompleteMultipartUpload had answered.
    await poll("no incomplete upload on the cluster", async () => {
      const left: string[] = [];
      for await (const u of c.listIncompleteUploads(bucket, { recursive: true })) left.push(u.name);
      return left.length === 0 || undefined;
    });
    await rejects(c.statObject(bucket, "aborted.bin"), noSuchKey);

    await c.removeObject(bucket, "copy.bin");
    for await (const e of c.removeObjects(bucket, ["composed.bin", "missing.bin"])) {
      ok(!e, `${JSON.stringify(e)}`);
    }
    await rejects(c.statObject(bucket, "copy.bin"), noSuchKey);
  });
});

test("[cluster] list family: V2 paged with prefixes, V1, versions", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    const names = Array.from(
      { length: 23 },
      (_, i) => `dir${i % 3}/obj-${String(i).padStart(2, "0")}`,
    );
    for (const n of names) await c.putObject(bucket, n, n);
    const paged: string[] = [];
    for await (const o of c.listObjects(bucket, { recursive: true, maxKeys: 5 })) {
      paged.push(o.name);
    }
    deepEqual(paged, [...names].sort());
    const top: string[] = [];
    for await (const o of c.listObjects(bucket)) top.push(o.name);
    deepEqual(top, ["dir0/", "dir1/", "dir2/"]);
    const v1: string[] = [];
    for await (const o of c.listObjects(bucket, { prefix: "dir1/", useApiV1: true, maxKeys: 3 })) {
      v1.push(o.name);
    }
    deepEqual(v1, names.filter((n) => n.startsWith("dir1/")).sort());
    let versions = 0;
    for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
      ok(v.versionId !== undefined, v.name);
      versions++;
    }
    equal(versions, names.length);
  });
});

test("[cluster] presign family: GET and PUT URLs and a POST policy through the balancer", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    const put = await fetch(await c.presignedPutObject(bucket, "up.txt"), {
      method: "PUT",
      body: "presigned put",
    });
    await put.body?.cancel();
    equal(put.status, 200);
    const get = await fetch(await c.presignedGetObject(bucket, "up.txt"));
    equal(await get.text(), "presigned put");
    const policy = new PostPolicy(bucket, new Date(Date.now() + 600_000))
      .addEqualsCondition("key", "form.txt")
      .addContentLengthRangeCondition(1, 1024);
    const { url, formData } = await c.presignedPostPolicy(policy);
    const form = new FormData();
    for (const [k, v] of Object.entries(formData)) form.append(k, v);
    form.append("file", new Blob(["form body"]), "form.txt");
    const post = await fetch(url, { method: "POST", body: form });
    await post.body?.cancel();
    equal(post.status, 204);
    equal(await (await c.getObject(bucket, "form.txt")).text(), "form body");
  });
});

test("[cluster] select family: CSV query", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    await c.putObject(bucket, "people.csv", "name,age\nann,31\nbob,25\ncid,40\n");
    const result = await c.selectObjectContent(
      bucket,
      "people.csv",
      new SelectRequest(
        "SELECT s.name FROM S3Object s WHERE CAST(s.age AS INT) > 30",
        new CSVInputSerialization({ fileHeaderInfo: "USE" }),
        new CSVOutputSerialization(),
      ),
    );
    const chunks: Uint8Array[] = [];
    for await (const chunk of result) chunks.push(chunk);
    equal(
      new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer()),
      "ann\ncid\n",
    );
  });
});

test("[cluster] batch family: putObjectFanOut and uploadSnowball", async () => {
  const c = clusterClient();
  await withBucket(c, async (bucket) => {
    const body = bytesOf(50_000, 4);
    const results = await c.putObjectFanOut(bucket, body, [{ key: "fan/a" }, { key: "fan/b" }]);
    deepEqual(results.map((r) => r.error), [undefined, undefined]);
    deepEqual(await (await c.getObject(bucket, "fan/b")).bytes(), body);
    await c.uploadSnowball(bucket, [
      { name: "snow/1.txt", body: "one" },
      { name: "snow/2.bin", body },
    ]);
    equal(await (await c.getObject(bucket, "snow/1.txt")).text(), "one");
    deepEqual(await (await c.getObject(bucket, "snow/2.bin")).bytes(), body);
  });
});

test("[cluster] object lock family: retention and legal hold of a version", async () => {
  const c = clusterClient();
  await withLockedBucket(c, async (bucket) => {
    const w = await c.putObject(bucket, "doc", "locked");
    const until = new Date(Date.now() + 3600_000);
    until.setMilliseconds(0);
    await c.setObjectRetention(bucket, "doc", new Retention(GOVERNANCE, until), {
      versionId: w.versionId,
    });
    deepEqual(
      await c.getObjectRetention(bucket, "doc", { versionId: w.versionId }),
      new Retention(GOVERNANCE, until),
    );
    await c.enableObjectLegalHold(bucket, "doc", { versionId: w.versionId });
    ok(await c.isObjectLegalHoldEnabled(bucket, "doc", { versionId: w.versionId }));
    await c.disableObjectLegalHold(bucket, "doc", { versionId: w.versionId });
  });
});

test("[cluster] admin family: a user added, read and removed", async () => {
  const admin = clusterAdmin();
  const user = uniqueName("cluster-user");
  await admin.userAdd(user, "cluster-secret-1234");
  try {
    equal((await admin.userInfo(user)).status, "enabled");
    ok(Object.keys(await admin.userList()).includes(user));
  } finally {
    await admin.userRemove(user);
  }
});

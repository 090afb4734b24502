// The ./minio-js entry against the real MinIO: each method of minio-js's
// Client called in its documented shape (docs/API.md of minio-js 8),
// streams read through their data / end events and .pipe().
import { Readable, Writable } from "node:stream";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import process from "node:process";
import { deepEqual, equal, match, ok, rejects, test, throws } from "../harness.ts";
import {
  AssumeRoleProvider,
  type BucketItem,
  Client,
  CopyConditions,
  CopyDestinationOptions,
  CopySourceOptions,
  NotificationConfig,
  ObjectCreatedAll,
  QueueConfig,
} from "../../minio-js.ts";
import { ENABLED, InvalidArgumentError, VersioningConfig } from "../../mod.ts";
import { BucketTarget } from "../../admin.ts";
import { client as minioClient, env, s3Error, uniqueBucket } from "./testbed.ts";
import { adminClient, uniqueName } from "./admin_testbed.ts";
import { dropBucket, pairAdmin, pairClient, server } from "./pair_testbed.ts";
import { poll, waitFor } from "../wait.ts";

function client(tls: boolean): Client {
  return new Client({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
  });
}

/** Everything a stream emits through `data` until `end` (or its `error`). */
function collect<T>(stream: unknown): Promise<T[]> {
  const s = stream as Readable;
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    s.on("data", (d: T) => out.push(d));
    s.on("end", () => resolve(out));
    s.on("error", reject);
  });
}

async function text(stream: unknown): Promise<string> {
  const chunks = await collect<Uint8Array>(stream);
  return new TextDecoder().decode(Buffer.concat(chunks));
}

for (const tls of [false, true]) {
  const name = tls ? "tls" : "http";

  test(`[${name}] minio-js Client: buckets, objects, streams, presigned URLs, tags, policy`, async () => {
    const c = client(tls);
    const bucket = uniqueBucket("mjs");
    await c.makeBucket(bucket, "us-east-1");
    try {
      equal(await c.bucketExists(bucket), true);
      ok((await c.listBuckets()).some((b) => b.name === bucket && b.creationDate instanceof Date));

      // putObject(bucketName, objectName, stream, size, metaData)
      const put = await c.putObject(bucket, "dir/a.txt", "hello", undefined, {
        "Content-Type": "text/plain",
        "X-Amz-Meta-Owner": "ann",
        project: "edge",
      });
      match(put.etag, /^[0-9a-f]{32}$/);
      equal(put.versionId, null);
      await c.putObject(
        bucket,
        "dir/b.bin",
        Readable.from([Buffer.from("ab"), Buffer.from("cd")]),
        4,
      );

      const stat = await c.statObject(bucket, "dir/a.txt");
      deepEqual([stat.size, stat.etag, stat.versionId], [5, put.etag, null]);
      deepEqual(
        [stat.metaData["content-type"], stat.metaData.owner, stat.metaData.project],
        ["text/plain", "ann", "edge"],
      );
      ok(stat.lastModified instanceof Date);
      // metaData parsed from JSON may hold an own `__proto__` key: it is user metadata too.
      await c.putObject(bucket, "proto.txt", "p", undefined, JSON.parse('{"__proto__":"kept"}'));
      const protoMeta = (await c.statObject(bucket, "proto.txt")).metaData;
      equal(Object.getOwnPropertyDescriptor(protoMeta, "__proto__")?.value, "kept");
      await c.removeObject(bucket, "proto.txt");

      equal(await text(await c.getObject(bucket, "dir/a.txt")), "hello");
      equal(await text(await c.getPartialObject(bucket, "dir/a.txt", 1, 3)), "ell");
      equal(await text(await c.getPartialObject(bucket, "dir/b.bin", 2)), "cd");
      // .pipe() into a Writable, as minio-js's README does with a file stream.
      const piped: Buffer[] = [];
      await new Promise<void>((resolve, reject) => {
        const sink = new Writable({
          write(chunk, _enc, done) {
            piped.push(chunk);
            done();
          },
        });
        sink.on("finish", resolve);
        sink.on("error", reject);
        c.getObject(bucket, "dir/b.bin").then((r) => (r as Readable).pipe(sink), reject);
      });
      equal(Buffer.concat(piped).toString(), "abcd");

      // listObjects(bucketName, prefix, recursive) and listObjectsV2(..., startAfter)
      deepEqual(await collect<BucketItem>(c.listObjects(bucket, "", false)), [{
        prefix: "dir/",
        size: 0,
      }]);
      const all = await collect<BucketItem>(c.listObjects(bucket, "dir/", true));
      deepEqual(all.map((o) => [o.name, o.size]), [["dir/a.txt", 5], ["dir/b.bin", 4]]);
      const after = await collect<BucketItem>(c.listObjectsV2(bucket, "", true, "dir/a.txt"));
      deepEqual(after.map((o) => o.name), ["dir/b.bin"]);

      // Presigned URLs with the expiry as the third argument.
      const getUrl = await c.presignedGetObject(bucket, "dir/a.txt", 3600);
      equal(new URL(getUrl).searchParams.get("X-Amz-Expires"), "3600");
      equal(await (await fetch(getUrl)).text(), "hello");
      const putUrl = await c.presignedPutObject(bucket, "dir/p.txt", 600);
      equal(new URL(putUrl).searchParams.get("X-Amz-Expires"), "600");
      const up = await fetch(putUrl, { method: "PUT", body: "presigned" });
      await up.body?.cancel();
      equal(up.status, 200);
      const jsonUrl = await c.presignedUrl("GET", bucket, "dir/p.txt", 60, {
        "response-content-type": "application/json",
      });
      const res = await fetch(jsonUrl);
      equal(res.headers.get("content-type"), "application/json");
      equal(await res.text(), "presigned");

      await c.setBucketTagging(bucket, { team: "edge" });
      deepEqual(await c.getBucketTagging(bucket), [{ Key: "team", Value: "edge" }]);
      await c.removeBucketTagging(bucket);
      deepEqual(await c.getBucketTagging(bucket), []);
      await c.setObjectTagging(bucket, "dir/a.txt", { reviewed: "yes" });
      deepEqual(await c.getObjectTagging(bucket, "dir/a.txt"), [{ Key: "reviewed", Value: "yes" }]);
      await c.removeObjectTagging(bucket, "dir/a.txt");
      deepEqual(await c.getObjectTagging(bucket, "dir/a.txt"), []);

      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
          Effect: "Allow",
          Principal: { AWS: ["*"] },
          Action: ["s3:GetObject"],
          Resource: [`arn:aws:s3:::${bucket}/*`],
        }],
      });
      await c.setBucketPolicy(bucket, policy);
      deepEqual(JSON.parse(await c.getBucketPolicy(bucket)).Statement[0].Action, ["s3:GetObject"]);

      // fPutObject / fGetObject through a temporary file.
      const dir = await mkdtemp(join(tmpdir(), "mjs-"));
      try {
        await writeFile(join(dir, "in.txt"), "from a file");
        await c.fPutObject(bucket, "dir/f.txt", join(dir, "in.txt"), {
          "Content-Type": "text/x-file",
        });
        equal((await c.statObject(bucket, "dir/f.txt")).metaData["content-type"], "text/x-file");
        await c.fGetObject(bucket, "dir/f.txt", join(dir, "out.txt"));
        equal(await readFile(join(dir, "out.txt"), "utf8"), "from a file");
      } finally {
        await rm(dir, { recursive: true });
      }

      await c.removeIncompleteUpload(bucket, "dir/none.bin");
      await c.removeObject(bucket, "dir/f.txt");
      // removeObjects is awaited the minio-js way and has removed everything when it settles.
      deepEqual(
        await c.removeObjects(bucket, ["dir/a.txt", "dir/b.bin", { name: "dir/p.txt" }]),
        [],
      );
      deepEqual(await collect(c.listObjects(bucket, "", true)), []);
    } finally {
      // What a failed step left behind goes first, so the failure is the step's.
      const m = minioClient(tls);
      for await (const o of m.listObjects(bucket, { recursive: true })) {
        await m.removeObject(bucket, o.name);
      }
      await c.removeBucket(bucket);
    }
    equal(await c.bucketExists(bucket), false);
  });

  test(`[${name}] minio-js Client: multipart calls, incomplete uploads, POST policy, metadata listing, remove* configs`, async () => {
    const c = client(tls);
    const bucket = uniqueBucket("mjsm");
    await c.makeBucket(bucket);
    try {
      const MiB = 1024 * 1024;
      const uploadId = await c.initiateNewMultipartUpload(bucket, "big.bin", {
        "Content-Type": "application/x-big",
      });
      equal(await c.findUploadId(bucket, "big.bin"), uploadId);
      const pending = await collect<{ key: string; uploadId: string }>(
        c.listIncompleteUploads(bucket, "", true),
      );
      deepEqual(pending.map((u) => [u.key, u.uploadId]), [["big.bin", uploadId]]);
      const p1 = await c.uploadPart({
        bucketName: bucket,
        objectName: "big.bin",
        uploadID: uploadId,
        partNumber: 1,
      }, Buffer.alloc(5 * MiB, 1));
      const p2 = await c.uploadPart({
        bucketName: bucket,
        objectName: "big.bin",
        uploadID: uploadId,
        partNumber: 2,
        headers: {},
      }, "tail");
      const done = await c.completeMultipartUpload(bucket, "big.bin", uploadId, [{
        part: 1,
        etag: p1.etag,
      }, { part: 2, etag: p2.etag }]);
      match(done.etag, /-2$/);
      equal((await c.statObject(bucket, "big.bin")).size, 5 * MiB + 4);
      equal(await c.findUploadId(bucket, "big.bin"), undefined);
      const aborted = await c.initiateNewMultipartUpload(bucket, "gone.bin", {});
      await c.abortMultipartUpload(bucket, "gone.bin", aborted);
      equal(await c.findUploadId(bucket, "gone.bin"), undefined);

      await c.putObject(bucket, "meta.txt", "m", undefined, { "X-Amz-Meta-Color": "blue" });
      const withMeta = await collect<{ name: string; metadata: Record<string, string> }>(
        c.extensions.listObjectsV2WithMetadata(bucket, "meta", true, ""),
      );
      deepEqual(withMeta.map((o) => o.name), ["meta.txt"]);
      equal(Object.entries(withMeta[0].metadata).find(([k]) => /color$/i.test(k))?.[1], "blue");

      const policy = c.newPostPolicy();
      policy.setBucket(bucket);
      policy.setKey("posted.txt");
      policy.setExpires(new Date(Date.now() + 600_000));
      policy.setContentType("text/plain");
      policy.setContentLengthRange(1, 1024);
      const { postURL, formData } = await c.presignedPostPolicy(policy);
      const form = new FormData();
      for (const [k, v] of Object.entries(formData)) form.append(k, v);
      form.append("file", new Blob(["posted"], { type: "text/plain" }));
      const posted = await fetch(postURL, { method: "POST", body: form });
      await posted.body?.cancel();
      equal(posted.status, 204);
      equal(await text(await c.getObject(bucket, "posted.txt")), "posted");

      // copyObject in both of minio-js's forms, and composeObject.
      const copied = await c.copyObject(
        new CopySourceOptions({ Bucket: bucket, Object: "meta.txt" }),
        new CopyDestinationOptions({
          Bucket: bucket,
          Object: "copy.txt",
          MetadataDirective: "REPLACE",
          UserMetadata: { color: "red" },
          UserTags: "stage=copied",
        }),
      );
      deepEqual([copied.Bucket, copied.Key], [bucket, "copy.txt"]);
      match(copied.Etag!, /^[0-9a-f]{32}$/);
      equal((await c.statObject(bucket, "copy.txt")).metaData.color, "red");
      deepEqual(await c.getObjectTagging(bucket, "copy.txt"), [{ Key: "stage", Value: "copied" }]);
      const conds = new CopyConditions();
      conds.setMatchETag(copied.Etag!);
      const legacy = await c.copyObject(bucket, "legacy.txt", `/${bucket}/copy.txt`, conds);
      equal(legacy.etag, copied.Etag);
      const stale = new CopyConditions();
      stale.setMatchETag("00000000000000000000000000000000");
      await rejects(
        c.copyObject(bucket, "never.txt", `/${bucket}/copy.txt`, stale),
        s3Error("PreconditionFailed", 412),
      );
      await c.composeObject(new CopyDestinationOptions({ Bucket: bucket, Object: "joined.bin" }), [
        new CopySourceOptions({ Bucket: bucket, Object: "big.bin" }),
        new CopySourceOptions({
          Bucket: bucket,
          Object: "meta.txt",
          MatchRange: true,
          Start: 0,
          End: 0,
        }),
      ]);
      equal((await c.statObject(bucket, "joined.bin")).size, 5 * MiB + 4 + 1);

      // Each remove* of a configuration the bucket does not have is done, not an error.
      await c.removeAllBucketNotification(bucket);
      await c.removeBucketLifecycle(bucket);
      await c.removeBucketEncryption(bucket);
      await c.removeBucketReplication(bucket);
    } finally {
      const m = minioClient(tls);
      for await (const o of m.listObjects(bucket, { recursive: true })) {
        await m.removeObject(bucket, o.name);
      }
      await c.removeBucket(bucket);
    }
  });

  test(`[${name}] minio-js AssumeRoleProvider as credentialsProvider: a user's temporary credentials`, async () => {
    const admin = adminClient(tls);
    const user = uniqueName("mjs-sts");
    const secret = `${uniqueName("secret")}-secret`;
    await admin.userAdd(user, secret);
    try {
      await admin.attachPolicy(["readwrite"], { user });
      const scheme = tls ? "https" : "http";
      const port = env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT");
      const credentialsProvider = new AssumeRoleProvider({
        stsEndpoint: `${scheme}://${env("MINIO_TEST_HOST")}:${port}`,
        accessKey: user,
        secretKey: secret,
        durationSeconds: 900,
      });
      const creds = await credentialsProvider.getCredentials();
      ok(creds.sessionToken);
      ok(creds.accessKey !== user);
      const c = new Client({
        endPoint: env("MINIO_TEST_HOST"),
        port: Number(port),
        useSSL: tls,
        credentialsProvider,
      });
      const bucket = uniqueBucket("mjs-sts");
      await c.makeBucket(bucket);
      await c.putObject(bucket, "a.txt", "temporary");
      equal(await text(await c.getObject(bucket, "a.txt")), "temporary");
      await c.removeObject(bucket, "a.txt");
      await c.removeBucket(bucket);
    } finally {
      await admin.userRemove(user);
    }
  });

  test(`[${name}] minio-js README's file uploader, with only the import changed`, async () => {
    const dir = await mkdtemp(join(tmpdir(), "mjs-readme-"));
    const sourceFile = join(dir, "test-file.txt");
    await writeFile(sourceFile, "file uploader");
    const minioClient = client(tls); // the README's constructor call, pointed at the test bed
    const bucket = uniqueBucket("js-test-bucket");
    const destinationObject = "my-test-file.txt";
    try {
      const exists = await minioClient.bucketExists(bucket);
      if (!exists) await minioClient.makeBucket(bucket, "us-east-1");
      const metaData = { "Content-Type": "text/plain", "X-Amz-Meta-Testing": 1234, example: 5678 };
      await minioClient.fPutObject(bucket, destinationObject, sourceFile, metaData);
      const stat = await minioClient.statObject(bucket, destinationObject);
      deepEqual(
        [stat.metaData["content-type"], stat.metaData.testing, stat.metaData.example],
        ["text/plain", "1234", "5678"],
      );
      equal(await text(await minioClient.getObject(bucket, destinationObject)), "file uploader");
      await minioClient.removeObject(bucket, destinationObject);
      await minioClient.removeBucket(bucket);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test(`[${name}] minio-js Client: versioning, object locking, errors, trace`, async () => {
    const c = client(tls);
    const bucket = uniqueBucket("mjsv");
    const locked = uniqueBucket("mjsl");
    await c.makeBucket(bucket, "");
    await c.makeBucket(locked, "us-east-1", { ObjectLocking: true });
    const traced: string[] = [];
    c.setAppInfo("mjs-it", "1.0");
    c.traceOn({ write: (t: string) => traced.push(t) });
    try {
      deepEqual(await c.getBucketVersioning(bucket), {});
      await c.setBucketVersioning(bucket, { Status: "Enabled" });
      deepEqual(await c.getBucketVersioning(bucket), { Status: "Enabled" });
      await c.setBucketVersioning(bucket, { Status: "Suspended" });
      deepEqual(await c.getBucketVersioning(bucket), { Status: "Suspended" });
      // Object locking turns versioning on, for good.
      deepEqual(await c.getBucketVersioning(locked), { Status: "Enabled" });
      const { versionId } = await c.putObject(locked, "held.txt", "held");
      ok(versionId);
      deepEqual(await c.getObjectLegalHold(locked, "held.txt", { versionId }), { status: "OFF" });
      await c.setObjectLegalHold(locked, "held.txt", { status: "ON", versionId });
      deepEqual(await c.getObjectLegalHold(locked, "held.txt", { versionId }), { status: "ON" });
      await c.setObjectLegalHold(locked, "held.txt", { status: "OFF", versionId });
      equal(await c.getObjectRetention(locked, "held.txt", { versionId }), null);
      const until = new Date(Date.now() + 3600_000);
      await c.putObjectRetention(locked, "held.txt", {
        mode: "GOVERNANCE",
        retainUntilDate: until,
        versionId,
      });
      const retention = await c.getObjectRetention(locked, "held.txt", { versionId });
      equal(retention?.mode, "GOVERNANCE");
      equal(
        Math.floor(retention!.retainUntilDate.getTime() / 1000),
        Math.floor(until.getTime() / 1000),
      );
      await c.removeObject(locked, "held.txt", { versionId: versionId!, governanceBypass: true });
      deepEqual(await c.getObjectLockConfig(locked), { objectLockEnabled: "Enabled" });
      await c.setObjectLockConfig(locked, { mode: "GOVERNANCE", unit: "Days", validity: 3 });
      deepEqual(await c.getObjectLockConfig(locked), {
        objectLockEnabled: "Enabled",
        mode: "GOVERNANCE",
        unit: "Days",
        validity: 3,
      });
      await c.setObjectLockConfig(locked, {});
      deepEqual(await c.getObjectLockConfig(locked), { objectLockEnabled: "Enabled" });
      // Default encryption: SSE-S3 with the test bed's KMS key; none gives null.
      equal(await c.getBucketEncryption(bucket), null);
      await c.setBucketEncryption(bucket);
      deepEqual(await c.getBucketEncryption(bucket), {
        Rule: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      });
      await c.removeBucketEncryption(bucket);
      equal(await c.getBucketEncryption(bucket), null);
      equal((await minioClient(tls).getObjectLockConfig(locked)).mode, undefined);
      await rejects(c.statObject(bucket, "missing.txt"), s3Error("NoSuchKey", 404));
      await rejects(c.getObject(bucket, "missing.txt"), s3Error("NoSuchKey", 404));
    } finally {
      c.traceOff();
      await c.removeBucket(bucket);
      await c.removeBucket(locked);
    }
    ok(traced.length >= 5);
    ok(traced.every((t) => !t.includes(env("MINIO_TEST_SECRET_KEY"))));
    match(traced[0], /user-agent: minio-edge\/\S+ mjs-it\/1\.0/);
  });
}

test("[http] minio-js listObjectsQuery / listObjectsV2Query: one page at a time, to the end", async () => {
  const c = client(false);
  const bucket = uniqueBucket("mjsq");
  await c.makeBucket(bucket);
  const names = ["q/a.txt", "q/b.txt", "q/c.txt", "q/sub/d.txt", "other.txt"];
  try {
    for (const n of names) await c.putObject(bucket, n, n);
    // listObjectsV2Query(bucketName, prefix, continuationToken, delimiter, maxKeys, startAfter)
    const first = await c.listObjectsV2Query(bucket, "q/", "", "/", 2, "");
    deepEqual([first.objects.map((o) => o.name ?? o.prefix), first.isTruncated], [
      ["q/a.txt", "q/b.txt"],
      true,
    ]);
    ok(first.nextContinuationToken);
    const second = await c.listObjectsV2Query(
      bucket,
      "q/",
      first.nextContinuationToken,
      "/",
      2,
      "",
    );
    deepEqual(second.objects, [
      {
        name: "q/c.txt",
        lastModified: second.objects[0].lastModified,
        etag: second.objects[0].etag,
        size: 7,
      },
      { prefix: "q/sub/", size: 0 },
    ]);
    deepEqual([second.isTruncated, second.nextContinuationToken], [false, ""]);
    equal(
      (await c.listObjectsV2Query(bucket, "", "", "", 1000, "q/c.txt")).objects.map((o) => o.name)
        .join(),
      "q/sub/d.txt",
    );

    // listObjectsQuery(bucketName, prefix, marker, listQueryOpts): V1, by marker
    const seen: string[] = [];
    let marker = "";
    for (let page = 0; page < 10; page++) {
      const r = await c.listObjectsQuery(bucket, "q/", marker, { Delimiter: "", MaxKeys: 3 });
      seen.push(...r.objects.map((o) => o.name!));
      if (!r.isTruncated) break;
      marker = r.nextMarker!;
    }
    deepEqual(seen, ["q/a.txt", "q/b.txt", "q/c.txt", "q/sub/d.txt"]);

    // With IncludeVersion: every version, paged by keyMarker / versionIdMarker.
    await c.setBucketVersioning(bucket, { Status: "Enabled" });
    const v2 = await c.putObject(bucket, "q/a.txt", "again");
    await c.removeObject(bucket, "q/b.txt");
    const versions: [string, string | undefined, boolean | undefined][] = [];
    let keyMarker = "", versionIdMarker = "";
    for (let page = 0; page < 20; page++) {
      const r = await c.listObjectsQuery(bucket, "q/", "", {
        Delimiter: "",
        MaxKeys: 2,
        IncludeVersion: true,
        keyMarker,
        versionIdMarker,
      });
      versions.push(...r.objects.map((o) =>
        [o.name!, o.versionId, o.isDeleteMarker] as [
          string,
          string | undefined,
          boolean | undefined,
        ]
      ));
      if (!r.isTruncated) break;
      [keyMarker, versionIdMarker] = [r.keyMarker!, r.versionIdMarker!];
    }
    deepEqual(versions.map(([n, , m]) => [n, m]), [
      ["q/a.txt", false],
      ["q/a.txt", false],
      ["q/b.txt", true],
      ["q/b.txt", false],
      ["q/c.txt", false],
      ["q/sub/d.txt", false],
    ]);
    equal(versions[0][1], v2.versionId);
  } finally {
    await dropBucket(minioClient(false), bucket);
  }
});

test("[http] minio-js lifecycle, notification config, selectObjectContent, listenBucketNotification", async () => {
  const c = client(false);
  const bucket = uniqueBucket("mjsc");
  await c.makeBucket(bucket);
  try {
    equal(await c.getBucketRegionAsync(bucket), "us-east-1"); // the server's answer
    // minio-js docs/API.md's lifecycle example.
    const lifecycleConfig = {
      Rule: [{
        ID: "Transition and Expiration Rule",
        Status: "Enabled",
        Filter: { Prefix: "" },
        Expiration: { Days: "3650" },
      }],
    };
    await c.setBucketLifecycle(bucket, lifecycleConfig);
    deepEqual(await c.getBucketLifecycle(bucket), {
      Rule: [{
        ID: "Transition and Expiration Rule",
        Status: "Enabled",
        Filter: { Prefix: "" },
        Expiration: { Days: 3650 },
      }],
    });
    await c.setBucketLifecycle(bucket, null);
    equal(await c.getBucketLifecycle(bucket), null);

    // Its notification example, on the test bed's webhook target.
    const bucketNotification = new NotificationConfig();
    const queue = new QueueConfig(env("MINIO_TEST_WEBHOOK_ARN"));
    queue.addFilterSuffix(".jpg");
    queue.addFilterPrefix("myphotos/");
    queue.addEvent(ObjectCreatedAll);
    bucketNotification.add(queue);
    await c.setBucketNotification(bucket, bucketNotification);
    const got = await c.getBucketNotification(bucket);
    deepEqual([got.TopicConfiguration, got.CloudFunctionConfiguration], [[], []]);
    deepEqual(
      got.QueueConfiguration.map((q) => [q.Queue, q.Event, q.Filter]),
      [[env("MINIO_TEST_WEBHOOK_ARN"), ["s3:ObjectCreated:*"], [
        { Name: "prefix", Value: "myphotos/" },
        { Name: "suffix", Value: ".jpg" },
      ]]],
    );
    await c.removeAllBucketNotification(bucket);
    deepEqual((await c.getBucketNotification(bucket)).QueueConfiguration, []);

    // Its select example.
    await c.putObject(bucket, "people.csv", "Name,Age\nJane,30\nJim,40\n");
    const res = await c.selectObjectContent(bucket, "people.csv", {
      expression: "SELECT * FROM s3object s where s.\"Name\" = 'Jane'",
      expressionType: "SQL",
      inputSerialization: {
        CSV: { FileHeaderInfo: "Use", RecordDelimiter: "\n", FieldDelimiter: "," },
        CompressionType: "NONE",
      },
      outputSerialization: { CSV: { RecordDelimiter: "\n", FieldDelimiter: "," } },
      requestProgress: { Enabled: true },
    });
    equal(await text(res.getRecords()), "Jane,30\n");
    match(res.getStats()!, /<BytesScanned>24<\/BytesScanned>.*<BytesReturned>8<\/BytesReturned>/);

    // listenBucketNotification: the object is written again until its event
    // arrives (the first one may precede the subscription), bounded.
    const listener = c.listenBucketNotification(bucket, "ev/", ".txt", ["s3:ObjectCreated:*"]);
    const records: { eventName: string; s3: { object: { key: string } } }[] = [];
    const errors: unknown[] = [];
    listener.on("notification", (r) => records.push(r));
    listener.on("error", (e) => errors.push(e));
    try {
      await waitFor("a notification of ev/n.txt", async () => {
        if (errors.length) throw errors[0];
        if (records.length) return true;
        await c.putObject(bucket, "ev/skip.bin", "not .txt");
        await c.putObject(bucket, "ev/n.txt", "hello");
      }, { timeoutMs: 15_000, everyMs: 200 });
    } finally {
      listener.stop();
    }
    ok(records.every((r) => r.s3.object.key === "ev/n.txt"), JSON.stringify(records));
    equal(records[0].eventName, "s3:ObjectCreated:Put");
    deepEqual(errors, []);
  } finally {
    await dropBucket(minioClient(false), bucket);
  }
});

test("minio-js setBucketReplication / getBucketReplication: docs shape, objects reach the other server", async () => {
  const b = server("PAIR_A");
  const c = new Client({
    endPoint: b.host,
    port: b.port,
    useSSL: false,
    accessKey: b.accessKey,
    secretKey: b.secretKey,
  });
  const [a, other, admin] = [pairClient("PAIR_A"), pairClient("PAIR_B"), pairAdmin("PAIR_A")];
  const [src, dst] = [uniqueBucket("mjsrs"), uniqueBucket("mjsrd")];
  await a.makeBucket(src);
  await other.makeBucket(dst);
  try {
    await a.setBucketVersioning(src, new VersioningConfig(ENABLED));
    await other.setBucketVersioning(dst, new VersioningConfig(ENABLED));
    const pb = server("PAIR_B");
    const arn = await admin.setRemoteTarget(
      src,
      new BucketTarget(pb.url, dst, { accessKey: pb.accessKey, secretKey: pb.secretKey }, {
        region: "us-east-1",
      }),
    );
    const replicationConfig = {
      role: "",
      rules: [{
        ID: "mjs-backup",
        Status: "Enabled",
        Priority: 1,
        DeleteMarkerReplication: { Status: "Enabled" },
        DeleteReplication: { Status: "Enabled" },
        Destination: { Bucket: arn },
        SourceSelectionCriteria: { ReplicaModifications: { Status: "Enabled" } },
        Filter: { Prefix: "docs/" },
        ExistingObjectReplication: { Status: "Enabled" },
      }],
    };
    await c.setBucketReplication(src, replicationConfig);
    const got = await c.getBucketReplication(src);
    equal(got?.ReplicationConfiguration.role, "");
    const [rule, ...more] = got!.ReplicationConfiguration.rules;
    equal(more.length, 0);
    deepEqual(
      [rule.ID, rule.Status, rule.Priority, rule.Filter, rule.Destination, rule.DeleteReplication],
      ["mjs-backup", "Enabled", 1, { Prefix: "docs/" }, { Bucket: arn }, { Status: "Enabled" }],
    );
    await c.putObject(src, "docs/a.txt", "replicated");
    const replica = await poll("docs/a.txt on the other server", async () => {
      return await (await other.getObject(dst, "docs/a.txt")).text();
    });
    equal(replica, "replicated");
    await c.removeBucketReplication(src);
    equal(await c.getBucketReplication(src), null);
  } finally {
    await a.deleteBucketReplication(src).catch(() => {});
    await dropBucket(a, src);
    await dropBucket(other, dst);
  }
});

/** Whether this runs inside workerd (tests/edge/workerd_suite.mjs). */
const inWorkerd = () =>
  (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ===
    "Cloudflare-Workers";

/** A MinIO over TLS whose certificate comes from the test bed's CA. */
interface TlsServer {
  host: string;
  port: number;
  accessKey: string;
  secretKey: string;
}

const mainTlsServer = (): TlsServer => ({
  host: env("MINIO_TEST_HOST"),
  port: Number(env("MINIO_TEST_TLS_PORT")),
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
});

/**
 * Runs, in a new process of this runtime that does not trust the test bed's
 * CA, a listBuckets at `server` before and after `setRequestOptions(options)`.
 */
async function withoutTrustedCa(
  server: TlsServer,
  options: Record<string, string>,
): Promise<{ before: string; after: string }> {
  const dir = await mkdtemp(join(tmpdir(), "mjs-ca-"));
  // .mts: an ES module wherever it lies (tsx would take a .ts outside a package for CommonJS).
  const script = join(dir, "probe.mts");
  await writeFile(
    script,
    `import { Client } from ${JSON.stringify(new URL("../../minio-js.ts", import.meta.url).href)};
const c = new Client({ endPoint: ${JSON.stringify(server.host)},
  port: ${server.port}, useSSL: true, maxRetries: 0,
  accessKey: ${JSON.stringify(server.accessKey)},
  secretKey: ${JSON.stringify(server.secretKey)} });
const list = () => c.listBuckets().then(() => "ok", () => "refused");
const before = await list();
c.setRequestOptions(${JSON.stringify(options)});
const after = await list();
c.setRequestOptions({});
console.log(JSON.stringify({ before, after }));
`,
  );
  const g = globalThis as { Deno?: { execPath(): string }; Bun?: unknown };
  const args = g.Deno
    ? ["run", "-A", "--config", new URL("../../deno.json", import.meta.url).pathname, script]
    : g.Bun
    ? [script]
    : ["--import", "tsx", script];
  const { NODE_EXTRA_CA_CERTS: _, DENO_CERT: __, ...childEnv } = process.env;
  try {
    const { stdout } = await promisify(execFile)(g.Deno?.execPath() ?? process.execPath, args, {
      env: childEnv,
      timeout: 60_000,
    });
    return JSON.parse(stdout.trim().split("\n").pop()!);
  } finally {
    await rm(dir, { recursive: true });
  }
}

test("[tls] minio-js setRequestOptions: ca honoured on Deno, Bun and Node; other keys refused everywhere", async () => {
  const c = client(true);
  const refused = (options: Record<string, unknown>, pattern: RegExp) => {
    const e = (() => {
      try {
        c.setRequestOptions(options);
      } catch (e) {
        return e;
      }
    })();
    ok(e instanceof InvalidArgumentError, `expected a refusal of ${Object.keys(options)}`);
    match(e.message, pattern);
  };
  refused({ agent: {} }, /'agent' is not supported/);
  refused({ rejectUnauthorized: false }, /'rejectUnauthorized' can only be true/);
  refused({ servername: "minio" }, /'servername' is not supported/);
  if (inWorkerd()) {
    // No fetch there takes TLS settings (nor can the test read the CA or start a process).
    refused(
      { ca: "PEM" },
      /ca need a fetch that takes TLS settings, which Cloudflare-Workers has not/,
    );
    return;
  }
  const ca = await readFile(env("MINIO_TEST_CA"), "utf8");
  c.setRequestOptions({ ca, rejectUnauthorized: true });
  try {
    ok(Array.isArray(await c.listBuckets()));
    // A body each way through the transport (Node: node:https, its Agent).
    const bucket = uniqueBucket("mjs-tls");
    await c.makeBucket(bucket);
    try {
      const data = new Uint8Array(3 * 1024 * 1024 + 1).fill(7);
      await c.putObject(bucket, "o", data);
      equal((await c.statObject(bucket, "o")).size, data.length);
      const got = await collect<Uint8Array>(await c.getObject(bucket, "o"));
      equal(got.reduce((n, b) => n + b.length, 0), data.length);
      await c.removeObject(bucket, "o");
    } finally {
      await c.removeBucket(bucket);
    }
  } finally {
    c.setRequestOptions({}); // releases Deno's HTTP client, Node's Agent
  }
  // This process trusts the CA anyway (--cert, NODE_EXTRA_CA_CERTS): a
  // process of the same runtime that does not shows what `ca` does.
  deepEqual(await withoutTrustedCa(mainTlsServer(), { ca }), { before: "refused", after: "ok" });
  equal(await c.getBucketRegionAsync(uniqueBucket("none")).catch((e) => e.code), "NoSuchBucket");
});

test("[oidc] minio-js setRequestOptions: cert and key presented to a MinIO that asks for client certificates", async () => {
  // The OpenID test bed's MinIO has TLS identity on: it asks each client for a
  // certificate of the test bed's CA (and takes requests without one, so this
  // shows the handshake with the certificate completes on each runtime; that
  // the server gets it is shown by CertificateIdentityProvider in oidc_test.ts,
  // through the same transport on Node).
  const text = (name: string) => readFile(env(name), "utf8");
  if (inWorkerd()) {
    throws(
      () => client(true).setRequestOptions({ cert: "C", key: "K" }),
      /cert, key need a fetch that takes TLS settings, which Cloudflare-Workers has not/,
    );
    return;
  }
  const server: TlsServer = {
    host: env("MINIO_TEST_OIDC_HOST"),
    port: Number(env("MINIO_TEST_OIDC_PORT")),
    accessKey: env("MINIO_TEST_OIDC_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_OIDC_SECRET_KEY"),
  };
  const options = {
    ca: await text("MINIO_TEST_OIDC_CA"),
    cert: await text("MINIO_TEST_OIDC_CLIENT_CERT"),
    key: await text("MINIO_TEST_OIDC_CLIENT_KEY"),
  };
  deepEqual(await withoutTrustedCa(server, options), { before: "refused", after: "ok" });
});

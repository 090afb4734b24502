// The ./minio-js entry against the real MinIO: each method of minio-js's
// Client called in its documented shape (docs/API.md of minio-js 8),
// streams read through their data / end events and .pipe().
import { Readable, Writable } from "node:stream";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import {
  AssumeRoleProvider,
  type BucketItem,
  Client,
  CopyConditions,
  CopyDestinationOptions,
  CopySourceOptions,
} from "../../minio-js.ts";
import { client as minioClient, env, s3Error, uniqueBucket } from "./testbed.ts";
import { adminClient, uniqueName } from "./admin_testbed.ts";

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

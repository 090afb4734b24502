// Anonymous access and the STS providers against the real MinIO of the test
// bed: a public bucket read without keys, a private one refused; AssumeRole
// with a real user's keys, its refresh shared by 200 concurrent requests
// (counted at the STS endpoint), and a denied AssumeRole as a typed error.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { AssumeRoleProvider, Minio, PostPolicy, S3Error } from "../../mod.ts";
import { MinioAdmin } from "../../admin.ts";
import { adminClient, uniqueName } from "./admin_testbed.ts";
import { client, env, uniqueBucket } from "./testbed.ts";
import { countingProxy } from "./counting_proxy.ts";
import { rejectsWith } from "./rejects_with.ts";

const httpUrl = () => `http://${env("MINIO_TEST_HOST")}:${env("MINIO_TEST_PORT")}`;

function anonymous(): Minio {
  return new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env("MINIO_TEST_PORT")),
    useSSL: false,
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function emptyAndRemove(c: Minio, bucket: string): Promise<void> {
  for await (const o of c.listObjects(bucket, { recursive: true })) {
    await c.removeObject(bucket, o.name);
  }
  await c.removeBucket(bucket);
}

test("[credentials] anonymous client reads a public-read bucket; a private one is AccessDenied", async () => {
  const root = client(false);
  const pub = uniqueBucket("anon-pub");
  const priv = uniqueBucket("anon-priv");
  await root.makeBucket(pub);
  await root.makeBucket(priv);
  try {
    await root.putObject(pub, "hello.txt", "hello, anyone");
    await root.putObject(priv, "secret.txt", "for root only");
    await root.setBucketPolicy(pub, {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: ["*"] },
          Action: ["s3:GetBucketLocation", "s3:ListBucket"],
          Resource: [`arn:aws:s3:::${pub}`],
        },
        {
          Effect: "Allow",
          Principal: { AWS: ["*"] },
          Action: ["s3:GetObject"],
          Resource: [`arn:aws:s3:::${pub}/*`],
        },
      ],
    });
    const anon = anonymous();
    equal(await anon.bucketExists(pub), true);
    const res = await anon.getObject(pub, "hello.txt");
    equal(await res.text(), "hello, anyone");
    deepEqual((await collect(anon.listObjects(pub))).map((o) => o.name), ["hello.txt"]);
    await rejectsWith(anon.getObject(priv, "secret.txt"), S3Error, "AccessDenied", 403);
    await rejectsWith(collect(anon.listObjects(priv)), S3Error, "AccessDenied", 403);
    // Writing is not in the policy either.
    await rejectsWith(anon.putObject(pub, "new.txt", "x"), S3Error, "AccessDenied", 403);
  } finally {
    await emptyAndRemove(root, pub);
    await emptyAndRemove(root, priv);
  }
});

test("[credentials] anonymous client: presigning and the admin API refuse before the network", async () => {
  let sent = 0;
  const options = {
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env("MINIO_TEST_PORT")),
    useSSL: false,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      sent++;
      return globalThis.fetch(input, init);
    }) as typeof fetch,
  };
  const anon = new Minio(options);
  const refused = { name: "InvalidArgumentError", message: /anonymous/ };
  await rejects(anon.presignedGetObject("bucket", "key"), refused);
  await rejects(anon.presignedPutObject("bucket", "key"), refused);
  await rejects(
    anon.presignedPostPolicy(
      new PostPolicy("bucket", new Date(Date.now() + 60_000)).addEqualsCondition("key", "k"),
    ),
    refused,
  );
  await rejects(new MinioAdmin(options).info(), refused);
  equal(sent, 0);
});

/** A MinIO user with the readwrite policy, removed after `fn`. */
async function withUser(
  admin: MinioAdmin,
  fn: (accessKey: string, secretKey: string) => Promise<void>,
): Promise<void> {
  const user = uniqueName("sts-user");
  const secret = `${uniqueName("secret")}-secret`;
  await admin.userAdd(user, secret);
  try {
    await admin.attachPolicy(["readwrite"], { user });
    await fn(user, secret);
  } finally {
    await admin.userRemove(user);
  }
}

test("[credentials] AssumeRoleProvider: a real user's temporary credentials list a bucket", async () => {
  const root = client(false);
  const bucket = uniqueBucket("assume");
  await root.makeBucket(bucket);
  try {
    await root.putObject(bucket, "a.txt", "a");
    await withUser(adminClient(false), async (user, secret) => {
      const provider = new AssumeRoleProvider(httpUrl(), user, secret, { durationSeconds: 900 });
      const creds = await provider.getCredentials();
      ok(creds.sessionToken, "temporary credentials carry a session token");
      ok(creds.accessKey !== user);
      const c = new Minio({
        endPoint: env("MINIO_TEST_HOST"),
        port: Number(env("MINIO_TEST_PORT")),
        useSSL: false,
        credentials: provider,
      });
      deepEqual((await collect(c.listObjects(bucket))).map((o) => o.name), ["a.txt"]);
      // A session policy narrows the user's own: reading only.
      const narrowed = new Minio({
        endPoint: env("MINIO_TEST_HOST"),
        port: Number(env("MINIO_TEST_PORT")),
        useSSL: false,
        credentials: new AssumeRoleProvider(httpUrl(), user, secret, {
          policy: {
            Version: "2012-10-17",
            Statement: [{
              Effect: "Allow",
              Action: ["s3:GetObject"],
              Resource: [`arn:aws:s3:::${bucket}/*`],
            }],
          },
        }),
      });
      equal(await (await narrowed.getObject(bucket, "a.txt")).text(), "a");
      await rejectsWith(narrowed.putObject(bucket, "b.txt", "b"), S3Error, "AccessDenied", 403);
    });
  } finally {
    await emptyAndRemove(root, bucket);
  }
});

test("[credentials] 200 concurrent requests with expiring credentials make exactly one STS call", async () => {
  const root = client(false);
  const bucket = uniqueBucket("refresh");
  await root.makeBucket(bucket);
  const proxy = await countingProxy(httpUrl());
  try {
    await withUser(adminClient(false), async (user, secret) => {
      // A margin as long as the lifetime: every cached credential counts as
      // expiring, so each round of requests must refresh first.
      const provider = new AssumeRoleProvider(proxy.url, user, secret, {
        durationSeconds: 900,
        refreshMarginSeconds: 900,
      });
      const c = new Minio({
        endPoint: env("MINIO_TEST_HOST"),
        port: Number(env("MINIO_TEST_PORT")),
        useSSL: false,
        region: "us-east-1",
        credentials: provider,
      });
      equal(await c.bucketExists(bucket), true);
      equal(proxy.count(), 1);
      const results = await Promise.all(Array.from({ length: 200 }, () => c.bucketExists(bucket)));
      ok(results.every((r) => r === true));
      equal(proxy.count(), 2, "one STS call for all 200 requests");
    });
  } finally {
    await proxy.close();
    await root.removeBucket(bucket);
  }
});

test("[credentials] AssumeRoleProvider with a wrong secret: a typed S3Error, no secret in it", async () => {
  const wrong = "not-the-secret-of-anyone";
  const provider = new AssumeRoleProvider(httpUrl(), env("MINIO_TEST_ACCESS_KEY"), wrong);
  const e = await rejectsWith(
    provider.getCredentials(),
    S3Error,
    "AccessDenied",
    403,
    [wrong],
  );
  ok(!JSON.stringify(e).includes(wrong));
});

// The configuration, SSE-C, metadata and lambda examples, run against the real MinIO.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import { DAYS, GOVERNANCE, type Minio, SUSPENDED } from "../../mod.ts";
import { versioning } from "../../examples/versioning.ts";
import { objectLock } from "../../examples/object_lock.ts";
import { encryption } from "../../examples/encryption.ts";
import { tags } from "../../examples/tags.ts";
import { policy, publicReadPolicy } from "../../examples/policy.ts";
import { notification } from "../../examples/notification.ts";
import { customMetadata } from "../../examples/custom_metadata.ts";
import { sseC } from "../../examples/sse_c.ts";
import { runLambda, type TextSummary } from "../../examples/lambda.ts";
import { env, targets, uniqueBucket, withBucket } from "./testbed.ts";
import { removeLockedBucket } from "./locked_bucket.ts";
import { waitFor } from "../wait.ts";

/** Runs `fn` with console output of the examples silenced. */
async function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const { log, error } = console;
  console.log = console.error = () => {};
  try {
    return await fn();
  } finally {
    Object.assign(console, { log, error });
  }
}

/** Runs `fn` with a bucket name the example makes; removes the bucket with every version after. */
async function inNewBucket(c: Minio, fn: (bucket: string) => Promise<void>): Promise<void> {
  const bucket = uniqueBucket("ex");
  try {
    await fn(bucket);
  } finally {
    if (await c.bucketExists(bucket)) await removeLockedBucket(c, bucket);
  }
}

for (const t of targets) {
  test(`[${t.name}] examples/versioning.ts`, async () => {
    const c = t.client();
    await inNewBucket(c, async (bucket) => {
      const ids = await quiet(() => versioning(c, bucket));
      equal(ids.length, 2);
      ok(ids[0] && ids[1] && ids[0] !== ids[1]);
      equal((await c.getBucketVersioning(bucket)).status, SUSPENDED);
    });
  });

  test(`[${t.name}] examples/object_lock.ts`, async () => {
    const c = t.client();
    await inNewBucket(c, async (bucket) => {
      const seen = await quiet(() => objectLock(c, bucket));
      deepEqual([seen.config.mode, seen.config.duration, seen.config.durationUnit], [
        GOVERNANCE,
        1,
        DAYS,
      ]);
      ok(
        seen.retention && seen.retention.retainUntilDate.getTime() > Date.now() + 6 * 24 * 3600_000,
      );
      equal(seen.legalHold, true);
      equal(seen.deleteRefused, true);
      equal(await c.bucketExists(bucket), false, "the example removed its bucket");
    });
  });

  test(`[${t.name}] examples/encryption.ts (SSE-S3 and SSE-KMS)`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      equal(await quiet(() => encryption(c, bucket)), "AES256");
      equal(await quiet(() => encryption(c, bucket, env("MINIO_TEST_KMS_KEY"))), "aws:kms");
      equal(await c.getBucketEncryption(bucket), null);
    });
  });

  test(`[${t.name}] examples/tags.ts`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      deepEqual(await quiet(() => tags(c, bucket)), {
        bucket: { team: "media", "cost-center": "42" },
        object: { state: "reviewed", reviewer: "ana" },
      });
    });
  });

  test(`[${t.name}] examples/policy.ts`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      deepEqual(await quiet(() => policy(c, bucket)), publicReadPolicy(bucket));
    });
  });

  test(`[${t.name}] examples/notification.ts: the webhook gets the upload`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const arn = env("MINIO_TEST_WEBHOOK_ARN");
      const config = await quiet(() => notification(c, bucket, arn, true));
      equal(config.queueConfigList[0].queue, arn);
      await c.putObject(bucket, "uploads/cat.jpg", "jpeg");
      await c.putObject(bucket, "uploads/notes.txt", "not a jpg");
      // A sentinel: once its event is in, one for notes.txt would be in too.
      await c.putObject(bucket, "uploads/dog.jpg", "jpeg");
      let keys: string[] = [];
      await waitFor("the webhook event of uploads/dog.jpg", async () => {
        const res = await fetch(`${env("MINIO_TEST_WEBHOOK_URL")}/events`);
        const all = await res.json() as { Key: string }[];
        keys = all.map((e) => e.Key).filter((k) => k?.startsWith(`${bucket}/`));
        return keys.includes(`${bucket}/uploads/dog.jpg`);
      }, { everyMs: 200, describe: () => keys });
      deepEqual(keys, [`${bucket}/uploads/cat.jpg`, `${bucket}/uploads/dog.jpg`]);
      await c.deleteBucketNotification(bucket);
    });
  });

  test(`[${t.name}] examples/custom_metadata.ts`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const stat = await quiet(() => customMetadata(c, bucket));
      deepEqual(stat.metadata, { photographer: "Ana", "camera-model": "X100V" });
      equal(stat.contentType, "image/jpeg");
      equal(stat.headers.get("cache-control"), "max-age=3600");
      equal(stat.size, 3);
    });
  });

  test(`[${t.name}] examples/lambda.ts: each new incoming/*.txt gets derived objects`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const ac = new AbortController();
      const handled: TextSummary[] = [];
      let listening = false;
      const running = quiet(() =>
        runLambda(c, bucket, {
          signal: ac.signal,
          onListening: () => listening = true,
          onHandled: (s) => handled.push(s),
        })
      );
      await waitFor("the lambda listening", () => listening, { timeoutMs: 5_000 });
      const poem = "roses are red\nviolets are blue\n";
      await c.putObject(bucket, "elsewhere/poem.txt", poem); // not under incoming/: ignored
      await c.putObject(bucket, "incoming/poem.txt", poem);
      // As a user sees it: the file is handled soon after the upload, with
      // no other traffic to push its event out.
      await waitFor("poem.txt handled within 2 s", () => handled.length > 0, {
        timeoutMs: 2_000,
        describe: () => handled,
      });
      ac.abort();
      const count = await running;
      equal(count, 1);
      deepEqual(handled.map((s) => s.source), ["incoming/poem.txt"]);

      equal(
        await (await c.getObject(bucket, "derived/poem.txt.upper.txt")).text(),
        poem.toUpperCase(),
      );
      const summary = await (await c.getObject(bucket, "derived/poem.txt.summary.json"))
        .json() as TextSummary;
      equal(summary.source, "incoming/poem.txt");
      equal(summary.bytes, poem.length);
      equal(summary.lines, 2);
      equal(summary.words, 6);
      equal(summary.event, "s3:ObjectCreated:Put");
      match(summary.sha256, /^[0-9a-f]{64}$/);
      equal(
        (await c.statObject(bucket, "derived/poem.txt.summary.json")).metadata.source,
        "incoming/poem.txt",
      );
    });
  });
}

test("[tls] examples/sse_c.ts: same key reads, wrong key refused, no key sent without TLS", async () => {
  const [http, tls] = [targets[0].client(), targets[1].client()];
  await withBucket(tls, async (bucket) => {
    const result = await quiet(() => sseC(tls, bucket, http));
    equal(result.downloaded, "for your eyes only");
    match(result.wrongKey, /^403 /);
    match(result.withoutTls, /^InvalidArgumentError: .*SSE-C requires a TLS connection/);
  });
});

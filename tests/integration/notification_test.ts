// Bucket notifications against the real MinIO: a queue configuration on the
// test bed's webhook target, events arriving at the webhook receiver.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  NotificationConfig,
  PrefixFilterRule,
  QueueConfig,
  S3Error,
  SuffixFilterRule,
} from "../../mod.ts";
import { env, targets, withBucket } from "./testbed.ts";
import { waitFor } from "../wait.ts";

interface WebhookEvent {
  EventName: string;
  Key: string;
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
}

/** Events of `bucket` the receiver has got so far, in arrival order. */
async function webhookEvents(bucket: string): Promise<WebhookEvent[]> {
  const res = await fetch(`${env("MINIO_TEST_WEBHOOK_URL")}/events`);
  const all = await res.json() as WebhookEvent[];
  return all.filter((e) => e.Records?.[0]?.s3.bucket.name === bucket);
}

/** [event name, key] of each event of `bucket`, once `enough` holds (fails after 10 s). */
async function eventsUntil(
  bucket: string,
  enough: (events: string[][]) => boolean,
): Promise<string[][]> {
  let seen: string[][] = [];
  return await waitFor("the webhook events", async () => {
    seen = (await webhookEvents(bucket)).map((e) => [e.EventName, e.Records[0].s3.object.key]);
    return enough(seen) && seen;
  }, { everyMs: 200, describe: () => seen });
}

for (const t of targets) {
  test(`[${t.name}] setBucketNotification on the webhook: config round trip, events delivered`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      deepEqual(await c.getBucketNotification(bucket), new NotificationConfig());
      const config = new NotificationConfig({
        queueConfigList: [
          new QueueConfig(env("MINIO_TEST_WEBHOOK_ARN"), [
            "s3:ObjectCreated:*",
            "s3:ObjectRemoved:*",
          ], {
            configId: "uploads",
            prefixFilterRule: new PrefixFilterRule("in/"),
            suffixFilterRule: new SuffixFilterRule(".txt"),
          }),
        ],
      });
      await c.setBucketNotification(bucket, config);
      deepEqual(await c.getBucketNotification(bucket), config);

      await c.putObject(bucket, "in/a b.txt", "hello");
      await c.putObject(bucket, "out/skipped.txt", "filtered out by the prefix");
      await c.putObject(bucket, "in/skipped.bin", "filtered out by the suffix");
      await c.removeObject(bucket, "in/a b.txt");
      const events = await eventsUntil(bucket, (e) => e.length >= 2);
      // Targets get the key URL-encoded (the listen API sends it plain).
      const created = ["s3:ObjectCreated:Put", "in%2Fa+b.txt"];
      const removed = ["s3:ObjectRemoved:Delete", "in%2Fa+b.txt"];
      deepEqual(events, [created, removed]);
      equal((await webhookEvents(bucket))[0].Key, `${bucket}/in/a b.txt`);

      await c.deleteBucketNotification(bucket);
      ok((await c.getBucketNotification(bucket)).isEmpty);
      await c.putObject(bucket, "in/after.txt", "no longer sent");
      // A sentinel: with the configuration back, the next upload must be
      // sent; once its event is in, the one above would have come before it.
      await c.setBucketNotification(bucket, config);
      await c.putObject(bucket, "in/sentinel.txt", "sent");
      const sentinel = ["s3:ObjectCreated:Put", "in%2Fsentinel.txt"];
      deepEqual(
        await eventsUntil(bucket, (e) => e.some(([, key]) => key === sentinel[1])),
        [created, removed, sentinel],
      );
      await c.deleteBucketNotification(bucket);
    });
  });

  test(`[${t.name}] setBucketNotification with an ARN the server does not know: S3Error`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const config = new NotificationConfig({
        queueConfigList: [
          new QueueConfig("arn:minio:sqs::MISSING:webhook", ["s3:ObjectCreated:*"]),
        ],
      });
      await rejects(
        c.setBucketNotification(bucket, config),
        (e: unknown) => e instanceof S3Error && e.code === "InvalidArgument",
      );
    });
  });
}

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

interface WebhookEvent {
  EventName: string;
  Key: string;
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[];
}

/** Events of `bucket` the receiver got, polled until `enough` says so (at most ~10 s). */
async function webhookEvents(
  bucket: string,
  enough: (events: WebhookEvent[]) => boolean,
): Promise<WebhookEvent[]> {
  let mine: WebhookEvent[] = [];
  for (let i = 0; i < 50; i++) {
    const all = await (await fetch(`${env("MINIO_TEST_WEBHOOK_URL")}/events`))
      .json() as WebhookEvent[];
    mine = all.filter((e) => e.Records?.[0]?.s3.bucket.name === bucket);
    if (enough(mine)) return mine;
    await new Promise((r) => setTimeout(r, 200));
  }
  return mine;
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
      const events = await webhookEvents(bucket, (e) => e.length >= 2);
      deepEqual(
        events.map((e) => [e.EventName, e.Records[0].s3.object.key]),
        [
          // Targets get the key URL-encoded (the listen API sends it plain).
          ["s3:ObjectCreated:Put", "in%2Fa+b.txt"],
          ["s3:ObjectRemoved:Delete", "in%2Fa+b.txt"],
        ],
      );
      equal(events[0].Key, `${bucket}/in/a b.txt`);

      await c.deleteBucketNotification(bucket);
      ok((await c.getBucketNotification(bucket)).isEmpty);
      await c.putObject(bucket, "in/after.txt", "no longer sent");
      await new Promise((r) => setTimeout(r, 500));
      equal((await webhookEvents(bucket, () => true)).length, 2);
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

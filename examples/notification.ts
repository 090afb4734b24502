/**
 * Bucket notifications: send the events of new `.jpg` uploads under
 * `uploads/` to a notification target configured on the server (here a
 * webhook, ARN `arn:minio:sqs::PRIMARY:webhook`), read the configuration
 * back, then remove it. Runs against the MinIO that `bash scripts/demo.sh`
 * starts (or any server named by MINIO_ENDPOINT, MINIO_ACCESS_KEY and
 * MINIO_SECRET_KEY; MINIO_NOTIFY_ARN names the target).
 *
 *   deno run -A examples/notification.ts
 *   bun examples/notification.ts
 *   NOTIFICATION_MAIN=1 node --import tsx examples/notification.ts
 */
import {
  Minio,
  NotificationConfig,
  PrefixFilterRule,
  QueueConfig,
  SuffixFilterRule,
} from "../mod.ts";

/** Sends `bucket`'s new uploads/*.jpg to `arn`; with `keep`, leaves it set. Returns what was read back. */
export async function notification(
  client: Minio,
  bucket: string,
  arn: string,
  keep = false,
): Promise<NotificationConfig> {
  if (!(await client.bucketExists(bucket))) await client.makeBucket(bucket);

  await client.setBucketNotification(
    bucket,
    new NotificationConfig({
      queueConfigList: [
        new QueueConfig(arn, ["s3:ObjectCreated:*"], {
          configId: "new-photos",
          prefixFilterRule: new PrefixFilterRule("uploads/"),
          suffixFilterRule: new SuffixFilterRule(".jpg"),
        }),
      ],
    }),
  );
  const config = await client.getBucketNotification(bucket);
  for (const q of config.queueConfigList) {
    console.log(`${q.configId}: ${q.events.join(", ")} -> ${q.queue}`);
  }
  if (!keep) await client.deleteBucketNotification(bucket);
  return config;
}

const env = (name: string): string | undefined => {
  const g = globalThis as {
    Deno?: { env: { get(k: string): string | undefined } };
    process?: { env: Record<string, string | undefined> };
  };
  return g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
};

if (import.meta.main ?? (env("NOTIFICATION_MAIN") === "1")) {
  const client = new Minio({
    endPoint: env("MINIO_ENDPOINT") ?? "http://127.0.0.1:9000",
    accessKey: env("MINIO_ACCESS_KEY") ?? "minioadmin",
    secretKey: env("MINIO_SECRET_KEY") ?? "minioadmin",
  });
  await notification(
    client,
    "notification-example",
    env("MINIO_NOTIFY_ARN") ?? "arn:minio:sqs::PRIMARY:webhook",
  );
}

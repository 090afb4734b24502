/**
 * `deleteBucketNotification`: stops every notification of a bucket.
 *
 *   deno run -A examples/notification/delete_bucket_notification.ts
 */
import {
  Minio,
  NotificationConfig,
  PrefixFilterRule,
  QueueConfig,
  SuffixFilterRule,
} from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const arn = process.env.MINIO_NOTIFY_ARN || "arn:minio:sqs::PRIMARY:webhook";
const bucket = `delete-notification-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);
await client.setBucketNotification(
  bucket,
  new NotificationConfig({
    queueConfigList: [
      new QueueConfig(arn, ["s3:ObjectCreated:*"], {
        prefixFilterRule: new PrefixFilterRule("uploads/"),
        suffixFilterRule: new SuffixFilterRule(".jpg"),
      }),
    ],
  }),
);

await client.deleteBucketNotification(bucket);
const config = await client.getBucketNotification(bucket);
console.log("targets left:", config.queueConfigList.length); // 0

await client.removeBucket(bucket);

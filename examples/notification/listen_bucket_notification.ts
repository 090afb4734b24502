/**
 * `listenBucketNotification`: receives a bucket's events as they happen (MinIO's
 * listen API, no target to configure), here the upload this example makes.
 *
 *   deno run -A examples/notification/listen_bucket_notification.ts
 */
import { Minio } from "@minio-edge/minio";

const client = new Minio({
  endPoint: process.env.MINIO_ENDPOINT ?? "http://127.0.0.1:9000",
  accessKey: process.env.MINIO_ACCESS_KEY ?? "minioadmin",
  secretKey: process.env.MINIO_SECRET_KEY ?? "minioadmin",
});

const bucket = `listen-${crypto.randomUUID().slice(0, 8)}`;
await client.makeBucket(bucket);

const stop = new AbortController();
const timeout = setTimeout(() => stop.abort(), 10_000);
const events = client.listenBucketNotification(bucket, "uploads/", ".jpg", ["s3:ObjectCreated:*"], {
  signal: stop.signal,
  ping: 1, // a keep-alive each second: the first one tells ready() the server listens
});
await events.ready(); // listening: events from now on are seen

await client.putObject(bucket, "uploads/cat.jpg", "jpeg bytes");
let seen = 0;
for await (const record of events) {
  console.log(record.eventName, record.s3.object.key, record.s3.object.size);
  if (++seen === 1) break; // one is enough here; a service would go on
}
clearTimeout(timeout);
if (seen === 0) throw new Error("no event within 10 s of the upload");

// Clean up: every object version, then the bucket.
const all = client.listObjects(bucket, { recursive: true, includeVersion: true });
for await (const e of client.removeObjects(bucket, all)) console.error("left:", e.name, e.code);
await client.removeBucket(bucket);

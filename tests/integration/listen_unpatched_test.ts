// The server regression scripts/minio-flush.patch fixes, shown on the pinned
// MinIO built without the patch (scripts/testbed_unpatched.sh): the listen
// stream stays in the server's buffers, so an event reaches the listener only
// once later events have piled up behind it (docs/troubleshooting.md). The
// patched servers of the other tests deliver each event within 2 s of its
// write (listen_notification_test.ts). If this test fails because the first
// event comes out on its own, the pinned build no longer has the regression
// and the patch can go.
import { ok, test } from "../harness.ts";
import { waitFor } from "../wait.ts";
import { Minio, type NotificationRecord } from "../../mod.ts";
import { env, uniqueBucket } from "./testbed.ts";

test("[unpatched MinIO] listenBucketNotification: an event comes out only with later ones", async () => {
  const c = new Minio({
    endPoint: "127.0.0.1",
    port: Number(env("MINIO_TEST_UNPATCHED_PORT")),
    useSSL: false,
    accessKey: env("MINIO_TEST_UNPATCHED_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_UNPATCHED_SECRET_KEY"),
  });
  const bucket = uniqueBucket("unpatched");
  await c.makeBucket(bucket);
  const events = c.listenBucketNotification(bucket, "ev/", "", ["s3:ObjectCreated:Put"]);
  const seen: NotificationRecord[] = [];
  const reading = (async () => {
    for await (const r of events) seen.push(r);
  })();
  let puts = 0;
  try {
    // One small upload after another, each one event, until the first event
    // arrives; its upload's number against how many were done by then.
    await waitFor("the first event", async () => {
      if (seen.length > 0) return true;
      await c.putObject(bucket, `ev/${puts}`, "x");
      puts++;
      return false;
    }, { timeoutMs: 20_000, everyMs: 0 });
    const first = Number(seen[0].s3.object.key.slice(3));
    // Measured: upload 0's event arrives some 70 uploads later, in a burst
    // of about 30; on a patched server, before the next upload.
    ok(
      puts - 1 - first >= 2,
      `the event of upload ${first} arrived with ${puts} uploads done: not held back`,
    );
  } finally {
    await events.close();
    await reading;
    for await (const o of c.listObjects(bucket, { recursive: true })) {
      await c.removeObject(bucket, o.name);
    }
    await c.removeBucket(bucket);
  }
});

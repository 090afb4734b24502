// listenBucketNotification against the real MinIO: the events each operation
// causes, the prefix filter, and closing by break and by AbortSignal.
//
// The pinned MinIO never flushes this stream (its trackingResponseWriter
// lacks http.Flusher, a regression of minio/minio#21651): nothing, not even
// the response headers, reaches the client until a few KiB of events have
// accumulated in the server's buffers. So these tests push filler events
// (HEADs of one object) through the stream until what they wait for arrives.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { CopySource, type Minio, type NotificationRecord } from "../../mod.ts";
import { bytesOf, targets, uniqueBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
const FILLER = "ev/filler";

/** HEADs the filler object until `done()` or ~10 s have passed; whether `done()`. */
async function pump(c: Minio, bucket: string, done: () => boolean): Promise<boolean> {
  const until = Date.now() + 10_000;
  while (!done() && Date.now() < until) await c.statObject(bucket, FILLER);
  return done();
}

for (const t of targets) {
  test(`[${t.name}] listenBucketNotification: Put, Copy, CompleteMultipartUpload, Get, Head, Delete`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("ln");
    await c.makeBucket(bucket);
    await c.putObject(bucket, FILLER, "f");
    const events = c.listenBucketNotification(bucket, "ev/", "", undefined, { ping: 1 });
    const seen: NotificationRecord[] = [];
    const reading = (async () => {
      for await (const r of events) seen.push(r);
    })();
    try {
      // The subscription is live once the first filler event comes back.
      ok(await pump(c, bucket, () => seen.length > 0), "the listener got the first event");
      await c.putObject(bucket, "other/outside.txt", "not under ev/");
      await c.putObject(bucket, "ev/a b.txt", "hello");
      await c.copyObject(bucket, "ev/copy.txt", new CopySource(bucket, "ev/a b.txt"));
      await c.putObject(bucket, "ev/big.bin", bytesOf(6 * MiB), undefined, { partSize: 5 * MiB });
      equal(await (await c.getObject(bucket, "ev/a b.txt")).text(), "hello");
      await c.statObject(bucket, "ev/a b.txt");
      await c.removeObject(bucket, "ev/a b.txt");

      const ours = () =>
        seen.filter((r) => r.s3.object.key !== FILLER).map((r) => [r.eventName, r.s3.object.key]);
      ok(
        await pump(c, bucket, () => ours().length >= 7),
        `all events arrived: ${JSON.stringify(ours())}`,
      );
      deepEqual(ours(), [
        ["s3:ObjectCreated:Put", "ev/a b.txt"], // the key is not URL-encoded in this stream
        ["s3:ObjectAccessed:Head", "ev/a b.txt"], // copyObject reads the source's size first
        ["s3:ObjectCreated:Copy", "ev/copy.txt"],
        ["s3:ObjectCreated:CompleteMultipartUpload", "ev/big.bin"],
        ["s3:ObjectAccessed:Get", "ev/a b.txt"],
        ["s3:ObjectAccessed:Head", "ev/a b.txt"],
        ["s3:ObjectRemoved:Delete", "ev/a b.txt"],
      ]);
      const put = seen.find((r) => r.eventName === "s3:ObjectCreated:Put")!;
      equal(put.s3.bucket.name, bucket);
      equal(put.s3.object.size, 5);
      equal(put.eventSource, "minio:s3");
      equal(
        seen.find((r) => r.eventName.endsWith("CompleteMultipartUpload"))?.s3.object.size,
        6 * MiB,
      );
    } finally {
      await events.close();
      await reading;
      for (const k of [FILLER, "other/outside.txt", "ev/copy.txt", "ev/big.bin"]) {
        await c.removeObject(bucket, k);
      }
      await c.removeBucket(bucket);
    }
  });

  test(`[${t.name}] listenBucketNotification: break closes the connection, so does AbortSignal`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("ln");
    await c.makeBucket(bucket);
    await c.putObject(bucket, FILLER, "f");
    try {
      let got: NotificationRecord | undefined;
      const pumping = pump(c, bucket, () => got !== undefined);
      for await (
        const r of c.listenBucketNotification(bucket, "", "", ["s3:ObjectAccessed:Head"])
      ) {
        got = r;
        break;
      }
      ok(await pumping);
      equal(got?.eventName, "s3:ObjectAccessed:Head");

      const ac = new AbortController();
      const events = c.listenBucketNotification(bucket, "", "", ["s3:ObjectAccessed:*"], {
        signal: ac.signal,
      });
      let count = 0;
      const reading = (async () => {
        for await (const _ of events) if (++count === 1) ac.abort();
      })();
      ok(await pump(c, bucket, () => count > 0));
      await reading; // ends without an error once aborted
      equal(count, 1);
      deepEqual(await events.next(), { done: true, value: undefined });
    } finally {
      await c.removeObject(bucket, FILLER);
      await c.removeBucket(bucket);
    }
  });
}

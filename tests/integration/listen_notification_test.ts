// listenBucketNotification against the real MinIO: the events each operation
// causes, the prefix filter, and closing by break and by AbortSignal. Each
// event must reach the listener within 2 s of the write that caused it, as a
// user's listener would see it. (The test bed's MinIO is built with
// scripts/minio-flush.patch; the pinned build without it holds the stream
// back, see docs/troubleshooting.md.)
import { deepEqual, equal, test } from "../harness.ts";
import { waitFor } from "../wait.ts";
import {
  CopySource,
  type Minio,
  type NotificationRecord,
  type NotificationStream,
} from "../../mod.ts";
import { bytesOf, targets, uniqueBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
/** How long an event may take to arrive after its write. */
const ARRIVES_MS = 2_000;

/** Reads `events` into `seen` until the stream ends. */
function collect(events: NotificationStream) {
  const seen: NotificationRecord[] = [];
  const reading = (async () => {
    for await (const r of events) seen.push(r);
  })();
  /** Waits (at most ARRIVES_MS) until `n` events have arrived. */
  const arrived = (n: number, after: string) =>
    waitFor(`event ${n} (after ${after}) within ${ARRIVES_MS} ms`, () => seen.length >= n, {
      timeoutMs: ARRIVES_MS,
      everyMs: 10,
      describe: () => seen.map((r) => [r.eventName, r.s3.object.key]),
    });
  return { seen, reading, arrived };
}

async function emptyBucket(c: Minio, bucket: string): Promise<void> {
  for await (const o of c.listObjects(bucket, { recursive: true })) {
    await c.removeObject(bucket, o.name);
  }
  await c.removeBucket(bucket);
}

for (const t of targets) {
  test(`[${t.name}] listenBucketNotification: Put, Copy, CompleteMultipartUpload, Get, Head, Delete, each within 2 s`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("ln");
    await c.makeBucket(bucket);
    const events = c.listenBucketNotification(bucket, "ev/", "", undefined, { ping: 1 });
    const { seen, reading, arrived } = collect(events);
    try {
      await events.ready(); // subscribed: MinIO answers only once it listens
      // Not under ev/: no event. The next write's event is the first one seen.
      await c.putObject(bucket, "other/outside.txt", "not under ev/");
      await c.putObject(bucket, "ev/a b.txt", "hello");
      await arrived(1, "putObject");
      await c.copyObject(bucket, "ev/copy.txt", new CopySource(bucket, "ev/a b.txt"));
      await arrived(3, "copyObject"); // a Head of the source, then the Copy
      await c.putObject(bucket, "ev/big.bin", bytesOf(6 * MiB), undefined, { partSize: 5 * MiB });
      await arrived(4, "multipart putObject");
      equal(await (await c.getObject(bucket, "ev/a b.txt")).text(), "hello");
      await arrived(5, "getObject");
      await c.statObject(bucket, "ev/a b.txt");
      await arrived(6, "statObject");
      await c.removeObject(bucket, "ev/a b.txt");
      await arrived(7, "removeObject");

      deepEqual(seen.map((r) => [r.eventName, r.s3.object.key]), [
        ["s3:ObjectCreated:Put", "ev/a b.txt"], // the key is not URL-encoded in this stream
        ["s3:ObjectAccessed:Head", "ev/a b.txt"], // copyObject reads the source's size first
        ["s3:ObjectCreated:Copy", "ev/copy.txt"],
        ["s3:ObjectCreated:CompleteMultipartUpload", "ev/big.bin"],
        ["s3:ObjectAccessed:Get", "ev/a b.txt"],
        ["s3:ObjectAccessed:Head", "ev/a b.txt"],
        ["s3:ObjectRemoved:Delete", "ev/a b.txt"],
      ]);
      const put = seen[0];
      equal(put.s3.bucket.name, bucket);
      equal(put.s3.object.size, 5);
      equal(put.eventSource, "minio:s3");
      equal(seen[3].s3.object.size, 6 * MiB);
    } finally {
      await events.close();
      await reading;
      await emptyBucket(c, bucket);
    }
  });

  test(`[${t.name}] listenBucketNotification: break closes the connection, so does AbortSignal`, async () => {
    const c = t.client();
    const bucket = uniqueBucket("ln");
    await c.makeBucket(bucket);
    await c.putObject(bucket, "k", "v");
    try {
      // ping: 1, so ready() resolves with the first keep-alive, a second in.
      const first = c.listenBucketNotification(bucket, "", "", ["s3:ObjectAccessed:Head"], {
        ping: 1,
      });
      await first.ready();
      // Bounds the wait: a missing event ends the loop with nothing received.
      const bound = setTimeout(() => first.close(), ARRIVES_MS);
      let got: NotificationRecord | undefined;
      try {
        await c.statObject(bucket, "k");
        for await (const r of first) {
          got = r;
          break;
        }
      } finally {
        clearTimeout(bound);
      }
      equal(got?.eventName, "s3:ObjectAccessed:Head", `an event within ${ARRIVES_MS} ms`);
      deepEqual(await first.next(), { done: true, value: undefined });

      const ac = new AbortController();
      const events = c.listenBucketNotification(bucket, "", "", ["s3:ObjectAccessed:*"], {
        signal: ac.signal,
        ping: 1,
      });
      await events.ready();
      const { seen, reading, arrived } = collect(events);
      try {
        await c.statObject(bucket, "k");
        await arrived(1, "statObject");
      } finally {
        ac.abort();
        await reading; // ends without an error once aborted
      }
      equal(seen[0].eventName, "s3:ObjectAccessed:Head");
      deepEqual(await events.next(), { done: true, value: undefined });
    } finally {
      await emptyBucket(c, bucket);
    }
  });
}

// Uploads against the real MinIO: single PUT and multipart, every body type,
// unknown lengths, progress, failures and aborts that leave nothing behind.
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import type { Minio } from "../../mod.ts";
import { bytesOf, s3Error, targets, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
const hex = (b: Uint8Array) => bytesToHex(sha256(b));

/** A stream of `data` in uneven chunks, without a known length. */
function chunked(data: Uint8Array, chunk = 1_000_003): ReadableStream<Uint8Array> {
  let off = 0;
  return new ReadableStream({
    pull(c) {
      if (off >= data.length) return c.close();
      c.enqueue(data.slice(off, off + chunk));
      off += chunk;
    },
  });
}

async function downloadHash(c: Minio, bucket: string, name: string): Promise<[number, string]> {
  const h = sha256.create();
  let n = 0;
  const res = await c.getObject(bucket, name);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    h.update(chunk);
    n += chunk.length;
  }
  return [n, bytesToHex(h.digest())];
}

async function incomplete(c: Minio, bucket: string) {
  const out = [];
  for await (const u of c.listIncompleteUploads(bucket, { recursive: true })) out.push(u);
  return out;
}

// The SDK's default part size: 16 MiB; 5 MiB in a Worker, whose memory is capped.
const DEFAULT_PART = (globalThis as { navigator?: { userAgent?: string } }).navigator
    ?.userAgent === "Cloudflare-Workers"
  ? 5 * MiB
  : 16 * MiB;

for (const t of targets) {
  test(`[${t.name}] sizes around the part boundary, known length, byte-exact`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const size of [0, 1, 5 * MiB - 1, 5 * MiB, 5 * MiB + 1, 11 * MiB + 7]) {
        const data = bytesOf(size, size + 1);
        const w = await c.putObject(bucket, `s${size}`, data, undefined, { partSize: 5 * MiB });
        // Multipart ETags end in -<parts>; a single PUT's is the MD5.
        equal(w.etag.includes("-"), size > 5 * MiB, `etag shape for ${size}`);
        deepEqual(await downloadHash(c, bucket, `s${size}`), [size, hex(data)]);
      }
    });
  });

  test(`[${t.name}] default part size: 16 MiB parts (5 MiB in workerd), bad partSize refused`, async () => {
    const c = t.client();
    const part = DEFAULT_PART;
    await withBucket(c, async (bucket) => {
      for (const size of [part, part + 1, 2 * part + 7]) {
        const data = bytesOf(size, size + 3);
        const w = await c.putObject(bucket, `d${size}`, data);
        // A multipart ETag ends in -<parts>; a single PUT's has no dash.
        const parts = /-(\d+)$/.exec(w.etag);
        equal(parts ? Number(parts[1]) : 1, Math.ceil(size / part), `parts of ${size}: ${w.etag}`);
        deepEqual(await downloadHash(c, bucket, `d${size}`), [size, hex(data)]);
      }
      const body = new ReadableStream<Uint8Array>({ pull: (ctl) => ctl.close() }, {
        highWaterMark: 0,
      });
      await rejects(
        c.putObject(bucket, "refused.bin", body, 5 * MiB * 10_000 + 1, { partSize: 5 * MiB }),
        /more than 10000 parts/,
      );
      await rejects(
        c.putObject(bucket, "refused.bin", "x", undefined, { partSize: 5 * 1024 * MiB + 1 }),
        /partSize/,
      );
      deepEqual(await incomplete(c, bucket), [], "no upload was started");
    });
  });

  test(`[${t.name}] 64 MiB stream of unknown length, progress to the end`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(64 * MiB, 99);
      const seen: number[] = [];
      const w = await c.putObject(bucket, "big.bin", chunked(data), undefined, {
        onProgress: (p) => seen.push(p.loaded),
      });
      const parts = Math.ceil(data.length / DEFAULT_PART); // 4 of 16 MiB; 13 of 5 MiB in workerd
      equal(w.etag.endsWith(`-${parts}`), true, `${parts} parts: ${w.etag}`);
      deepEqual(await downloadHash(c, bucket, "big.bin"), [data.length, hex(data)]);
      ok(seen.length >= 4);
      equal(seen.at(-1), data.length);
      ok(seen.every((v, i) => i === 0 || v > seen[i - 1]), "progress only grows");
    });
  });

  test(`[${t.name}] Blob, async iterable and known-size stream go multipart with a given part size`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(12 * MiB + 3, 5);
      async function* gen() {
        for (let i = 0; i < data.length; i += 777_777) yield data.slice(i, i + 777_777);
      }
      const bodies: [string, () => unknown, number | undefined][] = [
        ["blob", () => new Blob([data]), undefined],
        ["iter", () => gen(), undefined],
        ["stream-sized", () => chunked(data), data.length],
      ];
      for (const [name, body, size] of bodies) {
        const w = await c.putObject(bucket, name, body() as Blob, size, {
          partSize: 5 * MiB,
          concurrency: 2,
        });
        equal(w.etag.endsWith("-3"), true, name);
        deepEqual(await downloadHash(c, bucket, name), [data.length, hex(data)], name);
      }
    });
  });

  test(`[${t.name}] a stream that fails half-way: error surfaces, upload aborted`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      let sent = 0;
      const failing = new ReadableStream<Uint8Array>({
        pull(ctl) {
          if (sent >= 12 * MiB) return ctl.error(new Error("disk on fire"));
          ctl.enqueue(bytesOf(MiB, sent));
          sent += MiB;
        },
      });
      await rejects(
        c.putObject(bucket, "broken.bin", failing, undefined, { partSize: 5 * MiB }),
        /disk on fire/,
      );
      deepEqual(await incomplete(c, bucket), []);
      equal((await c.statObject(bucket, "broken.bin").catch((e) => e)).code, "NoSuchKey");
    });
  });

  // It used to stay locked and half-read: only a failure after the create released it.
  test(`[${t.name}] a refused CreateMultipartUpload cancels the stream body`, async () => {
    const c = t.client();
    let cancelled: unknown;
    let read = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        ctl.enqueue(bytesOf(MiB, read));
        read += MiB;
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const missing = `missing-${Date.now().toString(36)}`;
    const e = await c.putObject(missing, "o.bin", body, undefined, { partSize: 5 * MiB })
      .then(() => undefined, (e: unknown) => e);
    s3Error("NoSuchBucket", 404)(e);
    ok(cancelled === e, `the body was cancelled with the error, got ${cancelled}`);
    ok(read < 20 * MiB, `read ${read / MiB} MiB of an endless body`);
  });

  test(`[${t.name}] AbortSignal cancels the parts and aborts the upload on the server`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const ac = new AbortController();
      const data = bytesOf(40 * MiB, 3);
      const p = c.putObject(bucket, "aborted.bin", chunked(data), undefined, {
        partSize: 5 * MiB,
        onProgress: (pr) => {
          if (pr.loaded > 8 * MiB) ac.abort(new Error("user cancelled"));
        },
        signal: ac.signal,
      });
      await rejects(p, /user cancelled/);
      deepEqual(await incomplete(c, bucket), []);
      await rejects(
        c.putObject(bucket, "never", "x", undefined, { signal: ac.signal }),
        /user cancelled/,
      );
    });
  });

  test(`[${t.name}] a stream shorter or longer than the given size is refused and aborted`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(6 * MiB);
      await rejects(c.putObject(bucket, "short", chunked(data), 7 * MiB), /ended after/);
      await rejects(c.putObject(bucket, "long", chunked(data), 6 * MiB - 1), /longer than size/);
      deepEqual(await incomplete(c, bucket), []);
    });
  });

  test(`[${t.name}] tags, storage class and content type on single and multipart uploads`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const [name, size] of [["small", 10], ["large", 6 * MiB]] as const) {
        await c.putObject(bucket, name, bytesOf(size), undefined, {
          contentType: "application/x-test",
          tags: { project: "edge", "a b": "c&d".replace("&", "+") },
          storageClass: "STANDARD",
          metadata: { origin: "test" },
        });
        const st = await c.statObject(bucket, name);
        equal(st.contentType, "application/x-test", name);
        equal(st.metadata.origin, "test", name);
        equal(st.headers.get("x-amz-tagging-count"), "2", name);
      }
    });
  });

  test(`[${t.name}] removeIncompleteUpload aborts a started upload`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      // CreateMultipartUpload alone, through the raw request escape hatch.
      const started = await c.request({
        method: "POST",
        bucket,
        object: "pending/one.bin",
        query: [["uploads", ""]],
      });
      match(await started.text(), /<UploadId>[^<]+<\/UploadId>/);
      const listed = await incomplete(c, bucket);
      equal(listed.length, 1);
      equal(listed[0].name, "pending/one.bin");
      ok(listed[0].initiated instanceof Date);
      // MinIO ignores the delimiter here and lists the upload itself.
      const top = [];
      for await (const u of c.listIncompleteUploads(bucket, { includeSize: true })) top.push(u);
      deepEqual(top.map((u) => [u.name, u.size]), [["pending/one.bin", 0]]);
      await c.removeIncompleteUpload(bucket, "pending/one.bin");
      deepEqual(await incomplete(c, bucket), []);
    });
  });
}

test("[tls] SSE-C, SSE-S3 and SSE-KMS uploads, single and multipart; SSE-C needs the key to read", async () => {
  const c = targets[1].client();
  const { SseCustomerKey, SseKMS, SseS3 } = await import("../../mod.ts");
  const { env } = await import("./testbed.ts");
  await withBucket(c, async (bucket) => {
    const key = new SseCustomerKey(bytesOf(32, 42));
    for (const size of [100, 6 * MiB]) {
      const data = bytesOf(size, 8);
      await c.putObject(bucket, `c${size}`, data, undefined, { sse: key, partSize: 5 * MiB });
      const res = await c.getObject(bucket, `c${size}`, { extraHeaders: key.headers() });
      equal(hex(await res.bytes()), hex(data));
      await rejects(
        c.statObject(bucket, `c${size}`),
        s3Error("BadRequest", 400),
        "no key, no read",
      );
      await c.putObject(bucket, `s3-${size}`, data, undefined, {
        sse: new SseS3(),
        partSize: 5 * MiB,
      });
      equal(
        (await c.statObject(bucket, `s3-${size}`)).headers.get("x-amz-server-side-encryption"),
        "AES256",
      );
      await c.putObject(bucket, `kms-${size}`, data, undefined, {
        sse: new SseKMS(env("MINIO_TEST_KMS_KEY"), { purpose: "test" }),
        partSize: 5 * MiB,
      });
      equal(
        (await c.statObject(bucket, `kms-${size}`)).headers.get("x-amz-server-side-encryption"),
        "aws:kms",
      );
    }
  });
});

test("[http] SSE-C and SSE-KMS are refused without TLS, before the network", async () => {
  const c = targets[0].client();
  const { SseCustomerKey, SseKMS } = await import("../../mod.ts");
  await rejects(
    c.putObject("any-bucket", "x", "x", undefined, { sse: new SseCustomerKey(bytesOf(32)) }),
    /SSE-C requires a TLS connection/,
  );
  await rejects(c.putObject("any-bucket", "x", "x", undefined, { sse: new SseKMS("k") }), /TLS/);
});

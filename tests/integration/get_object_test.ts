// Downloads against the real MinIO: SSE-C, header overrides, progress,
// getPartialObject, files, retention and legal hold in statObject, and SSE-C
// interop with mc in both directions.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { GOVERNANCE, Retention, SseCustomerKey } from "../../mod.ts";
import { bytesOf, s3Error, targets, uniqueBucket, withBucket } from "./testbed.ts";
import { mc, tempDir } from "./mc.ts";
import { removeLockedBucket } from "./locked_bucket.ts";

const MiB = 1024 * 1024;

for (const t of targets) {
  test(`[${t.name}] getObject: header overrides, progress, getPartialObject`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const data = bytesOf(3 * MiB, 11);
      await c.putObject(bucket, "d.bin", data);
      const seen: number[] = [];
      const res = await c.getObject(bucket, "d.bin", {
        responseHeaders: {
          "response-content-type": "text/csv",
          "response-content-disposition": "attachment; filename=x.csv",
        },
        onProgress: (p) => {
          seen.push(p.loaded);
          equal(p.total, data.length);
        },
      });
      equal(res.headers.get("content-type"), "text/csv");
      equal(res.headers.get("content-disposition"), "attachment; filename=x.csv");
      deepEqual(await res.bytes(), data);
      equal(seen.at(-1), data.length);
      const part = await c.getPartialObject(bucket, "d.bin", MiB, 10);
      deepEqual(await part.bytes(), data.slice(MiB, MiB + 10));
      const tail = await c.getPartialObject(bucket, "d.bin", 3 * MiB - 5);
      deepEqual(await tail.bytes(), data.slice(3 * MiB - 5));
    });
  });

  test(`[${t.name}] getObject: AbortSignal stops a download mid-body`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "big.bin", bytesOf(8 * MiB));
      const ac = new AbortController();
      const res = await c.getObject(bucket, "big.bin", { signal: ac.signal });
      const reader = res.body.getReader();
      await reader.read();
      ac.abort(new Error("enough"));
      await rejects(
        (async () => {
          for (;;) if ((await reader.read()).done) break;
        })(),
        /enough/,
      );
    });
  });

  test(`[${t.name}] getObject of an object stored with Content-Encoding gzip: decoded on every runtime`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const text = "stored gzipped, read decoded ".repeat(500);
      const packed = new Uint8Array(
        await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("gzip")))
          .arrayBuffer(),
      );
      await c.putObject(bucket, "page.html", packed, undefined, {
        metadata: { "Content-Encoding": "gzip" },
      });
      const stat = await c.statObject(bucket, "page.html");
      deepEqual([stat.size, stat.headers.get("content-encoding")], [packed.length, "gzip"]);
      // As fetch decodes it on Deno and Bun, so does the SDK's node:http transport on Node.
      const res = await c.getObject(bucket, "page.html");
      equal(new TextDecoder().decode(await res.bytes()), text);
      // Random bytes grow under gzip: decoded, the body is shorter than the Content-Length
      // the server sent, which is no sign of a body cut short.
      const noise = new Uint8Array(256 * 1024);
      for (let i = 0; i < noise.length; i += 65536) {
        crypto.getRandomValues(noise.subarray(i, i + 65536));
      }
      const grown = new Uint8Array(
        await new Response(new Blob([noise]).stream().pipeThrough(new CompressionStream("gzip")))
          .arrayBuffer(),
      );
      ok(grown.length > noise.length);
      await c.putObject(bucket, "noise.bin", grown, undefined, {
        metadata: { "Content-Encoding": "gzip" },
      });
      deepEqual(await (await c.getObject(bucket, "noise.bin")).bytes(), noise);
    });
  });

  test(`[${t.name}] getObject of an object stored with Content-Encoding br: decoded on every runtime`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const text = "stored as Brotli, read decoded ".repeat(500);
      const packed = new Uint8Array(brotliCompressSync(new TextEncoder().encode(text)));
      await c.putObject(bucket, "page.html", packed, undefined, {
        metadata: { "Content-Encoding": "br" },
      });
      // Deno's and Bun's fetch decode br; on Node the SDK's transport does, through node:zlib.
      const res = await c.getObject(bucket, "page.html");
      equal(res.headers.get("content-encoding"), "br");
      equal(new TextDecoder().decode(await res.bytes()), text);
    });
  });

  test(`[${t.name}] fPutObject / fGetObject round-trip a file; failed download leaves no file`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const dir = tempDir();
      const src = join(dir, "src.bin");
      const data = bytesOf(7 * MiB + 5, 21);
      writeFileSync(src, data);
      const w = await c.fPutObject(bucket, "f.bin", src, {
        partSize: 5 * MiB,
        contentType: "application/x-f",
      });
      ok(w.etag.endsWith("-2"));
      const dst = join(dir, "dst.bin");
      const st = await c.fGetObject(bucket, "f.bin", dst);
      equal(st.size, data.length);
      equal(st.contentType, "application/x-f");
      deepEqual(new Uint8Array(readFileSync(dst)), data);
      await rejects(
        c.fGetObject(bucket, "missing", join(dir, "missing.bin")),
        s3Error("NoSuchKey", 404),
      );
      equal(existsSync(join(dir, "missing.bin")), false);
      deepEqual(readdirSync(dir).sort(), ["dst.bin", "src.bin"]);
      await rejects(
        c.fPutObject(bucket, "x", join(dir, "nope")),
        (e: unknown) => (e as { code?: string }).code === "ENOENT",
      );
    });
  });

  test(`[${t.name}] statObject reports retention and legal hold`, async () => {
    const c = t.client();
    const bucket = uniqueBucket();
    await c.makeBucket(bucket, { objectLock: true });
    try {
      const until = new Date(Date.now() + 3600_000);
      until.setMilliseconds(0);
      const w = await c.putObject(bucket, "held", "x", undefined, {
        retention: new Retention(GOVERNANCE, until),
        legalHold: true,
      });
      const st = await c.statObject(bucket, "held");
      equal(st.retention?.mode, "GOVERNANCE");
      equal(st.retention?.retainUntilDate.getTime(), until.getTime());
      equal(st.legalHold, true);
      await rejects(
        c.removeObject(bucket, "held", { versionId: w.versionId }),
        s3Error("InvalidRequest", 400),
        "legal hold blocks deletion",
      );
      await c.putObject(bucket, "held", "y"); // a new version, to keep the test honest about versions
      equal(await c.isObjectLegalHoldEnabled(bucket, "held", { versionId: w.versionId }), true);
    } finally {
      // Lift the hold, then bypass governance to remove every version and the bucket.
      await removeLockedBucket(c, bucket);
    }
  });
}

test("[tls] SSE-C download needs the key; wrong key refused; mc reads ours and we read mc's", async () => {
  const c = targets[1].client();
  await withBucket(c, async (bucket) => {
    const raw = bytesOf(32, 77);
    const key = new SseCustomerKey(raw);
    const data = bytesOf(6 * MiB + 1, 5);
    await c.putObject(bucket, "ours.bin", data, undefined, { sse: key, partSize: 5 * MiB });
    deepEqual(await (await c.getObject(bucket, "ours.bin", { ssec: key })).bytes(), data);
    equal((await c.statObject(bucket, "ours.bin", { ssec: key })).size, data.length);
    await rejects(
      c.getObject(bucket, "ours.bin"),
      s3Error("InvalidRequest", 400),
    );
    await rejects(
      c.getObject(bucket, "ours.bin", { ssec: new SseCustomerKey(bytesOf(32, 78)) }),
      s3Error("AccessDenied", 403),
    );

    const b64 = btoa(String.fromCharCode(...raw)).replace(/=+$/, "");
    const dir = tempDir();
    mc("cp", "--enc-c", `tls/${bucket}/=${b64}`, `tls/${bucket}/ours.bin`, join(dir, "by-mc.bin"));
    deepEqual(new Uint8Array(readFileSync(join(dir, "by-mc.bin"))), data);

    const theirs = bytesOf(100_000, 9);
    writeFileSync(join(dir, "theirs.bin"), theirs);
    mc(
      "cp",
      "--enc-c",
      `tls/${bucket}/=${b64}`,
      join(dir, "theirs.bin"),
      `tls/${bucket}/theirs.bin`,
    );
    deepEqual(await (await c.getObject(bucket, "theirs.bin", { ssec: key })).bytes(), theirs);
  });
});

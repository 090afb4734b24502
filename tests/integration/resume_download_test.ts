// Downloads from the real MinIO whose first response body breaks part-way
// (a fetch wrapper errors the stream after N bytes, as a dropped connection
// does): getObject and fGetObject resume from byte N with If-Match on the
// ETag and deliver the object byte-exact; an object overwritten between the
// break and the resume ends the download with a DownloadInterruptedError
// (MinIO answers the If-Match with 412), never with two versions spliced.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DownloadInterruptedError, S3Error, ServerError } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";
import { tempDir } from "./mc.ts";
import { clientWithFetch, cuttingFetch, type Forwarded } from "./wrapped_fetch.ts";

const MiB = 1024 * 1024;
const CUT = MiB + 17;

/** Whether a forwarded request is a GET of `name` (not the region lookup). */
const isGetOf = (name: string) => (r: Forwarded) =>
  r.method === "GET" && new URL(r.url).pathname.endsWith("/" + name);

/** A fetch that breaks the first GET of `name` after CUT bytes. */
function cutFirstGet(name: string, before?: (req: Forwarded) => Promise<void>) {
  let gets = 0;
  return cuttingFetch(
    (_, req) => isGetOf(name)(req) && gets++ === 0 ? CUT : undefined,
    before && (async (_, req) => {
      if (isGetOf(name)(req)) await before(req);
    }),
  );
}

for (const t of targets) {
  const tls = t.name === "tls";

  test(`[${t.name}] getObject: a body broken after N bytes resumes byte-exact (Range, If-Match)`, async () => {
    await withBucket(t.client(), async (bucket) => {
      const data = bytesOf(3 * MiB + 5, 41);
      const { etag } = await t.client().putObject(bucket, "big.bin", data);
      const { fetch, requests } = cutFirstGet("big.bin");
      const c = clientWithFetch(tls, fetch);
      deepEqual(await (await c.getObject(bucket, "big.bin")).bytes(), data);
      const gets = requests.filter(isGetOf("big.bin"));
      equal(gets.length, 2);
      equal(gets[0].headers.get("range"), null);
      equal(gets[1].headers.get("range"), `bytes=${CUT}-`);
      equal(gets[1].headers.get("if-match"), `"${etag}"`);

      // A range resumes within the range.
      const ranged = cutFirstGet("big.bin");
      const part = await clientWithFetch(tls, ranged.fetch).getObject(bucket, "big.bin", {
        offset: 10,
        length: 2 * MiB,
      });
      deepEqual(await part.bytes(), data.slice(10, 10 + 2 * MiB));
      deepEqual(ranged.requests.filter(isGetOf("big.bin")).map((r) => r.headers.get("range")), [
        `bytes=10-${10 + 2 * MiB - 1}`,
        `bytes=${10 + CUT}-${10 + 2 * MiB - 1}`,
      ]);
    });
  });

  test(`[${t.name}] fGetObject: a body broken after N bytes resumes; the file is byte-exact`, async () => {
    await withBucket(t.client(), async (bucket) => {
      const data = bytesOf(2 * MiB + 3, 43);
      await t.client().putObject(bucket, "f.bin", data);
      const { fetch, requests } = cutFirstGet("f.bin");
      const dst = join(tempDir(), "f.bin");
      const stat = await clientWithFetch(tls, fetch).fGetObject(bucket, "f.bin", dst);
      equal(stat.size, data.length);
      deepEqual(new Uint8Array(readFileSync(dst)), data);
      equal(requests.filter(isGetOf("f.bin")).length, 2);
    });
  });

  test(`[${t.name}] getObject: an object overwritten before the resume is a typed error, not spliced`, async () => {
    await withBucket(t.client(), async (bucket) => {
      const old = bytesOf(2 * MiB, 45);
      await t.client().putObject(bucket, "v.bin", old);
      let gets = 0;
      const { fetch } = cutFirstGet("v.bin", async () => {
        // The second GET is the resume: the object changes just before it.
        if (gets++ === 1) await t.client().putObject(bucket, "v.bin", bytesOf(2 * MiB, 46));
      });
      const res = await clientWithFetch(tls, fetch).getObject(bucket, "v.bin");
      const reader = res.body.getReader();
      const got = new Uint8Array(old.length);
      let n = 0;
      await rejects(
        (async () => {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            got.set(value, n);
            n += value.length;
          }
        })(),
        (e: unknown) => {
          ok(e instanceof DownloadInterruptedError, `expected DownloadInterruptedError, got ${e}`);
          equal(e.bytesRead, CUT);
          equal(e.resumes, 1);
          ok(e.cause instanceof S3Error, `cause ${e.cause}`);
          equal(e.cause.code, "PreconditionFailed");
          equal(e.cause.status, 412);
          return true;
        },
      );
      equal(gets, 2);
      equal(n, CUT);
      deepEqual(got.subarray(0, n), old.subarray(0, CUT));
    });
  });

  test(`[${t.name}] getObject: with resuming off, a broken body is a DownloadInterruptedError`, async () => {
    await withBucket(t.client(), async (bucket) => {
      await t.client().putObject(bucket, "o.bin", bytesOf(2 * MiB, 47));
      const { fetch } = cutFirstGet("o.bin");
      const res = await clientWithFetch(tls, fetch).getObject(bucket, "o.bin", { maxResumes: 0 });
      await rejects(res.bytes(), (e: unknown) => {
        ok(e instanceof DownloadInterruptedError, `expected DownloadInterruptedError, got ${e}`);
        // The cut, typed by the body: a ServerError of status 0 with the runtime's error as cause.
        ok(e.cause instanceof ServerError && e.cause.status === 0, `cause ${e.cause}`);
        ok((e.cause as Error).cause instanceof TypeError);
        equal(e.bytesRead, CUT);
        return true;
      });
    });
  });
}

// Fault injection: the SDK against the test bed's HTTP MinIO through
// Toxiproxy (scripts/testbed_toxiproxy.sh), each test on a proxy of its own.
// Under latency, bandwidth limits and sliced TCP segments, uploads from bytes,
// a Blob and a stream of unknown length and a download are byte-exact; a
// connection reset mid-upload ends in success or a typed error; a server that
// stops answering is given up on within the timeout; an abort is prompt under
// every toxic; and no test leaves an incomplete multipart upload behind.
//
// Size: the issue asks for 256 MiB objects. On a shared 2-core machine that
// takes minutes per runtime, so the normal run uses 32 MiB (several parts of
// 5 MiB, about 30 s per runtime); MINIO_TEST_FAULT_MIB=256 runs the full size.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { InvalidResponseError, type Minio, S3Error, ServerError, TimeoutError } from "../../mod.ts";
import { bytesOf, client, withBucket } from "./testbed.ts";
import { type FaultProxy, type Toxic, withProxy } from "./toxiproxy.ts";
import { poll } from "../wait.ts";

const g = globalThis as {
  Deno?: { env: { get(k: string): string | undefined } };
  process?: { env: Record<string, string | undefined> };
};
const mib = Number(
  (g.Deno ? g.Deno.env.get("MINIO_TEST_FAULT_MIB") : g.process?.env.MINIO_TEST_FAULT_MIB) ?? 32,
);
const SIZE = mib * 1024 * 1024 + 3; // not a multiple of the part size
// The runners' 120 s per test fits the default size; the full size gets its share.
const BIG = { timeoutMs: 120_000 * Math.max(1, mib / 32) };
const PART = 5 * 1024 * 1024;
const DATA = bytesOf(SIZE, 13);
const DIGEST = await sha256(DATA);

async function sha256(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** DATA as a stream of unknown length, in uneven chunks. */
function streamOf(data: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) return controller.close();
      const n = Math.min(1024 * 1024 + 4099, data.length - at);
      controller.enqueue(data.slice(at, at + n));
      at += n;
    },
  });
}

async function digestOf(c: Minio, bucket: string, name: string): Promise<string> {
  const bytes = await (await c.getObject(bucket, name)).bytes();
  equal(bytes.length, SIZE, `${name}: length`);
  return await sha256(bytes as Uint8Array<ArrayBuffer>);
}

async function incompleteUploads(c: Minio, bucket: string): Promise<string[]> {
  const names: string[] = [];
  for await (const u of c.listIncompleteUploads(bucket, { recursive: true })) names.push(u.name);
  return names;
}

/** The error is one of the SDK's typed server-side errors, not a raw runtime one. */
function typed(e: unknown): boolean {
  return e instanceof ServerError || e instanceof S3Error || e instanceof InvalidResponseError;
}

/** Runs `fn` with a bucket (made and emptied directly) and a proxy. */
function withFaults(fn: (direct: Minio, proxy: FaultProxy, bucket: string) => Promise<void>) {
  const direct = client(false);
  return withBucket(direct, (bucket) => withProxy((proxy) => fn(direct, proxy, bucket)));
}

const SLOW: [string, Toxic][] = [
  ["latency", { type: "latency", attributes: { latency: 20, jitter: 10 } }],
  ["bandwidth", { type: "bandwidth", attributes: { rate: 64 * 1024 } }],
  ["slicer", {
    type: "slicer",
    attributes: { average_size: 1500, size_variation: 1000, delay: 20 },
  }],
];

for (const [label, toxic] of SLOW) {
  test(
    `[faults] ${label}: bytes, Blob and unknown-length stream uploads and a download are byte-exact; no incomplete upload`,
    async () => {
      await withFaults(async (direct, proxy, bucket) => {
        await proxy.addBoth(toxic);
        const c = proxy.client();
        const opts = { partSize: PART };
        await c.putObject(bucket, "bytes.bin", DATA, undefined, opts);
        await c.putObject(bucket, "blob.bin", new Blob([DATA]), undefined, opts);
        await c.putObject(bucket, "stream.bin", streamOf(DATA), undefined, opts);
        equal(await digestOf(c, bucket, "bytes.bin"), DIGEST, "download through the toxic");
        await proxy.clear();
        for (const name of ["blob.bin", "stream.bin"]) {
          equal(await digestOf(direct, bucket, name), DIGEST, name);
        }
        equal((await incompleteUploads(direct, bucket)).length, 0, "incomplete uploads");
      });
    },
    BIG,
  );
}

test(
  "[faults] reset_peer mid-upload: the upload completes byte-exact or fails typed; no incomplete upload",
  async () => {
    await withFaults(async (direct, proxy, bucket) => {
      const c = proxy.client();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let reset: Promise<void> | undefined;
      const onProgress = ({ loaded }: { loaded: number }) => {
        if (reset || loaded < 2 * PART) return;
        // The network resets every connection for 300 ms once two parts' worth is sent.
        reset = proxy.add("upstream", { type: "reset_peer", attributes: { timeout: 0 } }).then(() =>
          new Promise<void>((r) => {
            timer = setTimeout(() => proxy.remove("reset_peer-upstream").then(r), 1000);
          })
        );
      };
      const outcome = await c.putObject(bucket, "reset.bin", DATA, undefined, {
        partSize: PART,
        onProgress,
      }).then(() => undefined, (e: unknown) => e);
      ok(reset, "the reset happened during the upload");
      await reset;
      clearTimeout(timer);
      if (outcome === undefined) {
        equal(await digestOf(direct, bucket, "reset.bin"), DIGEST, "the object reported written");
      } else {
        ok(typed(outcome), `a typed error, got ${outcome}`);
        const stat = await direct.statObject(bucket, "reset.bin").then(() => "there", (e) => e);
        ok(stat instanceof S3Error && stat.code === "NoSuchKey", `a failed upload left ${stat}`);
      }
      equal((await incompleteUploads(direct, bucket)).length, 0, "incomplete uploads");
    });
  },
  BIG,
);

test("[faults] reset_peer on a single PUT: completes byte-exact or fails typed", async () => {
  await withFaults(async (direct, proxy, bucket) => {
    const small = DATA.subarray(0, 1024 * 1024);
    await proxy.add("upstream", { type: "reset_peer", attributes: { timeout: 0 } });
    const c = proxy.client();
    const pending = c.putObject(bucket, "small.bin", small).then(
      () => undefined,
      (e: unknown) => e,
    );
    const timer = setTimeout(() => proxy.remove("reset_peer-upstream"), 1000);
    const outcome = await pending;
    clearTimeout(timer);
    await proxy.clear();
    if (outcome === undefined) {
      equal(
        await sha256(
          (await (await direct.getObject(bucket, "small.bin")).bytes()) as Uint8Array<ArrayBuffer>,
        ),
        await sha256(small),
      );
    } else {
      ok(typed(outcome), `a typed error, got ${outcome}`);
    }
  });
});

test("[faults] a server that stops answering is given up on after headersTimeoutMs", async () => {
  await withFaults(async (_direct, proxy, bucket) => {
    // Requests reach MinIO; its answers never come back. No signal: the
    // client's own deadline is what ends each call, after one retry.
    await proxy.add("downstream", { type: "timeout", attributes: { timeout: 0 } });
    const c = proxy.client({ headersTimeoutMs: 1000, maxRetries: 1, retryDelayMs: 100 });
    const calls: [string, () => Promise<unknown>][] = [
      ["putObject", () => c.putObject(bucket, "tiny.txt", "tiny")],
      ["statObject", () => c.statObject(bucket, "tiny.txt")],
      ["getObject", () => c.getObject(bucket, "tiny.txt").then((r) => r.text())],
      ["listObjects", async () => {
        for await (const _ of c.listObjects(bucket)) { /* no answer comes */ }
      }],
    ];
    for (const [name, call] of calls) {
      const started = Date.now();
      const e = await call().then(() => undefined, (e: unknown) => e);
      ok(
        e instanceof TimeoutError && e.timeout === "headers" && e.timeoutMs === 1000,
        `${name}: a headers TimeoutError, got ${e}`,
      );
      // A generous bound that only detects a hang (two attempts of 1 s each).
      ok(Date.now() - started < 15_000, `${name} settled after ${Date.now() - started} ms`);
    }
    await proxy.clear();
  });
});

test("[faults] a download whose body stops mid-way is given up on after bodyTimeoutMs", async () => {
  await withFaults(async (direct, proxy, bucket) => {
    await direct.putObject(bucket, "stalls.bin", DATA.subarray(0, 1024 * 1024));
    // The answer's first 2 KiB (headers and the start of the body), then
    // nothing for 5 s at a time.
    await proxy.add("downstream", {
      type: "slicer",
      attributes: { average_size: 2048, size_variation: 0, delay: 5_000_000 },
    });
    const c = proxy.client({ bodyTimeoutMs: 1000, maxResumes: 0 });
    const res = await c.getObject(bucket, "stalls.bin");
    const started = Date.now();
    const e = await res.bytes().then(() => undefined, (e: unknown) => e);
    ok(
      e instanceof TimeoutError && e.timeout === "body" && e.timeoutMs === 1000,
      `a body TimeoutError, got ${e}`,
    );
    ok(Date.now() - started < 15_000, `settled after ${Date.now() - started} ms`);
    await proxy.clear();
  });
});

// Harsher than SLOW, so that nothing finishes before the abort at 300 ms.
const ABORT_UNDER: [string, Toxic][] = [
  ["latency", { type: "latency", attributes: { latency: 200 } }],
  ["bandwidth", { type: "bandwidth", attributes: { rate: 1024 } }],
  ["slicer", { type: "slicer", attributes: { average_size: 64, size_variation: 32, delay: 1000 } }],
  ["timeout", { type: "timeout", attributes: { timeout: 0 } }],
  ["reset_peer", { type: "reset_peer", attributes: { timeout: 100 } }],
];

for (const [label, toxic] of ABORT_UNDER) {
  test(
    `[faults] ${label}: aborting an upload and a download is prompt; no incomplete upload`,
    async () => {
      await withFaults(async (direct, proxy, bucket) => {
        await direct.putObject(bucket, "source.bin", DATA, undefined, { partSize: PART });
        await proxy.addBoth(toxic);
        const c = proxy.client();

        const up = new AbortController();
        const upStarted = Date.now();
        const upload = c.putObject(bucket, "aborted.bin", DATA, undefined, {
          partSize: PART,
          signal: up.signal,
        }).then(() => undefined, (e: unknown) => e);
        const upTimer = setTimeout(() => up.abort(), 300);
        const upError = await upload;
        clearTimeout(upTimer);
        ok(upError instanceof Error && upError.name === "AbortError", `upload: ${upError}`);
        ok(Date.now() - upStarted < 10_000, `upload settled after ${Date.now() - upStarted} ms`);

        // The upload's clean-up goes through the proxy: the toxics come off
        // for it, and it is waited for, before the download.
        await proxy.clear();
        await poll(
          "no incomplete upload",
          async () => (await incompleteUploads(direct, bucket)).length === 0 || undefined,
        );

        // The toxics go back on for the download and stay on: when an abort
        // closes a connection mid-answer under a toxic, Toxiproxy 2.12 can no
        // longer remove that toxic (its API answers 503; seen with the slicer
        // under workerd, whose clients share one connection pool). The proxy
        // is deleted at the end, which it still does. A client of its own, so
        // that Node, Deno and Bun do not reuse the upload's connection.
        await proxy.addBoth(toxic);
        const down = new AbortController();
        const downTimer = setTimeout(() => down.abort(), 300);
        const downStarted = Date.now();
        const downError = await proxy.client().getObject(bucket, "source.bin", {
          signal: down.signal,
        })
          .then((r) => r.bytes()).then(() => undefined, (e: unknown) => e);
        clearTimeout(downTimer);
        ok(downError instanceof Error && downError.name === "AbortError", `download: ${downError}`);
        ok(
          Date.now() - downStarted < 10_000,
          `download settled after ${Date.now() - downStarted} ms`,
        );
      });
    },
    BIG,
  );
}

// The create of a multipart upload has reached the server, which made the
// upload, but its answer is still on the way when the caller aborts: the
// caller gets the AbortError once the answer naming the upload has come (within
// CREATE_ABORT_GRACE_MS) and the upload is aborted; it used to stay behind,
// its id unknown.
test("[faults] an abort while CreateMultipartUpload's answer is delayed leaves no upload", async () => {
  await withFaults(async (direct, proxy, bucket) => {
    await proxy.add("downstream", { type: "latency", attributes: { latency: 500 } });
    const c = proxy.client();
    const up = new AbortController();
    const upload = c.putObject(bucket, "aborted.bin", DATA, undefined, {
      partSize: PART,
      signal: up.signal,
    }).then(() => undefined, (e: unknown) => e);
    // The upload exists on the server before the client could know its id.
    await poll(
      "the upload made on the server",
      async () => (await incompleteUploads(direct, bucket)).length === 1 || undefined,
    );
    up.abort();
    const e = await upload;
    ok(e instanceof Error && e.name === "AbortError", `an AbortError, got ${e}`);
    // Aborted before the call settled: nothing left to wait for.
    deepEqual(await incompleteUploads(direct, bucket), []);
    await proxy.clear();
  });
});

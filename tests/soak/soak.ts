/**
 * Soak: mixed operations, 64 in flight, for SOAK_SECONDS (default 600)
 * through a Toxiproxy proxy whose toxic changes every
 * few seconds (latency, bandwidth, slicer, reset_peer, timeout, or none).
 * Operations may fail while a toxic is on; what must hold:
 *
 * - every failure is one of the SDK's typed errors (no raw TypeError, no
 *   unhandled rejection);
 * - every write the SDK reported as done reads back byte-exact at the end;
 * - no incomplete multipart upload is left on the server;
 * - memory does not grow after warm-up: live memory (the JS heap in use
 *   plus the buffers outside it, `heapUsed + external`), sampled 24 times
 *   over the run, has its floor over the last third within 64 MiB of its
 *   peak over the first quarter, the warm-up. A leak raises the floor; a
 *   burst of large transfers (up to 64 objects of 6 MiB in flight while a
 *   toxic slows them) raises only a few samples. RSS is sampled and printed
 *   beside it, not checked: it keeps the high-water mark of the allocator's
 *   arenas (in a 120 s run, Deno's RSS stepped from 382 to 540 MiB after a
 *   burst with a live peak of 191 MiB and stayed there; in another, with
 *   MALLOC_ARENA_MAX=2, it rose to 410 and went back to 212). The bound
 *   catches a leak; it does not time anything.
 *
 * It prints ops/s, failures by error class, the requests sent (retries
 * included) and the memory curves, the multipart requests of any upload
 * left incomplete, and ends with "soak: N passed, N failed". SOAK_TRACE=1
 * also prints each toxic as it starts.
 * Runs on Deno, Bun and Node (through tsx) with the test bed and Toxiproxy
 * started (scripts/testbed.sh, scripts/testbed_toxiproxy.sh):
 *
 *   SOAK_SECONDS=600 node --import tsx tests/soak/soak.ts
 *
 * @module
 */

import process from "node:process";
import {
  DownloadInterruptedError,
  InvalidResponseError,
  Minio,
  S3Error,
  ServerError,
} from "../../mod.ts";
import { bytesOf, client as directClient, env, uniqueBucket } from "../integration/testbed.ts";
import { FaultProxy, type Toxic } from "../integration/toxiproxy.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const IN_FLIGHT = 64;
const KiB = 1024, MiB = 1024 * KiB;
// Memory samples: 24 over the run whatever its length (every 25 s in 600 s,
// every 1.7 s in CI's 40 s), so that the leak check always has a warm-up
// and a last third to compare; the first quarter is the warm-up.
const SAMPLES = 24;
const SAMPLE_MS = Math.max(1000, Math.floor((SECONDS * 1000) / SAMPLES));
const WARM_UP_SAMPLES = SAMPLES / 4;

let passed = 0, failed = 0;
function check(ok: boolean, what: string): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
}

let unhandled = 0;
const onUnhandled = (e: unknown) => {
  unhandled++;
  console.log("unhandled rejection:", e);
};
process.on("unhandledRejection", onUnhandled);

async function digest(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/** One toxic at a time, changed every 2-5 s; `undefined` is a clean spell. */
const TOXICS: (Toxic | undefined)[] = [
  undefined,
  { type: "latency", attributes: { latency: 50, jitter: 40 } },
  { type: "bandwidth", attributes: { rate: 2048 } },
  { type: "slicer", attributes: { average_size: 512, size_variation: 256, delay: 200 } },
  { type: "reset_peer", attributes: { timeout: 1500 } },
  { type: "timeout", attributes: { timeout: 1000 } },
];

async function chaos(proxy: FaultProxy, until: number, log: Map<string, number>): Promise<void> {
  while (Date.now() < until) {
    await proxy.clear();
    const toxic = pick(TOXICS);
    const name = toxic ? toxic.type : "none";
    log.set(name, (log.get(name) ?? 0) + 1);
    const stream = pick(["upstream", "downstream"] as const);
    if (toxic) await proxy.add(stream, toxic);
    if (process.env.SOAK_TRACE) {
      console.log(`${((Date.now() - until) / 1000 + SECONDS).toFixed(1)} s: ${name} ${stream}`);
    }
    await new Promise((r) => setTimeout(r, 2000 + Math.random() * 3000));
  }
  await proxy.clear();
}

/** The error's class name when it is one the SDK documents; otherwise undefined. */
function typedName(e: unknown): string | undefined {
  for (const c of [DownloadInterruptedError, S3Error, InvalidResponseError, ServerError]) {
    if (e instanceof c) return (e as Error).constructor.name;
  }
  return undefined;
}

async function main(): Promise<void> {
  const proxy = await FaultProxy.create();
  let requests = 0;
  const client = new Minio({
    endPoint: proxy.host,
    port: proxy.port,
    useSSL: false,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    region: "us-east-1",
    headersTimeoutMs: 10_000,
    bodyTimeoutMs: 10_000,
    fetch: (input, init) => {
      requests++;
      return fetch(input, init);
    },
  });
  // Each multipart request, by object name: printed for an upload left
  // incomplete at the end, so that a failure says how it came about.
  const multipartTrace = new Map<string, string[]>();
  client.traceOn((e) => {
    const url = new URL(e.url);
    if (!url.searchParams.has("uploads") && !url.searchParams.has("uploadId")) return;
    const name = decodeURIComponent(url.pathname.slice(`/${bucket}/`.length));
    const query = [...url.searchParams.keys()].join("&");
    const upload = url.searchParams.get("uploadId")?.slice(0, 12) ?? "";
    const line = `${
      ((Date.now() - started) / 1000).toFixed(1)
    } s ${e.method} ?${query} ${upload} -> ${e.status ?? e.error}`;
    multipartTrace.set(name, [...(multipartTrace.get(name) ?? []), line]);
  });
  const direct = directClient(false);
  const bucket = uniqueBucket("soak");
  await direct.makeBucket(bucket);

  const confirmed = new Map<string, string>(); // name -> sha-256 of what was written
  const uncertain = new Set<string>(); // a write that failed: the server may hold either version
  const failures = new Map<string, number>();
  const ops = new Map<string, number>();
  const untyped: unknown[] = [];
  let counter = 0;

  const started = Date.now();
  const until = started + SECONDS * 1000;
  const toxics = new Map<string, number>();
  const chaosDone = chaos(proxy, until, toxics);

  const rss: number[] = [], heap: number[] = [], external: number[] = [];
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss.push(m.rss);
    heap.push(m.heapUsed);
    external.push(m.external);
  }, SAMPLE_MS);

  async function one(): Promise<void> {
    const r = Math.random();
    const names = [...confirmed.keys()];
    let op: string;
    try {
      if (r < 0.35 || names.length < 8) {
        op = "put";
        const name = `o/${++counter}`;
        const size = Math.random() < 0.02 ? 6 * MiB + 123 : Math.floor(Math.random() * 256 * KiB);
        const body = bytesOf(size, counter);
        uncertain.add(name);
        await client.putObject(bucket, name, body, undefined, { partSize: 5 * MiB });
        confirmed.set(name, await digest(body));
        uncertain.delete(name);
      } else if (r < 0.7) {
        op = "get";
        const name = pick(names);
        const want = confirmed.get(name);
        const got = await (await client.getObject(bucket, name)).bytes();
        // A name removed meanwhile is no longer in `confirmed`; skip the comparison then.
        if (want !== undefined && confirmed.has(name) && (await digest(got)) !== want) {
          untyped.push(new Error(`${name}: read back different bytes`));
        }
      } else if (r < 0.82) {
        op = "stat";
        await client.statObject(bucket, pick(names));
      } else if (r < 0.92) {
        op = "list";
        let n = 0;
        for await (const _ of client.listObjects(bucket, { prefix: "o/", recursive: true })) {
          if (++n >= 200) break;
        }
      } else {
        op = "remove";
        const name = pick(names);
        confirmed.delete(name);
        uncertain.add(name);
        await client.removeObject(bucket, name);
        uncertain.delete(name);
      }
      ops.set(op, (ops.get(op) ?? 0) + 1);
    } catch (e) {
      const name = typedName(e);
      if (!name) untyped.push(e);
      const key = `${name ?? "untyped"}${e instanceof S3Error ? ` ${e.code}` : ""}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }

  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (Date.now() < until) await one();
  }));
  await chaosDone;
  clearInterval(sampler);
  const elapsed = (Date.now() - started) / 1000;
  const total = [...ops.values()].reduce((a, b) => a + b, 0);

  console.log(`soak: ${SECONDS} s, ${IN_FLIGHT} in flight, ${elapsed.toFixed(0)} s elapsed`);
  console.log(
    `operations done: ${total} (${(total / elapsed).toFixed(1)}/s)`,
    Object.fromEntries(ops),
  );
  console.log("failures by error:", Object.fromEntries(failures));
  console.log(`requests sent (retries and resumes included): ${requests}`);
  console.log("toxic spells:", Object.fromEntries(toxics));
  console.log(
    `RSS MiB every ${SAMPLE_MS / 1000} s:`,
    rss.map((b) => Math.round(b / MiB)).join(" "),
  );
  console.log("JS heap used MiB:", heap.map((b) => Math.round(b / MiB)).join(" "));
  console.log("external MiB:", external.map((b) => Math.round(b / MiB)).join(" "));

  check(untyped.length === 0, `every failure typed, every read byte-exact (${untyped.length} not)`);
  for (const e of untyped.slice(0, 5)) console.log("  ", e);
  check(unhandled === 0, `no unhandled rejection (${unhandled})`);
  check(total > 0, "operations completed");
  // Fewer samples than a warm-up and a last third apart is a failure too.
  const live = heap.map((h, i) => h + external[i]);
  const warmPeak = Math.max(...live.slice(0, WARM_UP_SAMPLES));
  const lastFloor = Math.min(
    ...live.slice(Math.max(WARM_UP_SAMPLES, Math.floor(live.length * 2 / 3))),
  );
  check(
    live.length >= WARM_UP_SAMPLES * 2 && lastFloor <= warmPeak + 64 * MiB,
    `live memory after warm-up (${live.length} samples): floor ${
      Math.round(lastFloor / MiB)
    } MiB over the last third, warm-up peak ${Math.round(warmPeak / MiB)} MiB`,
  );

  let incomplete = 0;
  for await (const u of direct.listIncompleteUploads(bucket, { recursive: true })) {
    incomplete++;
    console.log("incomplete upload:", u.name, u.uploadId, u.initiated?.toISOString());
    for (const line of multipartTrace.get(u.name) ?? []) console.log("   ", line);
  }
  check(incomplete === 0, `no incomplete upload left (${incomplete})`);

  let wrong = 0;
  for (const [name, want] of confirmed) {
    if (uncertain.has(name)) continue;
    const got = await (await direct.getObject(bucket, name)).bytes();
    if ((await digest(got)) !== want) wrong++;
  }
  check(wrong === 0, `${confirmed.size} objects written read back byte-exact (${wrong} differ)`);

  const left: string[] = [];
  for await (const o of direct.listObjects(bucket, { recursive: true })) left.push(o.name);
  for await (const e of direct.removeObjects(bucket, left)) console.log("not removed:", e);
  await direct.removeBucket(bucket);
  await proxy.close();
}

try {
  await main();
} catch (e) {
  check(false, `soak ran to the end: ${e}`);
}
process.off("unhandledRejection", onUnhandled);
console.log(`soak: ${passed} passed, ${failed} failed`);
if (failed) process.exitCode = 1;

/**
 * This SDK against aws4fetch inside workerd (the Cloudflare Workers
 * runtime), in the same Worker, against the test bed's MinIO over HTTP on
 * loopback: presigned GET URLs per second, 4 KiB objects (PUT then GET, 64
 * in flight) per second, and one 64 MiB object uploaded from a stream in 5
 * MiB parts (the SDK's part size on Workers, 4 parts in flight; aws4fetch
 * has no multipart upload, so the Worker drives one the same way with it).
 *
 *   bash scripts/testbed.sh start && source .testbed/env
 *   node bench/workerd.mjs [--rounds 5] [--objects 1000] [--mib 64]
 *
 * The SDK is the npm package's workerd bundle, built as
 * tests/edge/workerd_smoke.mjs builds it, and aws4fetch its ES module; the
 * Worker is bench/workerd_worker.mjs. Each measurement is one request to the
 * Worker, timed here from request to answer (inside a Worker the clock only
 * moves on I/O). Presigning runs about a second per round, sized from a
 * warm-up of each client. Rounds rotate the order of the two clients; a row
 * is the median round. For the upload, workerd's peak RSS is reset before
 * (`/proc/PID/clear_refs`) and read after (`VmHWM`): the table shows how far
 * it rose above the RSS before the upload (what the upload held at most,
 * buffers and the engine's heap growth). The CPU time workerd's process
 * spent on each measurement (`/proc/PID/stat`, 10 ms ticks) is reported per
 * unit of work: steadier than the rates on a machine shared with other jobs. The Worker makes its
 * own bucket and removes it with everything in it at the end.
 *
 * @module
 */

import { rmSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import {
  buildWorkerdBundle,
  capnpText,
  ROOT,
  startWorkerd,
  stopWorkerd,
  testbedEnv,
  workerdConfig,
} from "../tests/edge/workerd_process.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const ROUNDS = arg("--rounds", 5);
const OBJECTS = arg("--objects", 1000);
const MIB = arg("--mib", 64);
const IN_FLIGHT = 64;
const PRESIGN_ROUND_MS = 1000;
// Fixed, so it is never in the future and never newer than the workerd build.
const COMPATIBILITY_DATE = "2025-01-01";
// The slowest request (aws4fetch's uploads, or 1,000 small objects) takes seconds.
const REQUEST_TIMEOUT_MS = 300_000;
const CLIENTS = ["ours", "aws4fetch"];

/** What must not outlive this process: workerd and the temp folder. */
const live = { child: undefined, dir: undefined };
process.on("exit", () => {
  if (live.child && live.child.exitCode === null && live.child.signalCode === null) {
    live.child.kill("SIGKILL");
  }
  if (live.dir) rmSync(live.dir, { recursive: true, force: true });
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString("en-US");

async function version(pkg) {
  return JSON.parse(await readFile(join(ROOT, "node_modules", pkg, "package.json"), "utf8"))
    .version;
}

/** One request to the Worker: its JSON answer and how long it took in seconds. */
async function call(port, path, params = {}) {
  const url = new URL(`http://127.0.0.1:${port}${path}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  const t0 = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await res.text();
  const seconds = (performance.now() - t0) / 1000;
  if (!res.ok) throw new Error(`${path} ${url.searchParams}: HTTP ${res.status} ${text}`);
  return { out: JSON.parse(text), seconds };
}

/** workerd's RSS (`VmRSS`) or peak RSS since the last {@link resetPeak} (`VmHWM`), in MiB. */
async function memMiB(pid, field) {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1];
  return kib ? Number(kib) / 1024 : NaN;
}
/** workerd's CPU time (user + system) so far, in seconds (NaN where there is no /proc). */
async function cpuSeconds(pid) {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // Fields 14 and 15 (utime, stime) in clock ticks, 100 a second on Linux.
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return f.length > 13 ? (Number(f[11]) + Number(f[12])) / 100 : NaN;
}
const resetPeak = (pid) => writeFile(`/proc/${pid}/clear_refs`, "5").catch(() => {});

async function main() {
  const onSignal = async (signal) => {
    await stopWorkerd(live.child);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const env = await testbedEnv();
  const dir = live.dir = await mkdtemp(join(tmpdir(), "minio-edge-workerd-bench-"));
  const files = await buildWorkerdBundle(dir);
  await copyFile(join(ROOT, "bench/workerd_worker.mjs"), join(dir, "workerd_worker.mjs"));
  await copyFile(
    join(ROOT, "node_modules/aws4fetch/dist/aws4fetch.esm.mjs"),
    join(dir, "aws4fetch.mjs"),
  );
  const bindings = {
    endpoint: `http://${env.MINIO_TEST_HOST || "127.0.0.1"}:${env.MINIO_TEST_PORT}`,
    accessKey: env.MINIO_TEST_ACCESS_KEY,
    secretKey: env.MINIO_TEST_SECRET_KEY,
    bucket: `bench-workerd-${Date.now().toString(36)}`,
  };
  const config = workerdConfig({
    modules: [
      `(name = "bench/workerd_worker.mjs", esModule = embed "workerd_worker.mjs")`,
      `(name = "bench/aws4fetch", esModule = embed "aws4fetch.mjs")`,
      ...files.map(({ file, name }) =>
        `(name = ${capnpText(name)}, ${file.endsWith(".wasm") ? "wasm" : "esModule"} = embed ${
          capnpText(file)
        })`
      ),
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    bindingName: "MINIO",
    bindings,
  });
  await writeFile(join(dir, "config.capnp"), config);
  let started;
  try {
    started = await startWorkerd(dir, "http", (child) => live.child = child);
  } catch (e) {
    console.log(`${e.message}\n--- workerd output ---\n${e.output?.text.trimEnd() ?? ""}`);
    process.exitCode = 1;
    return;
  }
  // workerd has read the config and every embedded file; the credentials leave the disk.
  await rm(dir, { recursive: true, force: true });
  live.dir = undefined;
  const { port, child } = started;
  const rates = { presign: {}, small: {}, upload: {}, rss: {}, rssBefore: {} };
  const cpu = { presign: {}, small: {}, upload: {} };
  /** One timed request; records workerd's CPU time per unit of work under `cpu[name]`. */
  const measured = async (name, client, path, params, units) => {
    const c0 = await cpuSeconds(child.pid);
    const r = await call(port, path, params);
    (cpu[name][client] ??= []).push((await cpuSeconds(child.pid) - c0) / units(r.out));
    return r;
  };
  try {
    await call(port, "/setup");
    // Warm-up of each client, untimed; it sizes the presign rounds.
    const presignN = {};
    for (const client of CLIENTS) {
      const { seconds } = await call(port, "/presign", { client, n: 1000 });
      presignN[client] = Math.max(1000, Math.round(1000 / seconds * PRESIGN_ROUND_MS / 1000));
      await call(port, "/small", { client, objects: IN_FLIGHT, inflight: IN_FLIGHT, round: -1 });
      await call(port, "/upload", { client, mib: MIB, round: -1 });
    }
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? [...CLIENTS].reverse() : CLIENTS;
      for (const client of order) {
        const p = await measured("presign", client, "/presign", {
          client,
          n: presignN[client],
        }, (o) => o.n / 1e6);
        (rates.presign[client] ??= []).push(p.out.n / p.seconds);
        const s = await measured("small", client, "/small", {
          client,
          objects: OBJECTS,
          inflight: IN_FLIGHT,
          round,
        }, (o) => o.operations / 1000);
        (rates.small[client] ??= []).push(s.out.operations / s.seconds);
        await resetPeak(child.pid);
        const before = await memMiB(child.pid, "VmRSS");
        const u = await measured("upload", client, "/upload", { client, mib: MIB, round }, () => 1);
        (rates.upload[client] ??= []).push(MIB / u.seconds);
        const peak = await memMiB(child.pid, "VmHWM");
        // NaN where /proc is not there (not Linux): left out of the median.
        (rates.rss[client] ??= []).push(peak - before);
        (rates.rssBefore[client] ??= []).push(before);
        console.error(
          `round ${round + 1} ${client}: presign ${fmt(p.out.n / p.seconds)}/s, ` +
            `4 KiB ${fmt(s.out.operations / s.seconds)} ops/s, ` +
            `${MIB} MiB ${(MIB / u.seconds).toFixed(1)} MiB/s in ${u.out.parts} parts`,
        );
      }
    }
  } finally {
    const t = await call(port, "/teardown").catch((e) => ({ out: { error: e.message } }));
    if (t.out.error) console.error(`teardown: ${t.out.error}`);
    await stopWorkerd(child);
  }
  const [workerd, aws4fetch] = [await version("workerd"), await version("aws4fetch")];
  console.log(
    `workerd ${workerd} (compatibility date ${COMPATIBILITY_DATE}), MinIO over HTTP on ` +
      `loopback, median of ${ROUNDS} rounds`,
  );
  console.log(`| measurement | minio-edge | aws4fetch ${aws4fetch} | ours / aws4fetch |`);
  console.log("|---|---:|---:|---:|");
  // `better`: "higher" or "lower" gives the ratio that is > 1 when ours is better.
  const row = (label, values, digits, better) => {
    const [o, a] = CLIENTS.map((c) => median(values[c].filter((v) => !Number.isNaN(v))));
    const show = (v) => (digits ? v.toFixed(digits) : fmt(v));
    const ratio = better === "higher"
      ? `${(o / a).toFixed(2)}x`
      : better
      ? `${(a / o).toFixed(2)}x`
      : "";
    console.log(`| ${label} | ${show(o)} | ${show(a)} | ${ratio} |`);
  };
  row("presigned GET URLs per s", rates.presign, 0, "higher");
  row(`4 KiB PUT then GET, ${IN_FLIGHT} in flight, ops/s`, rates.small, 0, "higher");
  row(
    `${MIB} MiB upload from a stream, 5 MiB parts, 4 in flight, MiB/s`,
    rates.upload,
    1,
    "higher",
  );
  row("workerd CPU per presigned URL, µs", cpu.presign, 1, "lower");
  row("workerd CPU per 4 KiB operation, ms", cpu.small, 2, "lower");
  row(`workerd CPU per ${MIB} MiB upload, s`, cpu.upload, 2, "lower");
  row(`workerd RSS before the upload, MiB`, rates.rssBefore, 0);
  row(`its peak RSS above that during the upload, MiB`, rates.rss, 0, "lower");
}

await main();

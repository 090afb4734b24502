/**
 * 1 GiB upload and download against the local MinIO, side by side in one
 * run: this SDK on Node, Deno and Bun, minio-js and @aws-sdk/client-s3 (with
 * lib-storage) on Node, and mc. Each transfer runs in its own process under
 * GNU time for its peak RSS. Prints throughput, the ratio to each peer and
 * peak RSS; rounds alternate clients so machine noise spreads evenly.
 *
 *   bash scripts/testbed.sh start && source .testbed/env
 *   node --import tsx bench/transfer.ts [--size-mib 1024] [--rounds 2] [--tls]
 *
 * Each row also has the client's CPU seconds per GiB (user + system, from
 * GNU time) and the server's: the CPU time the test bed's processes (their
 * pids in $TESTBED_DIR/pids, default .testbed) gained during the transfer.
 * `vs raw` is the SDK against the bare-fetch floor of the same runtime.
 * Over HTTP a second table sets the SDK's uploads against `raw-signed`, the
 * same floor signing each part's SHA-256 as the SDK does there.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { Minio } from "../mod.ts";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const SIZE_MIB = opt("--size-mib", 1024);
const ROUNDS = opt("--rounds", 2);
const TLS = argv.includes("--tls");
const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} unset: start the test bed and source .testbed/env`);
  return v;
};

const BIN = "node_modules/.bin";
const WORKER = "bench/transfer_worker.ts";
// Node runs a bundled worker, as an npm user runs the bundled package: under
// tsx the TypeScript loader alone adds ~40 MiB of RSS to every Node client.
// It stays inside the repository so its bare imports resolve from node_modules.
const NODE_WORKER = "bench/.out/transfer_worker.mjs";
execFileSync(`${BIN}/esbuild`, [
  WORKER,
  "--bundle",
  "--format=esm",
  "--platform=node",
  "--packages=external",
  `--outfile=${NODE_WORKER}`,
  "--log-level=warning",
]);
type Runner = {
  name: string;
  cmd: (op: string, obj: string, file: string) => string[];
  /** Extra environment of the worker. */
  env?: Record<string, string>;
  /** Uploads only (a variant whose download is the same as another row's). */
  uploadOnly?: boolean;
};
// Over plain HTTP the SDK signs each part's SHA-256, as mc, minio-js,
// minio-py and botocore do there; the presigned floor sends UNSIGNED-PAYLOAD.
// This floor signs as the SDK does (bench/transfer_worker.ts, `raw-signed`).
const rawSigned: Runner[] = TLS ? [] : [
  {
    name: "raw-signed/node",
    cmd: (op, obj, file) => ["node", NODE_WORKER, "raw-signed", op, bucket, obj, file],
    uploadOnly: true,
  },
  {
    name: "raw-signed/deno",
    cmd: (
      op,
      obj,
      file,
    ) => [`${BIN}/deno`, "run", "-A", WORKER, "raw-signed", op, bucket, obj, file],
    uploadOnly: true,
  },
  {
    name: "raw-signed/bun",
    cmd: (op, obj, file) => [`${BIN}/bun`, WORKER, "raw-signed", op, bucket, obj, file],
    uploadOnly: true,
  },
];
const runners: Runner[] = [
  {
    name: "edge/node",
    cmd: (op, obj, file) => ["node", NODE_WORKER, "edge", op, bucket, obj, file],
  },
  {
    name: "edge/deno",
    cmd: (op, obj, file) => [`${BIN}/deno`, "run", "-A", WORKER, "edge", op, bucket, obj, file],
  },
  {
    name: "edge/bun",
    cmd: (op, obj, file) => [`${BIN}/bun`, WORKER, "edge", op, bucket, obj, file],
  },
  // The runtime's floor: bare fetch of presigned URLs at the same part size
  // and concurrency (bench/transfer_worker.ts, `raw`).
  {
    name: "raw/node",
    cmd: (op, obj, file) => ["node", NODE_WORKER, "raw", op, bucket, obj, file],
  },
  {
    name: "raw/deno",
    cmd: (op, obj, file) => [`${BIN}/deno`, "run", "-A", WORKER, "raw", op, bucket, obj, file],
  },
  {
    name: "raw/bun",
    cmd: (op, obj, file) => [`${BIN}/bun`, WORKER, "raw", op, bucket, obj, file],
  },
  ...rawSigned,
  {
    name: "Bun.S3Client",
    cmd: (op, obj, file) => [`${BIN}/bun`, WORKER, "bun-s3", op, bucket, obj, file],
  },
  {
    name: "minio-js/node",
    cmd: (op, obj, file) => ["node", NODE_WORKER, "minio-js", op, bucket, obj, file],
  },
  {
    name: "aws-sdk/node",
    cmd: (op, obj, file) => ["node", NODE_WORKER, "aws-sdk", op, bucket, obj, file],
  },
  {
    name: "mc",
    cmd: (op, obj, file) =>
      op === "upload"
        ? [env("MINIO_TEST_MC"), "--config-dir", mcDir, "--quiet", "cp", file, `t/${bucket}/${obj}`]
        : [
          "sh",
          "-c",
          `"${env("MINIO_TEST_MC")}" --config-dir "${mcDir}" cat "t/${bucket}/${obj}" > /dev/null`,
        ],
  },
];

const dir = join(tmpdir(), "minio-edge-bench");
mkdirSync(dir, { recursive: true });
const file = join(dir, `data-${SIZE_MIB}m.bin`);
if (!existsSync(file) || statSync(file).size !== SIZE_MIB * 1024 * 1024) {
  execFileSync("sh", ["-c", `head -c ${SIZE_MIB * 1024 * 1024} /dev/urandom > "${file}"`]);
}
const mcDir = join(dir, "mc");
mkdirSync(join(mcDir, "certs", "CAs"), { recursive: true });
writeFileSync(
  join(mcDir, "certs", "CAs", "testbed.crt"),
  execFileSync("cat", [env("MINIO_TEST_CA")]),
);
const port = env(TLS ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT");
execFileSync(env("MINIO_TEST_MC"), [
  "--config-dir",
  mcDir,
  "alias",
  "set",
  "t",
  `${TLS ? "https" : "http"}://127.0.0.1:${port}`,
  env("MINIO_TEST_ACCESS_KEY"),
  env("MINIO_TEST_SECRET_KEY"),
], { stdio: "ignore" });

const admin = new Minio({
  endPoint: "127.0.0.1",
  port: Number(port),
  useSSL: TLS,
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
});
const bucket = `bench-${Date.now().toString(36)}`;
await admin.makeBucket(bucket);

interface Sample {
  mibps: number;
  rssMib: number;
  /** CPU seconds per GiB of the client, and of the server (NaN if unknown). */
  clientCpu: number;
  serverCpu: number;
}

const pidsFile = join(process.env.TESTBED_DIR ?? ".testbed", "pids");
/** CPU seconds the test bed's processes have used so far (NaN if unreadable). */
function serverCpuSeconds(): number {
  try {
    let ticks = 0;
    for (const pid of readFileSync(pidsFile, "utf8").split(/\s+/).filter(Boolean)) {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return ticks / 100; // USER_HZ
  } catch {
    return NaN;
  }
}
const results = new Map<string, Sample[]>();

function timed(
  name: string,
  op: string,
  cmd: string[],
  extra: Record<string, string> = {},
): Sample {
  const cpu0 = serverCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "RSS_KIB=%M CPU=%U+%S", ...cmd], {
    env: {
      ...process.env,
      BENCH_TLS: TLS ? "1" : "0",
      NODE_EXTRA_CA_CERTS: env("MINIO_TEST_CA"),
      DENO_CERT: env("MINIO_TEST_CA"),
      ...extra,
    },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${name} ${op} failed:\n${r.stderr}\n${r.stdout}`);
  const serverCpu = serverCpuSeconds() - cpu0;
  const rss = Number(r.stderr.match(/RSS_KIB=(\d+)/)?.[1] ?? 0) / 1024;
  const cpu = r.stderr.match(/CPU=([\d.]+)\+([\d.]+)/);
  const gib = SIZE_MIB / 1024;
  // Process wall time includes start-up (tens of ms) for every client alike.
  return {
    mibps: SIZE_MIB / (wall / 1000),
    rssMib: rss,
    clientCpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) / gib : NaN,
    serverCpu: serverCpu / gib,
  };
}

for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...runners].reverse() : runners;
  for (const r of order) {
    const obj = `${r.name.replace(/[/ ]/g, "-")}-${round}`;
    for (const op of r.uploadOnly ? ["upload"] : ["upload", "download"]) {
      const s = timed(r.name, op, r.cmd(op, obj, file), r.env);
      const key = `${op} ${r.name}`;
      results.set(key, [...(results.get(key) ?? []), s]);
      console.error(
        `round ${round + 1} ${key}: ${s.mibps.toFixed(0)} MiB/s, peak RSS ${
          s.rssMib.toFixed(0)
        } MiB`,
      );
    }
    await admin.removeObject(bucket, obj);
  }
}
// Each runtime's floor: the peak RSS of a process that makes one 1-byte PUT
// through the SDK. The bound is partSize x (concurrency + 1) above it.
const floors = runners.filter((r) => r.name.startsWith("edge/")).map((r) => {
  try {
    const s = timed(r.name, "floor", r.cmd("floor", "floor", file), r.env);
    return `${r.name.slice(5)} ${s.rssMib.toFixed(0)} MiB`;
  } catch (e) {
    return `${r.name.slice(5)} not measured (${(e as Error).message.split("\n")[0]})`;
  }
});
await admin.removeObject(bucket, "floor");
await admin.removeBucket(bucket);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\n${SIZE_MIB} MiB over ${TLS ? "TLS" : "HTTP"}, ${ROUNDS} rounds, median of rounds`);
console.log(`peak RSS of one 1-byte putObject (the runtime's floor): ${floors.join(", ")}`);
const row = (op: string, name: string) => {
  const samples = results.get(`${op} ${name}`);
  return samples ? median(samples.map((s) => s.mibps)) : NaN;
};
const num = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : "");
// One Markdown table, as bench/README.md shows it (and charts it).
const cols = (op: string) => [
  `${op} MiB/s`,
  "vs raw",
  "vs mc",
  "vs minio-js",
  "vs aws-sdk",
  "peak RSS MiB",
  "CPU s/GiB client",
  "server",
];
console.log(`| client | ${[...cols("upload"), ...cols("download")].join(" | ")} |`);
console.log(`| --- |${" ---: |".repeat(16)}`);
for (const r of runners) {
  const cells = ["upload", "download"].flatMap((op) => {
    const samples = results.get(`${op} ${r.name}`);
    if (!samples) return Array(8).fill("");
    const v = row(op, r.name);
    const vs = (peer: string) => (peer === r.name ? "" : num(v / row(op, peer), 2));
    const mid = (f: (s: Sample) => number) => num(median(samples.map(f)), 1);
    return [
      num(v),
      r.name.startsWith("edge/") ? vs(r.name.replace("edge/", "raw/")) : "",
      r.name.startsWith("edge/") ? vs("mc") : "",
      r.name.startsWith("edge/") ? vs("minio-js/node") : "",
      r.name.startsWith("edge/") ? vs("aws-sdk/node") : "",
      num(median(samples.map((s) => s.rssMib))),
      mid((s) => s.clientCpu),
      mid((s) => s.serverCpu),
    ];
  });
  // "minio-edge/<runtime>": the name bench/README.md's charts draw as ours.
  console.log(`| ${r.name.replace(/^edge\//, "minio-edge/")} | ${cells.join(" | ")} |`);
}
if (!TLS) {
  // The SDK's uploads against the floor that signs its payload as the SDK does.
  console.log("\nUploads over HTTP against the floor with a signed payload (median of rounds):");
  console.log(
    "| runtime | minio-edge MiB/s | raw-signed MiB/s | vs raw-signed | raw-signed CPU s/GiB client | server |",
  );
  console.log(`| --- |${" ---: |".repeat(5)}`);
  for (const rt of ["node", "deno", "bun"]) {
    const ours = row("upload", `edge/${rt}`);
    const floor = row("upload", `raw-signed/${rt}`);
    const samples = results.get(`upload raw-signed/${rt}`) ?? [];
    const mid = (f: (s: Sample) => number) => num(median(samples.map(f)), 1);
    console.log(
      `| ${rt} | ${num(ours)} | ${num(floor)} | ${num(ours / floor, 2)} | ${
        mid((s) => s.clientCpu)
      } | ${mid((s) => s.serverCpu)} |`,
    );
  }
}

/**
 * Listing throughput from the real server: every key of a bucket of 100,000
 * 0-byte objects, listed recursively page by page (1,000 keys a page) by each
 * client in the same process, side by side: this SDK (`listObjects`,
 * ListObjectsV2), minio-js 8 (`listObjects`, its default V1 listing, and
 * `listObjectsV2`), @aws-sdk/client-s3's `paginateListObjectsV2`, s3mini's
 * `listObjects` (all pages; on Bun it goes through `Bun.S3Client`) and, on
 * Bun, `Bun.S3Client.list` page by page. Each client's defaults otherwise
 * (no user metadata, no owner where it is optional).
 *
 *   bash scripts/testbed.sh start && source .testbed/env
 *   node --import tsx bench/list_throughput.ts [--keys 100000] [--rounds 3] [--runtimes node,deno,bun]
 *
 * The script makes its own bucket and fills it once with MinIO's snowball
 * upload (tar archives of 5,000 empty objects each, which the server
 * extracts; `uploadSnowball`: about twice as fast here as 32 parallel PUTs,
 * the server's writes being the cost either way), then runs the listings on
 * each runtime in a process of its own (`node --import tsx`, `deno run -A`,
 * `bun`, this file with `--bucket`, which lists that bucket and leaves it),
 * and removes every object and the bucket at the end, also when a run fails.
 * In each runtime's process: one untimed listing of everything (on the first
 * runtime it is the server's first walk of the drives), a warm-up of each
 * client on the first 10,000 keys, then each round lists everything with
 * each client in an order that rotates from round to round; a row is the
 * median round. Beside the wall time per page, the CPU time (user + system)
 * the runtime's process spent per page while that client listed: what the
 * client costs, apart from the wait for the server. Every listing must yield exactly the keys that were
 * uploaded.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { paginateListObjectsV2, S3Client } from "@aws-sdk/client-s3";
import { S3mini } from "s3mini";
import { Minio } from "../mod.ts";
import { fmt, median, runtimeName } from "./rounds.ts";
import { arg, testbed } from "./runtime.ts";

const g = globalThis as {
  Bun?: { S3Client: new (o: Record<string, string>) => BunS3 };
};
interface BunS3 {
  list(o: { prefix?: string; maxKeys?: number; continuationToken?: string }): Promise<{
    contents?: { key: string }[];
    isTruncated?: boolean;
    nextContinuationToken?: string;
  }>;
}
const KEYS = Number(arg("--keys") ?? 100_000);
const ROUNDS = Number(arg("--rounds") ?? 3);
const RUNTIMES = (arg("--runtimes") ?? "node,deno,bun").split(",");
// Set in a runtime's own process: the driver's bucket, already filled.
const GIVEN_BUCKET = arg("--bucket");
// One runtime's listings take a few minutes at most; this bounds a stuck one.
const RUNTIME_TIMEOUT_MS = 15 * 60_000;
const PER_ARCHIVE = 5000;
const ARCHIVES_IN_FLIGHT = 2;
// The warm-up lists the keys under this prefix: the first 10,000.
const WARM_PREFIX = "key-00";

const { port, endpoint, accessKey, secretKey, region } = testbed();

const ours = new Minio({ endPoint: endpoint, accessKey, secretKey, region });
const bucket = GIVEN_BUCKET ?? `bench-list-${Date.now().toString(36)}`;
const keyOf = (i: number) => `key-${String(i).padStart(6, "0")}`;
const empty = new Uint8Array(0);

/** One client: lists every key under `prefix`, returns how many and a checksum of names. */
interface Client {
  name: string;
  list(prefix: string): Promise<number>;
}

async function minioJs(): Promise<Client[]> {
  const spec = "minio";
  const MinioJs = (await import(spec)).Client;
  const c = new MinioJs({
    endPoint: "127.0.0.1",
    port: Number(port),
    useSSL: false,
    accessKey,
    secretKey,
    region,
  });
  const drain = async (stream: AsyncIterable<{ name?: string }>) => {
    let n = 0;
    for await (const o of stream) if (o.name) n++;
    return n;
  };
  return [
    { name: "minio-js 8.0.7 listObjects (V1)", list: (p) => drain(c.listObjects(bucket, p, true)) },
    {
      name: "minio-js 8.0.7 listObjectsV2",
      list: (p) => drain(c.listObjectsV2(bucket, p, true)),
    },
  ];
}

function clients(): Promise<Client[]>[] {
  const aws = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
  });
  const mini = new S3mini({
    accessKeyId: accessKey,
    secretAccessKey: secretKey,
    endpoint: `${endpoint}/${bucket}`,
    region,
  });
  const list: Promise<Client[]>[] = [
    Promise.resolve([{
      name: "minio-edge listObjects",
      list: async (prefix) => {
        let n = 0;
        for await (const o of ours.listObjects(bucket, { prefix, recursive: true })) {
          if (o.name) n++;
        }
        return n;
      },
    }]),
    minioJs(),
    Promise.resolve([{
      name: "@aws-sdk/client-s3 paginateListObjectsV2",
      list: async (prefix) => {
        let n = 0;
        const pages = paginateListObjectsV2({ client: aws }, { Bucket: bucket, Prefix: prefix });
        for await (const page of pages) n += page.Contents?.length ?? 0;
        return n;
      },
    }]),
    Promise.resolve([{
      name: "s3mini 1.0.2 listObjects",
      list: async (prefix) => (await mini.listObjects("/", prefix))?.length ?? 0,
    }]),
  ];
  if (g.Bun) {
    const b = new g.Bun.S3Client({
      accessKeyId: accessKey,
      secretAccessKey: secretKey,
      endpoint,
      bucket,
      region,
    });
    list.push(Promise.resolve([{
      name: "Bun.S3Client list",
      list: async (prefix) => {
        let n = 0;
        let continuationToken: string | undefined;
        for (let page = 0; page <= KEYS / 1000 + 1; page++) {
          const r = await b.list({ prefix, maxKeys: 1000, continuationToken });
          n += r.contents?.length ?? 0;
          if (!r.isTruncated) return n;
          continuationToken = r.nextContinuationToken;
        }
        throw new Error("Bun.S3Client list: more pages than keys");
      },
    }]));
  }
  return list;
}

/** Fills the bucket: `KEYS` empty objects in snowball archives, a few at a time. */
async function fill(): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: ARCHIVES_IN_FLIGHT }, async () => {
    while (next < KEYS) {
      const from = next;
      next = Math.min(KEYS, next + PER_ARCHIVE);
      const objects = Array.from(
        { length: next - from },
        (_, i) => ({ name: keyOf(from + i), body: empty }),
      );
      await ours.uploadSnowball(bucket, objects);
    }
  }));
  return (performance.now() - t0) / 1000;
}

/** Removes every object and the bucket; bounded by the number of keys. */
async function cleanup(): Promise<void> {
  // A batch at a time, each tried up to 3 times: a multi-object delete is a
  // POST, which the SDK does not send again after a broken connection (the
  // driver's idle keep-alive connection may be closed by the server while the
  // runtimes list), and removing a removed key again is harmless.
  for (let from = 0; from < KEYS; from += 1000) {
    const names = Array.from({ length: Math.min(1000, KEYS - from) }, (_, i) => keyOf(from + i));
    for (let attempt = 1;; attempt++) {
      try {
        const failed = await ours.removeObjects(bucket, names);
        if (failed.length) throw new Error(`${failed.length} not removed: ${failed[0].message}`);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }
  await ours.removeBucket(bucket);
}

/** Lists the bucket with every client of this runtime and prints the table. */
async function listings(): Promise<void> {
  const samples = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const failures = new Map<string, string>();
  const loaded: Client[] = [];
  // Untimed: on the first runtime, the server's first walk of the drives.
  const first = await clients()[0].then((c) => c[0].list(""));
  if (first !== KEYS) throw new Error(`the bucket holds ${first} keys, not ${KEYS}`);
  for (const p of clients()) {
    try {
      loaded.push(...await p);
    } catch (e) {
      // Only minio-js loads on use; a runtime without it fails there.
      failures.set(`client ${loaded.length + 1}`, (e as Error).message.split("\n")[0]);
    }
  }
  const warmCount = Math.min(KEYS, 10_000);
  for (const c of loaded) {
    try {
      const n = await c.list(WARM_PREFIX);
      if (n !== warmCount) throw new Error(`listed ${n} of ${warmCount} keys`);
    } catch (e) {
      failures.set(c.name, (e as Error).message.split("\n")[0]);
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (let j = 0; j < loaded.length; j++) {
      const c = loaded[(round + j) % loaded.length];
      if (failures.has(c.name)) continue;
      try {
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const n = await c.list("");
        const s = (performance.now() - t0) / 1000;
        const used = process.cpuUsage(cpu0);
        if (n !== KEYS) throw new Error(`listed ${n} of ${KEYS} keys`);
        samples.set(c.name, [...(samples.get(c.name) ?? []), KEYS / s]);
        // This process's CPU (user + system) per 1,000-key page, in ms.
        const perPage = (used.user + used.system) / 1000 / (KEYS / 1000);
        cpu.set(c.name, [...(cpu.get(c.name) ?? []), perPage]);
        console.error(`${runtimeName()} round ${round + 1} ${c.name}: ${fmt(KEYS / s)} keys/s`);
      } catch (e) {
        failures.set(c.name, (e as Error).message.split("\n")[0]);
      }
    }
  }
  const ourRate = median(samples.get("minio-edge listObjects") ?? [0]);
  console.log(
    `Listing ${fmt(KEYS)} keys (recursive, 1,000 a page), ${runtimeName()}: median of ` +
      `${ROUNDS} rounds`,
  );
  console.log(
    "| client | keys/s | rounds' range | ms per page | client CPU ms per page | ours / it |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const c of loaded) {
    const s = samples.get(c.name);
    if (!s) {
      console.log(`| ${c.name} | failed: ${failures.get(c.name)} | | | | |`);
      continue;
    }
    const v = median(s);
    const ratio = c.name.startsWith("minio-edge") ? "-" : (ourRate / v).toFixed(2);
    const cpuMs = median(cpu.get(c.name)!).toFixed(1);
    const range = `${fmt(Math.min(...s))}-${fmt(Math.max(...s))}`;
    console.log(
      `| ${c.name} | ${fmt(v)} | ${range} | ${(1e6 / v).toFixed(1)} | ${cpuMs} | ${ratio} |`,
    );
  }
  for (const [name, why] of failures) {
    if (!loaded.some((c) => c.name === name)) console.log(`| ${name} | failed: ${why} | | | | |`);
  }
}

const COMMANDS: Record<string, string[]> = {
  node: ["node", "--import", "tsx"],
  deno: ["node_modules/.bin/deno", "run", "-A"],
  bun: ["node_modules/.bin/bun"],
};

if (GIVEN_BUCKET) {
  await listings();
} else {
  await ours.makeBucket(bucket);
  try {
    const seconds = await fill();
    console.log(
      `Filled ${bucket} with ${fmt(KEYS)} empty objects in ${seconds.toFixed(1)} s ` +
        `(${fmt(KEYS / seconds)} objects/s, snowball archives of ${fmt(PER_ARCHIVE)}, ` +
        `${ARCHIVES_IN_FLIGHT} at a time)`,
    );
    for (const rt of RUNTIMES) {
      const [cmd, ...pre] = COMMANDS[rt] ?? [];
      if (!cmd) throw new Error(`unknown runtime ${rt}: node, deno or bun`);
      const args = [...pre, "bench/list_throughput.ts", "--bucket", bucket];
      args.push("--keys", String(KEYS), "--rounds", String(ROUNDS));
      const r = spawnSync(cmd, args, {
        cwd: new URL("../", import.meta.url).pathname,
        stdio: "inherit",
        timeout: RUNTIME_TIMEOUT_MS,
      });
      if (r.status !== 0) console.log(`${rt}: exited ${r.status ?? r.signal}`);
    }
  } finally {
    await cleanup();
  }
}

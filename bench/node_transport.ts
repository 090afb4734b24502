/**
 * Node only: what the SDK's small requests cost on Node's global fetch
 * (undici, given as the client's `fetch`) against the same SDK on its
 * default transport on Node, `nodeFetch` of src/base/node_https_fetch.ts
 * (`node:http` and `node:https` with kept-alive connections). Over HTTP to
 * the test bed's MinIO (4 drives), or with `--tls` to its TLS MinIO (one
 * drive), whose CA both trust through `NODE_EXTRA_CA_CERTS`. 4 KiB PUT then
 * GET of each object, 64 in flight; rounds alternate the order; a row is
 * the median round, with the slowest and fastest, and the CPU time (user +
 * system) the process spent per operation while that client ran.
 *
 *   bash scripts/testbed.sh start && source .testbed/env
 *   NODE_EXTRA_CA_CERTS=$MINIO_TEST_CA node --import tsx bench/node_transport.ts [--objects 1000] [--rounds 6] [--tls]
 *
 * @module
 */

import process from "node:process";
import { Minio } from "../mod.ts";
import {
  type LoopSample,
  loopSummary,
  median,
  putGetRound,
  removeKeys,
  runtimeName,
} from "./rounds.ts";
import { arg, argv, env } from "./runtime.ts";

if (!process.versions.node || "Deno" in globalThis || "Bun" in globalThis) {
  throw new Error("bench/node_transport.ts compares Node's transports: run it with node");
}
const OBJECTS = Number(arg("--objects") ?? 1000);
const ROUNDS = Number(arg("--rounds") ?? 6);
const TLS = argv.includes("--tls");
const IN_FLIGHT = 64;
const SIZE = 4096;

const options = {
  endPoint: "127.0.0.1",
  port: Number(env(TLS ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
  useSSL: TLS,
  accessKey: env("MINIO_TEST_ACCESS_KEY"),
  secretKey: env("MINIO_TEST_SECRET_KEY"),
  region: "us-east-1",
};
const clients: { name: string; client: Minio }[] = [
  {
    name: "minio-edge on Node's fetch (undici)",
    client: new Minio({ ...options, fetch: (input, init) => fetch(input, init) }),
  },
  { name: "minio-edge on node:http(s) (its default)", client: new Minio(options) },
];
const ours = clients[0].client;
const bucket = `bench-transport-${Date.now().toString(36)}`;
await ours.makeBucket(bucket);
const data = new Uint8Array(SIZE).map((_, i) => i % 251);

/** One round of a client over `OBJECTS` fresh keys under `prefix`, which it then removes. */
async function run(c: Minio, prefix: string): Promise<LoopSample> {
  const keys = Array.from({ length: OBJECTS }, (_, i) => `${prefix}/${i}`);
  const sample = await putGetRound(keys, IN_FLIGHT, async (key) => {
    await c.putObject(bucket, key, data);
    const n = (await (await c.getObject(bucket, key)).bytes()).length;
    if (n !== SIZE) throw new Error(`got ${n} bytes of ${key}`);
  });
  await removeKeys(ours, bucket, keys);
  return sample;
}

const samples = clients.map(() => [] as LoopSample[]);
try {
  // Warm-up of each (connections, first runs), untimed.
  for (const [i, c] of clients.entries()) await run(c.client, `warm-${i}`);
  for (let round = 0; round < ROUNDS; round++) {
    for (let j = 0; j < clients.length; j++) {
      const i = (round + j) % clients.length;
      const v = await run(clients[i].client, `${round}-${i}`);
      samples[i].push(v);
      console.error(
        `round ${round + 1} ${clients[i].name}: ${v.rate.toFixed(0)} ops/s, ` +
          `${v.cpuUs.toFixed(0)} µs CPU/op`,
      );
    }
  }
} finally {
  await ours.removeBucket(bucket).catch((e) => console.error(`bucket left: ${e}`));
}

const first = median(samples[0].map((x) => x.rate));
console.log(
  `4 KiB PUT then GET over ${TLS ? "TLS" : "HTTP"}, ${IN_FLIGHT} in flight, ${runtimeName()}: ${
    2 * OBJECTS
  } ` +
    `operations per client and round, median of ${ROUNDS} rounds`,
);
console.log("| transport | ops/s | rounds' range | client CPU µs per op | speed vs fetch |");
console.log("|---|---:|---:|---:|---:|");
for (const [i, c] of clients.entries()) {
  const { rate, range, cpuUs } = loopSummary(samples[i]);
  console.log(
    `| ${c.name} | ${rate.toFixed(0)} | ${range} | ${cpuUs} | ${(rate / first).toFixed(2)} |`,
  );
}

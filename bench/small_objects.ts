/**
 * Small objects against the local MinIO, side by side in one run: 4 KiB
 * PUT then GET of each object, 64 in flight, with this SDK, minio-js 8,
 * @aws-sdk/client-s3, s3mini, aws4fetch (signed fetch), Bun.S3Client (on
 * Bun) and a raw loop of `fetch` on URLs presigned before the clock starts
 * (the runtime's floor for one request; on Node also through `node:http`).
 * Every client runs in this process,
 * so on each runtime they share its fetch or HTTP stack; rounds rotate the
 * order so that the machine's load weighs on all alike.
 *
 *   bash scripts/testbed.sh start && source .testbed/env
 *   node --import tsx bench/small_objects.ts [--objects 2000] [--rounds 2]
 *   deno run -A bench/small_objects.ts ...
 *   bun bench/small_objects.ts ...
 *
 * One operation is one request: `--objects 2000` is 4,000 operations per
 * client and round. Beside each client's ops/s (the median round, and the
 * slowest and fastest round), the CPU time (user + system) the process
 * spent per operation while that client ran: what the client costs, apart
 * from the wait for the server, which shares the machine's cores.
 *
 * @module
 */

import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { AwsClient } from "aws4fetch";
import { S3mini } from "s3mini";
import { Minio } from "../mod.ts";
import { type LoopSample, loopSummary, putGetRound, removeKeys, runtimeName } from "./rounds.ts";
import { arg, testbed } from "./runtime.ts";

const g = globalThis as {
  Deno?: unknown;
  Bun?: { S3Client: new (o: Record<string, string>) => BunS3 };
};
interface BunS3 {
  write(key: string, data: Uint8Array): Promise<number>;
  file(key: string): { arrayBuffer(): Promise<ArrayBuffer> };
}
const opt = (name: string, dflt: number) => Number(arg(name) ?? dflt);
const OBJECTS = opt("--objects", 2000);
const ROUNDS = opt("--rounds", 2);
const IN_FLIGHT = 64;
const SIZE = 4096;

const { port, endpoint, accessKey, secretKey, region } = testbed();
const data = new Uint8Array(SIZE).map((_, i) => i % 251);

const ours = new Minio({ endPoint: endpoint, accessKey, secretKey, region });
const bucket = `bench-small-${Date.now().toString(36)}`;
await ours.makeBucket(bucket);

/** One client: `put` then `get` one key; `prepare` runs before the clock. */
interface Client {
  name: string;
  prepare?: (keys: string[]) => Promise<void>;
  put(key: string): Promise<unknown>;
  get(key: string): Promise<number>;
}

async function minioJs(): Promise<Client> {
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
  return {
    name: "minio-js 8.0.7",
    put: (key) => c.putObject(bucket, key, Buffer.from(data), SIZE),
    get: async (key) => {
      let n = 0;
      for await (const chunk of await c.getObject(bucket, key)) n += chunk.length;
      return n;
    },
  };
}

const urls = new Map<string, { put: string; get: string }>();

/** Presigns a PUT and a GET URL for each key, before the clock starts. */
async function presignAll(keys: string[]): Promise<void> {
  urls.clear();
  for (const key of keys) {
    urls.set(key, {
      put: await ours.presignedPutObject(bucket, key, 3600),
      get: await ours.presignedGetObject(bucket, key, 3600),
    });
  }
}

/**
 * Node only: the same presigned requests through `node:http` with a
 * keep-alive agent (as minio-js sends), to see what Node's fetch costs.
 */
async function nodeHttp(): Promise<Client> {
  const spec = "node:http";
  const http = await import(spec);
  // Idle connections close after 4 s, as Node's global agent and the SDK's transport close
  // theirs, before the server does: between this client's rounds the others run.
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT, timeout: 4000 });
  const send = (url: string, method: string, body?: Uint8Array) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method, agent }, (res: {
        statusCode: number;
        on(e: string, f: (c?: Uint8Array) => void): void;
      }) => {
        let n = 0;
        res.on("data", (c) => (n += c!.length));
        res.on(
          "end",
          () => res.statusCode < 300 ? resolve(n) : reject(new Error(`${res.statusCode}`)),
        );
        res.on("error", reject as (c?: Uint8Array) => void);
      });
      req.on("error", reject);
      if (body) req.setHeader("content-length", body.length);
      req.end(body);
    });
  return {
    name: "raw presigned node:http",
    prepare: presignAll,
    put: (key) => send(urls.get(key)!.put, "PUT", data),
    get: (key) => send(urls.get(key)!.get, "GET"),
  };
}

function clients(): Promise<Client>[] {
  const aws = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId: accessKey, secretAccessKey: secretKey },
  });
  const aws4 = new AwsClient({
    accessKeyId: accessKey,
    secretAccessKey: secretKey,
    service: "s3",
    region,
  });
  const mini = new S3mini({
    accessKeyId: accessKey,
    secretAccessKey: secretKey,
    endpoint: `${endpoint}/${bucket}`,
    region,
  });
  const list: Promise<Client>[] = [
    Promise.resolve({
      name: "minio-edge",
      put: (key) => ours.putObject(bucket, key, data),
      get: async (key) => (await (await ours.getObject(bucket, key)).bytes()).length,
    }),
    Promise.resolve({
      name: "raw presigned fetch",
      prepare: presignAll,
      put: async (key) => {
        const res = await fetch(urls.get(key)!.put, { method: "PUT", body: data });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`raw PUT ${res.status}`);
      },
      get: async (key) => {
        const res = await fetch(urls.get(key)!.get);
        const n = (await res.arrayBuffer()).byteLength;
        if (!res.ok) throw new Error(`raw GET ${res.status}`);
        return n;
      },
    }),
    minioJs(),
    Promise.resolve({
      name: "@aws-sdk/client-s3",
      put: (key) => aws.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: data })),
      get: async (key) => {
        const res = await aws.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return (await res.Body!.transformToByteArray()).length;
      },
    }),
    Promise.resolve({
      name: "s3mini 1.0.2",
      put: async (key) => {
        const res = await mini.putObject(key, data);
        if (!res.ok) throw new Error(`s3mini PUT ${res.status}`);
      },
      get: async (key) => (await mini.getObjectArrayBuffer(key))!.byteLength,
    }),
    Promise.resolve({
      name: "aws4fetch 1.0.20",
      put: async (key) => {
        const res = await aws4.fetch(`${endpoint}/${bucket}/${key}`, { method: "PUT", body: data });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`aws4fetch PUT ${res.status}`);
      },
      get: async (key) => {
        const res = await aws4.fetch(`${endpoint}/${bucket}/${key}`);
        const n = (await res.arrayBuffer()).byteLength;
        if (!res.ok) throw new Error(`aws4fetch GET ${res.status}`);
        return n;
      },
    }),
  ];
  if (!g.Bun && !g.Deno) list.push(nodeHttp());
  if (g.Bun) {
    const b = new g.Bun.S3Client({
      accessKeyId: accessKey,
      secretAccessKey: secretKey,
      endpoint,
      bucket,
      region,
    });
    list.push(Promise.resolve({
      name: "Bun.S3Client",
      put: (key) => b.write(key, data),
      get: async (key) => (await b.file(key).arrayBuffer()).byteLength,
    }));
  }
  return list;
}

/** `c` over `OBJECTS` put+get pairs, `IN_FLIGHT` at a time. */
async function run(c: Client, round: number): Promise<LoopSample> {
  const keys = Array.from(
    { length: OBJECTS },
    (_, i) => `${c.name.replace(/[^a-z0-9]+/gi, "-")}/${round}/${i}`,
  );
  try {
    await c.prepare?.(keys);
    return await putGetRound(keys, IN_FLIGHT, async (key) => {
      await c.put(key);
      const n = await c.get(key);
      if (n !== SIZE) throw new Error(`${c.name}: got ${n} bytes of ${key}`);
    });
  } finally {
    // Also after a failure: the bucket is removed at the end, and must be empty.
    await removeKeys(ours, bucket, keys);
  }
}

const loaded: (Client | { name: string; error: string })[] = [];
for (const p of clients()) {
  try {
    loaded.push(await p);
  } catch (e) {
    // Only minio-js and node:http load on use; a runtime without them fails there.
    loaded.push({ name: `client ${loaded.length + 1}`, error: (e as Error).message });
  }
}
const samples = new Map<string, LoopSample[]>();
const failures = new Map<string, string>();
// A warm-up of each client (its connections, its code's first runs), untimed.
for (const c of loaded) {
  if ("error" in c) continue;
  const keys = Array.from({ length: IN_FLIGHT }, (_, i) => `warm/${i}`);
  try {
    await c.prepare?.(keys);
    await Promise.all(keys.map(async (k) => (await c.put(k), await c.get(k))));
  } catch (e) {
    failures.set(c.name, (e as Error).message.split("\n")[0]);
  } finally {
    await removeKeys(ours, bucket, keys);
  }
}
for (let round = 0; round < ROUNDS; round++) {
  for (let j = 0; j < loaded.length; j++) {
    const c = loaded[(round + j) % loaded.length];
    if ("error" in c) {
      failures.set(c.name, c.error);
      continue;
    }
    if (failures.has(c.name)) continue;
    try {
      const v = await run(c, round);
      samples.set(c.name, [...(samples.get(c.name) ?? []), v]);
      console.error(
        `round ${round + 1} ${c.name}: ${v.rate.toFixed(0)} ops/s, ${v.cpuUs.toFixed(0)} µs CPU/op`,
      );
    } catch (e) {
      failures.set(c.name, (e as Error).message.split("\n")[0]);
    }
  }
}
const ourSamples = samples.get("minio-edge");
const ourRate = ourSamples ? loopSummary(ourSamples).rate : 0;
console.log(
  `4 KiB PUT then GET, ${IN_FLIGHT} in flight, ${runtimeName()}: ${2 * OBJECTS} operations ` +
    `per client and round, median of ${ROUNDS} rounds`,
);
console.log("| client | ops/s | rounds' range | client CPU µs per op | ours / it |");
console.log("|---|---:|---:|---:|---:|");
for (const c of loaded) {
  const s = samples.get(c.name);
  if (!s) {
    console.log(`| ${c.name} | failed: ${failures.get(c.name)} | | | |`);
    continue;
  }
  const { rate, range, cpuUs } = loopSummary(s);
  const ratio = c.name === "minio-edge" ? "-" : (ourRate / rate).toFixed(2);
  console.log(`| ${c.name} | ${rate.toFixed(0)} | ${range} | ${cpuUs} | ${ratio} |`);
}
await ours.removeBucket(bucket);

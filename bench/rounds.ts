/**
 * Timing helpers the micro-benchmarks share (bench/sign.ts, bench/presign.ts,
 * bench/list_parse.ts): ops/s of a call run back to back, in rounds whose
 * order rotates so that drift and neighbouring processes weigh on every
 * case alike; the median round is reported. Also the round of a put+get
 * loop that bench/small_objects.ts and bench/node_transport.ts time, and
 * the removal of its keys.
 *
 * @module
 */

import process from "node:process";
import type { Minio } from "../mod.ts";

/** One contender: `run` is one operation, sync or async. */
export interface Case {
  name: string;
  run: () => unknown;
}

// Results feed this so no runtime can drop a call as unused.
let sink = 0;

/** Ops per second of `run`, called back to back for about `ms`. */
export async function measure(run: Case["run"], ms: number, batch = 32): Promise<number> {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) {
      const r = run();
      const v = r instanceof Promise ? await r : r;
      sink += typeof v === "string" ? v.length : v ? 1 : 0;
    }
    ops += batch;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return ops / (elapsed / 1000);
}

/** The median of `xs`. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** "Node 20.20.2", "Deno 2.9.6" or "Bun 1.4.5". */
export function runtimeName(): string {
  const g = globalThis as Record<string, unknown>;
  if (g.Deno) return "Deno " + (g.Deno as { version: { deno: string } }).version.deno;
  if (g.Bun) return "Bun " + (g.Bun as { version: string }).version;
  return "Node " + (g.process as { version: string }).version.slice(1);
}

/** Timing of {@link rotatedRounds}. */
export interface Rounds {
  rounds: number;
  roundMs: number;
  warmupMs: number;
  batch?: number;
}

/** The median ops/s of each case over `rounds` rotated rounds, after a warm-up each. */
export async function rotatedRounds(cases: readonly Case[], t: Rounds): Promise<number[]> {
  for (const c of cases) await measure(c.run, t.warmupMs, t.batch);
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < t.rounds; round++) {
    for (let j = 0; j < cases.length; j++) {
      const i = (round + j) % cases.length;
      samples[i].push(await measure(cases[i].run, t.roundMs, t.batch));
    }
  }
  if (sink === 0) console.log("(no results produced)");
  return samples.map(median);
}

/** `n` as a whole number with thousands separators. */
export function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** One round of a put+get loop: operations per second, and the process's CPU µs per operation. */
export interface LoopSample {
  rate: number;
  cpuUs: number;
}

/**
 * Times `pair(key)` (one put and one get: two operations) for every key,
 * `inFlight` at a time, with the CPU time the process spent meanwhile.
 *
 * @example
 * ```ts
 * const round = await putGetRound(["a", "b"], 2, async (key) => { await put(key); await get(key); });
 * console.log(round.rate, round.cpuUs);
 * ```
 */
export async function putGetRound(
  keys: readonly string[],
  inFlight: number,
  pair: (key: string) => Promise<void>,
): Promise<LoopSample> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < keys.length) await pair(keys[next++]);
  }));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const ops = 2 * keys.length;
  return { rate: ops / seconds, cpuUs: (cpu.user + cpu.system) / ops };
}

/** A client's rounds as a table shows them: the median rate, the slowest-fastest range, the median CPU µs. */
export function loopSummary(
  samples: readonly LoopSample[],
): { rate: number; range: string; cpuUs: string } {
  const rates = samples.map((x) => x.rate);
  return {
    rate: median(rates),
    range: `${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}`,
    cpuUs: median(samples.map((x) => x.cpuUs)).toFixed(0),
  };
}

/**
 * Removes a round's `keys` from `bucket` (`removeObjects` sends them 1000 to
 * a request); throws with the first one the server did not remove.
 *
 * @example
 * ```ts
 * await removeKeys(client, "bench", ["a", "b"]);
 * ```
 */
export async function removeKeys(client: Minio, bucket: string, keys: string[]): Promise<void> {
  const failed = await client.removeObjects(bucket, keys);
  if (failed.length) throw new Error(`cleanup: ${JSON.stringify(failed[0])}`);
}

/**
 * Timing helpers the micro-benchmarks share (bench/sign.ts, bench/presign.ts,
 * bench/list_parse.ts): ops/s of a call run back to back, in rounds whose
 * order rotates so that drift and neighbouring processes weigh on every
 * case alike; the median round is reported.
 *
 * @module
 */

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

/**
 * How long `import` of the module takes on Deno, Bun and Node (issue 7's
 * target: 10 ms). Each sample is a fresh process (cold: nothing of the module
 * is in memory) that times one dynamic `import()` of the module with
 * `performance.now()`, so runtime start-up is not counted; the table shows
 * the median of the samples.
 *
 * Modules: each entry of the npm package (`.` and `./admin`), in the build
 * the runtime's export condition picks (mod.js and admin.js on Node and Bun,
 * mod.deno.js and admin.deno.js on Deno; built fresh into a temp folder by
 * npm/build.ts), and the TypeScript source of each (mod.ts and admin.ts,
 * what JSR serves) on Deno and Bun, which run it directly. Deno compiles TypeScript
 * into its cache on the first run; later samples read the cache, as every
 * run after an application's first does.
 *
 *   node --import tsx bench/import_time.ts [--runs N]
 *   deno run -A bench/import_time.ts [--runs N]
 *   bun bench/import_time.ts [--runs N]
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { buildBundles, BUNDLES } from "../npm/build.ts";
import { type Condition, ENTRIES, entryFile } from "../npm/spec.ts";
import { isMain } from "../scripts/is_main.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "node_modules/.bin");
/** The target of issue 7, in milliseconds. */
export const TARGET_MS = 10;

/** One runtime: how to start it on a script, and the export condition it resolves the package with. */
interface Runtime {
  name: string;
  command: string;
  args: string[];
  version: string[];
  condition: Condition;
}

const RUNTIMES: Runtime[] = [
  { name: "Node", command: "node", args: [], version: ["--version"], condition: "node" },
  // The probe lives in a temp folder: name the project's config (its import
  // map) and allow reading the project's files.
  {
    name: "Deno",
    command: join(BIN, "deno"),
    args: ["run", "-A", "--config", join(ROOT, "deno.json")],
    version: ["--version"],
    condition: "deno",
  },
  { name: "Bun", command: join(BIN, "bun"), args: [], version: ["--version"], condition: "bun" },
];

/** One measurement: a runtime importing a module. */
export interface ImportTime {
  runtime: string;
  version: string;
  module: string;
  samples: number[];
  median: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A script that times one import of `url` and prints the milliseconds. */
const probe = (url: string) =>
  `const t0 = performance.now();
await import(${JSON.stringify(url)});
console.log(performance.now() - t0);
`;

/** Spawns `runtime` on `script` `runs` times; each run prints one time. */
function sample(runtime: Runtime, script: string, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    // cwd is the repository, so Deno finds deno.json (its import map) for mod.ts.
    const text = execFileSync(runtime.command, [...runtime.args, script], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 60_000,
    });
    const ms = Number(text.trim().split("\n").pop());
    if (!Number.isFinite(ms)) throw new Error(`${runtime.name} printed ${JSON.stringify(text)}`);
    out.push(ms);
  }
  return out;
}

/** Measures every (runtime, module) pair `runs` times. */
export async function measureImportTimes(runs = 11): Promise<ImportTime[]> {
  const dir = await mkdtemp(join(tmpdir(), "minio-edge-import-"));
  try {
    // The builds the runtimes resolve (not the one for Workers).
    const bundleOf = (r: Runtime) => BUNDLES.find((b) => b.conditions.includes(r.condition))!;
    await buildBundles({ outDir: dir, bundles: [...new Set(RUNTIMES.map(bundleOf))] });
    // As in the installed package. Without it Node 20 parses a `.js` file
    // twice, first as CommonJS, to detect that it is a module (~6 ms here).
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const results: ImportTime[] = [];
    for (const runtime of RUNTIMES) {
      const version = execFileSync(runtime.command, runtime.version, { encoding: "utf8" })
        .match(/\d+\.\d+\.\d+/)?.[0] ?? "?";
      const modules = ENTRIES.flatMap((e) => [
        {
          name: `npm bundle, ${e.subpath} (${entryFile(bundleOf(runtime), e)})`,
          url: pathToFileURL(join(dir, entryFile(bundleOf(runtime), e))).href,
          ts: false,
        },
        { name: `source (${e.source})`, url: pathToFileURL(join(ROOT, e.source)).href, ts: true },
      ]);
      for (const module of modules) {
        if (module.ts && runtime.name === "Node") continue; // Node 20 cannot run TypeScript
        const script = join(dir, `probe-${results.length}.mjs`);
        await writeFile(script, probe(module.url));
        const samples = sample(runtime, script, runs);
        results.push({
          runtime: runtime.name,
          version,
          module: module.name,
          samples,
          median: median(samples),
        });
      }
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The results as a Markdown table. */
export function table(results: readonly ImportTime[]): string {
  const rows = results.map((r) => {
    const [lo, hi] = [Math.min(...r.samples), Math.max(...r.samples)];
    const verdict = r.median <= TARGET_MS ? "ok" : `over ${TARGET_MS} ms`;
    return `| ${r.runtime} ${r.version} | ${r.module} | ${r.median.toFixed(1)} | ` +
      `${lo.toFixed(1)}–${hi.toFixed(1)} | ${verdict} |`;
  });
  return [
    "| runtime | module | median ms | min–max ms | target ≤ 10 ms |",
    "| --- | --- | ---: | ---: | --- |",
    ...rows,
  ].join("\n");
}

if (isMain(import.meta)) {
  const args = process.argv.slice(2);
  const runs = args[0] === "--runs" ? Number(args[1]) : 11;
  if (!(runs >= 1) || (args.length && args[0] !== "--runs")) {
    throw new Error("usage: import_time.ts [--runs N]");
  }
  try {
    console.log(table(await measureImportTimes(runs)));
  } finally {
    await esbuild.stop();
  }
}

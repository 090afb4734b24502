/**
 * Builds the npm package in `npm/dist`: `mod.ts` with its runtime dependencies
 * (@noble/hashes, @noble/ciphers, txml) inlined into one platform-neutral ESM
 * file, so the published package installs nothing else; one `mod.d.ts`
 * (npm/types.ts); `package.json`, README and LICENSE (npm/manifest.ts). A
 * `node:` import in the output fails the build: the bundle must load on
 * Workers and in browsers.
 *
 *   node --import tsx npm/build.ts [--outdir DIR]
 *   deno run -A npm/build.ts [--outdir DIR]
 *
 * Then `npm publish npm/dist` (tests/package/npm_package_test.mjs packs and
 * installs it the same way).
 *
 * @module
 */

import { mkdir, readFile, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { type Condition, writeManifest } from "./manifest.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root (the folder holding `mod.ts`). */
export const ROOT: string = resolve(HERE, "..");
/** Where the build writes by default. */
export const DEFAULT_OUT_DIR: string = join(HERE, "dist");

/** One output file of the build. */
export interface BundleSpec {
  /** Entry point, relative to the repository root (or absolute). */
  entry: string;
  /** Output file name inside the output folder. */
  outfile: string;
  /** Minify whitespace, identifiers and syntax. */
  minify: boolean;
  /** The `exports` conditions of package.json that resolve to this file. */
  conditions: readonly Condition[];
}

/**
 * The bundles the package ships. Unminified: the application's bundler
 * minifies, and a readable file makes stack traces useful.
 *
 * One file serves every runtime for now. The hook for Workers: a second
 * bundle that takes over the `workerd` condition, built from the same entry
 * with the argon2 WebAssembly module coming from a `.wasm` module import
 * handed to `setArgon2WasmModule` (src/admin/argon2_wasm.ts) instead of
 * being compiled from the bundled base64 bytes, which workerd refuses. Add it
 * here (e.g. `{ entry: "mod.ts", outfile: "mod.workerd.js", conditions:
 * ["workerd"], ... }` with an esbuild plugin that swaps
 * src/admin/argon2_wasm_bytes.ts) and list `argon2id.wasm` in
 * `ASSETS` of npm/manifest.ts; package.json follows from these lists.
 */
export const BUNDLES: readonly BundleSpec[] = [
  {
    entry: "mod.ts",
    outfile: "mod.js",
    minify: false,
    conditions: ["workerd", "browser", "deno", "bun", "node", "default"],
  },
];

/** What one bundle came out as. */
export interface BuiltFile {
  /** Absolute path of the written file. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
}

/** Options of {@link buildBundles}. */
export interface BuildOptions {
  /** Output folder (default `npm/dist`). */
  outDir?: string;
  /** Bundles to build (default {@link BUNDLES}). */
  bundles?: readonly BundleSpec[];
}

// A Node built-in named in emitted code: a backstop for what the metafile
// does not list as an import (a `require("node:...")` inside bundled CommonJS).
const NODE_SPECIFIER = /["'](node:[\w/]+)["']/g;
// Built-ins reached without an import, so they may appear as strings: the
// file helpers (fPutObject / fGetObject) import node:fs/promises at call time
// through a variable, on Node and Bun only; src/internal/hash.ts takes
// node:crypto from `process.getBuiltinModule` where the runtime has one. Never
// loaded on Workers or in browsers.
const LAZY_BUILTINS = new Set(["node:fs/promises", "node:crypto"]);

/** Throws when the output imports `node:*` or anything else left external. */
function checkImports(spec: BundleSpec, meta: esbuild.Metafile, code: string): void {
  const problems = new Set<string>();
  for (const info of Object.values(meta.outputs)) {
    for (const imp of info.imports) if (imp.external) problems.add(`${imp.kind} "${imp.path}"`);
  }
  for (const m of code.matchAll(NODE_SPECIFIER)) {
    if (LAZY_BUILTINS.has(m[1])) continue;
    if (![...problems].some((p) => p.endsWith(`"${m[1]}"`))) problems.add(`"${m[1]}" in code`);
  }
  if (problems.size) {
    throw new Error(
      `bundle ${spec.outfile} must not import Node built-ins or externals:\n  ` +
        [...problems].join("\n  "),
    );
  }
}

/** Bundles one entry; throws on an esbuild error or a forbidden import. */
async function buildOne(spec: BundleSpec, outDir: string): Promise<BuiltFile> {
  const path = join(outDir, spec.outfile);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [resolve(ROOT, spec.entry)],
    outfile: path,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // Neutral has no default main fields; the deps resolve through `exports`
    // with the "import" / "default" conditions, these are the fallback.
    mainFields: ["module", "main"],
    // Kept external only so the check below can name them instead of esbuild
    // failing with "could not resolve".
    external: ["node:*"],
    minify: spec.minify,
    legalComments: "eof",
    metafile: true,
    logLevel: "silent",
  });
  const code = await readFile(path, "utf8");
  checkImports(spec, result.metafile, code);
  return { path, bytes: new TextEncoder().encode(code).length };
}

/** Builds every bundle into `outDir`. */
export async function buildBundles(options: BuildOptions = {}): Promise<BuiltFile[]> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  await mkdir(outDir, { recursive: true });
  const built: BuiltFile[] = [];
  for (const spec of options.bundles ?? BUNDLES) built.push(await buildOne(spec, outDir));
  return built;
}

/**
 * Builds the whole publishable package into `outDir`, emptied first so no
 * file of an earlier build is packed.
 */
export async function buildPackage(options: BuildOptions = {}): Promise<BuiltFile[]> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const bundles = options.bundles ?? BUNDLES;
  if (!relative(outDir, ROOT).startsWith("..")) {
    throw new Error(`refusing to empty ${outDir}: it holds the repository`);
  }
  await rm(outDir, { recursive: true, force: true });
  const built = await buildBundles({ outDir, bundles });
  // Loaded here: TypeScript takes a second to load, and the bundles alone
  // (tests/edge, bench) do not need it.
  const { buildTypes } = await import("./types.ts");
  built.push(await buildTypes(ROOT, join(outDir, "mod.d.ts")));
  built.push(...await writeManifest(ROOT, outDir, bundles, "mod.d.ts"));
  return built;
}

function parseArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--outdir" && argv[i + 1]) options.outDir = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (usage: build.ts [--outdir DIR])`);
  }
  return options;
}

function isMain(): boolean {
  const main = (import.meta as { main?: boolean }).main;
  if (main !== undefined) return main;
  const script = process.argv[1];
  return !!script && pathToFileURL(resolve(script)).href === import.meta.url.split("?")[0];
}

if (isMain()) {
  try {
    for (const f of await buildPackage(parseArgs(process.argv.slice(2)))) {
      console.log(`built ${relative(process.cwd(), f.path)} (${f.bytes} bytes)`);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  } finally {
    await esbuild.stop();
  }
}

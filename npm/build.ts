/**
 * Builds the npm package in `npm/dist`: `mod.ts` with its runtime dependencies
 * (@noble/hashes, @noble/ciphers, txml) inlined into one platform-neutral ESM
 * file, so the published package installs nothing else, and the same entry
 * once more for Workers (see {@link BUNDLES}); one `mod.d.ts` (npm/types.ts);
 * `package.json`, README, LICENSE and `argon2id.wasm` (npm/manifest.ts). A
 * `node:` import in the output fails the build: the bundles must load on
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
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { ASSETS, type Condition, writeManifest } from "./manifest.ts";
import { isMain } from "../scripts/is_main.ts";

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
  /**
   * Minify whitespace, identifiers and syntax, with a linked source map
   * (`<outfile>.map`, sources included) beside the bundle.
   */
  minify: boolean;
  /** The `exports` conditions of package.json that resolve to this file. */
  conditions: readonly Condition[];
  /**
   * Where the argon2id WebAssembly module comes from, if the entry reaches
   * the admin client: `"bytes"` (the default), base64 bytes inlined and
   * compiled at first use; `"import"`, an import of `./argon2id.wasm` beside
   * the bundle (see {@link argon2WasmImport}).
   */
  argon2?: "bytes" | "import";
}

/**
 * The bundles the package ships. Minified, with a linked source map for
 * stack traces: Node, Deno and Bun load this file as it is, and parsing the
 * unminified 440 KB cost about 1 ms more of every import (measured: Bun 9.8
 * -> 8.8 ms, Node 10.0 -> 8.9 ms, median of 21 fresh processes), which took
 * both to the 10 ms import budget.
 *
 * Both come from the same entry and differ in one module. `mod.js` serves
 * every runtime but Workers and compiles the argon2id WebAssembly from
 * inlined base64 bytes. `mod.workerd.js` serves the `workerd` condition
 * (wrangler and other Workers bundlers set it): workerd refuses to compile
 * bytes, so there the module comes from `import ... from "./argon2id.wasm"`,
 * which Workers deliver as a compiled `WebAssembly.Module`, and the bytes are
 * left out. `argon2id.wasm` is in `ASSETS` of npm/manifest.ts; package.json
 * follows from these lists.
 */
export const BUNDLES: readonly BundleSpec[] = [
  {
    entry: "mod.ts",
    outfile: "mod.js",
    minify: true,
    conditions: ["browser", "deno", "bun", "node", "default"],
    argon2: "bytes",
  },
  {
    entry: "mod.ts",
    outfile: "mod.workerd.js",
    minify: true,
    conditions: ["workerd"],
    argon2: "import",
  },
];

/** The argon2id module's file in the package, beside the bundles. */
export const ARGON2_WASM_FILE = "argon2id.wasm";
/** The import the `"import"` bundles keep of it. */
export const ARGON2_WASM_IMPORT = `./${ARGON2_WASM_FILE}`;

// The source module the "import" bundles swap out, and its stand-in: the
// module is returned when asked for, not registered at import time, so the
// package stays free of side effects and an unused admin client is dropped
// (with the .wasm import) by the application's bundler.
const ARGON2_WASM_SOURCE = "src/admin/crypto/argon2_wasm_source.ts";
const ARGON2_WASM_STAND_IN = `import argon2idModule from ${JSON.stringify(ARGON2_WASM_IMPORT)};

export async function bundledArgon2Module() {
  return argon2idModule;
}
`;
const STAND_IN_NAMESPACE = "argon2-wasm-import";

/**
 * An esbuild plugin that swaps src/admin/crypto/argon2_wasm_source.ts (which
 * compiles the base64 bytes of argon2_wasm_bytes.ts) for a module that
 * imports `./argon2id.wasm` and hands that `WebAssembly.Module` to the same
 * code path as `setArgon2WasmModule`. The `.wasm` import stays external.
 * tests/edge/workerd_suite.mjs uses it too, for the source modules a test
 * imports beside the package.
 */
export function argon2WasmImport(): esbuild.Plugin {
  return {
    name: "argon2-wasm-import",
    setup(build) {
      const source = resolve(ROOT, ARGON2_WASM_SOURCE);
      build.onResolve({ filter: /argon2_wasm_source\.ts$/ }, (args) => {
        if (resolve(args.resolveDir, args.path) !== source) return undefined;
        return { path: ARGON2_WASM_SOURCE, namespace: STAND_IN_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: STAND_IN_NAMESPACE }, () => ({
        contents: ARGON2_WASM_STAND_IN,
        loader: "js",
      }));
      build.onResolve(
        { filter: /\.wasm$/, namespace: STAND_IN_NAMESPACE },
        (args) => ({ path: args.path, external: true }),
      );
    },
  };
}

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
// Built-ins reached without an import, so they appear as strings: the file
// helpers (fPutObject / fGetObject, src/s3/file/file_io.ts) and the native hash
// (src/crypto/native_hash.ts) look them up at call time through
// `process.getBuiltinModule`, on Node and Bun only. Never loaded on Workers or
// in browsers.
const LAZY_BUILTINS = new Set(["node:fs/promises", "node:crypto"]);

// The start of the base64 of "\0asm", the WebAssembly magic: the inlined bytes.
const WASM_BASE64_MARKER = "AGFzbQ";

/**
 * Throws when the output imports `node:*` or anything else left external
 * (but the `.wasm` of an `"import"` bundle), or when its argon2id module does
 * not come the way `spec.argon2` says.
 */
function checkImports(spec: BundleSpec, meta: esbuild.Metafile, code: string): void {
  const problems = new Set<string>();
  let wasmImported = false;
  for (const info of Object.values(meta.outputs)) {
    for (const imp of info.imports) {
      if (!imp.external) continue;
      if (
        spec.argon2 === "import" && imp.kind === "import-statement" &&
        imp.path === ARGON2_WASM_IMPORT
      ) wasmImported = true;
      else problems.add(`${imp.kind} "${imp.path}"`);
    }
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
  if (spec.argon2 === "import") {
    const wrong = [
      !wasmImported && `no import of "${ARGON2_WASM_IMPORT}"`,
      code.includes(WASM_BASE64_MARKER) && "the inlined WebAssembly bytes",
      code.includes("WebAssembly.compile") && "a WebAssembly.compile call",
    ].filter(Boolean);
    if (wrong.length) {
      throw new Error(
        `bundle ${spec.outfile} (argon2 from a .wasm import) has ${wrong.join(", ")}`,
      );
    }
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
    sourcemap: spec.minify ? "linked" : false,
    plugins: spec.argon2 === "import" ? [argon2WasmImport()] : [],
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
  if (bundles.some((b) => b.argon2 === "import") && !ASSETS.includes(`wasm/${ARGON2_WASM_FILE}`)) {
    throw new Error(`a bundle imports ${ARGON2_WASM_IMPORT}: list it in ASSETS (npm/manifest.ts)`);
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

if (isMain(import.meta)) {
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

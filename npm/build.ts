/**
 * Builds the npm package in `npm/dist`: each entry of npm/spec.ts (`mod.ts`
 * for `.`, `admin.ts` for `./admin`) with its runtime dependencies
 * (@noble/hashes, @noble/ciphers) inlined into platform-neutral ESM,
 * so the published package installs nothing else, and the same entries once
 * more for Workers (see {@link BUNDLES}); the entries of one build share
 * their common code through chunks in `chunks/`. Then the declarations
 * (npm/types.ts) and `package.json`, README, LICENSE and `argon2id.wasm`
 * (npm/manifest.ts). A `node:` import in the output fails the build: the
 * bundles must load on Workers and in browsers.
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
import { writeManifest } from "./manifest.ts";
import {
  ARGON2_WASM_FILE,
  ASSETS,
  type BuiltFile,
  type BundleSpec,
  ENTRIES,
  entryFile,
} from "./spec.ts";
import { isMain } from "../scripts/is_main.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root (the folder holding `mod.ts`). */
export const ROOT: string = resolve(HERE, "..");
/** Where the build writes by default. */
export const DEFAULT_OUT_DIR: string = join(HERE, "dist");

/**
 * The builds the package ships, each of every entry. Readable, not minified:
 * Node and Bun print the source line of an uncaught error's throw site, and a
 * minified file is a few lines of many kilobytes each (an invalid bucket name
 * printed 8 KB of code before the message); an application's bundler minifies
 * for the browser (the size budgets in tests/package/size_test.ts measure
 * after that minifier). With a linked source map for stack traces, but for
 * Deno.
 *
 * `mod.js` and `admin.js` serve every runtime but Workers and Deno, and
 * compile the argon2id WebAssembly from inlined base64 bytes.
 * `mod.workerd.js` and `admin.workerd.js` serve the `workerd` condition
 * (wrangler and other Workers bundlers set it): workerd refuses to compile
 * bytes, so there the module comes from an import of the package's
 * `argon2id.wasm`, which Workers deliver as a compiled `WebAssembly.Module`,
 * and the bytes are left out. `mod.deno.js` and `admin.deno.js` are the first
 * two without source maps: Deno reads and parses the linked map of every
 * module that imports another as it loads it (Deno 2.9; Node and Bun read a
 * map only for a stack trace), which took Deno's import of mod.js, which
 * imports the shared chunk, from 4.5 to 11 ms. Each build has its own chunk
 * folder, so what one `exports` condition loads is all in its own files.
 * package.json follows from these lists.
 */
export const BUNDLES: readonly BundleSpec[] = [
  {
    name: "default",
    suffix: "",
    chunkDir: "chunks/default",
    minify: false,
    sourceMap: true,
    conditions: ["browser", "bun", "node", "default"],
    argon2: "bytes",
  },
  {
    name: "workerd",
    suffix: ".workerd",
    chunkDir: "chunks/workerd",
    minify: false,
    sourceMap: true,
    conditions: ["workerd"],
    argon2: "import",
  },
  {
    name: "deno",
    suffix: ".deno",
    chunkDir: "chunks/deno",
    minify: false,
    sourceMap: false,
    conditions: ["deno"],
    argon2: "bytes",
  },
];

// The source module the "import" bundles swap out, and its stand-in: the
// module is returned when asked for, not registered at import time, so the
// package stays free of side effects and an unused admin client is dropped
// (with the .wasm import) by the application's bundler.
const ARGON2_WASM_SOURCE = "src/admin/crypto/argon2_wasm_source.ts";
const ARGON2_WASM_STAND_IN = `import argon2idModule from "./${ARGON2_WASM_FILE}";

export async function bundledArgon2Module() {
  return argon2idModule;
}
`;
const STAND_IN_NAMESPACE = "argon2-wasm-import";

/**
 * An esbuild plugin that swaps src/admin/crypto/argon2_wasm_source.ts (which
 * compiles the base64 bytes of argon2_wasm_bytes.ts) for a module that
 * imports wasm/argon2id.wasm and hands that `WebAssembly.Module` to the same
 * code path as `setArgon2WasmModule`. The `.wasm` file is copied into the
 * output folder (esbuild's `copy` loader, named by `assetNames`), and the
 * import points at it from whichever chunk holds the stand-in.
 * tests/edge/workerd_suite.mjs uses the plugin too, for the source modules a
 * test imports beside the package (there the `.wasm` import is its own).
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
        resolveDir: join(ROOT, "wasm"),
        loader: "js",
      }));
      build.onLoad({ filter: /\.wasm$/ }, async (args) => ({
        contents: await readFile(args.path),
        loader: "copy",
      }));
    },
  };
}

// `import("<literal>")` in a TypeScript source.
const DYNAMIC_IMPORT = /\bimport\((["'])([^"'\n]+)\1\)/g;

/**
 * An esbuild plugin that keeps what the sources load with `import()` in the
 * file that loads it, as esbuild does without code splitting: the module is
 * bundled into the importing chunk and initialized at the first call, not
 * at import. Code splitting is on for what it is for, one copy of the code
 * both entries use; without this plugin it also made every `import()` target
 * a chunk, and what those share with the entries more chunks: 18 files for
 * `.`, which took Node's import of it from 17.5 to 26.8 ms (median of 21
 * fresh processes). The rewrite, `Promise.resolve().then(() =>
 * require(...))`, is what esbuild then compiles to that lazy initializer;
 * no `require` is left in the output.
 */
export function inlineDynamicImports(): esbuild.Plugin {
  return {
    name: "inline-dynamic-imports",
    setup(build) {
      build.onLoad({ filter: /\.ts$/, namespace: "file" }, async (args) => {
        const text = await readFile(args.path, "utf8");
        if (!text.includes("import(")) return undefined;
        return {
          contents: text.replace(DYNAMIC_IMPORT, "Promise.resolve().then(() => require($1$2$1))"),
          loader: "ts",
        };
      });
    },
  };
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
// (src/crypto/native_hash.ts), the credential files (src/credentials/_files.ts)
// and TLS settings on Node (src/base/tls_fetch.ts: a client certificate,
// minio-js's `setRequestOptions`) look them up at call time through
// `process.getBuiltinModule`, on Node and Bun only, as the minio-js entry's
// Node streams do (src/minio_js/streams.ts, also on Deno); Deno's
// aws-chunked uploads take node:zlib's crc32
// (src/core/aws_chunked.ts), and Node's default transport takes node:http
// and node:https, and node:zlib for a `br` body (src/base/default_fetch.ts,
// on Node only). Never loaded on Workers or in browsers.
const LAZY_BUILTINS = new Set([
  "node:fs/promises",
  "node:crypto",
  "node:http",
  "node:https",
  "node:stream",
  "node:zlib",
]);

// The start of the base64 of "\0asm", the WebAssembly magic: the inlined bytes.
const WASM_BASE64_MARKER = "AGFzbQ";

/**
 * Throws when an output of `spec` imports `node:*` or anything else left
 * external, or when its argon2id module does not come the way `spec.argon2`
 * says. `code` holds each JavaScript output's text by path.
 */
function checkOutputs(
  spec: BundleSpec,
  meta: esbuild.Metafile,
  outDir: string,
  code: ReadonlyMap<string, string>,
): void {
  const problems = new Set<string>();
  const wasm = join(outDir, ARGON2_WASM_FILE);
  let wasmImported = false;
  for (const [output, info] of Object.entries(meta.outputs)) {
    for (const imp of info.imports) {
      if (imp.external) problems.add(`${output}: ${imp.kind} "${imp.path}"`);
      else if (resolve(ROOT, imp.path) === wasm) wasmImported = true;
    }
  }
  for (const [path, text] of code) {
    for (const m of text.matchAll(NODE_SPECIFIER)) {
      if (LAZY_BUILTINS.has(m[1])) continue;
      if (![...problems].some((p) => p.endsWith(`"${m[1]}"`))) {
        problems.add(`${relative(outDir, path)}: "${m[1]}" in code`);
      }
    }
  }
  if (problems.size) {
    throw new Error(
      `bundle ${spec.name} must not import Node built-ins or externals:\n  ` +
        [...problems].join("\n  "),
    );
  }
  const all = [...code.values()];
  const wrong = spec.argon2 === "import"
    ? [
      !wasmImported && `no import of ${ARGON2_WASM_FILE}`,
      all.some((c) => c.includes(WASM_BASE64_MARKER)) && "the inlined WebAssembly bytes",
      all.some((c) => c.includes("WebAssembly.compile")) && "a WebAssembly.compile call",
    ]
    : [wasmImported && `an import of ${ARGON2_WASM_FILE}`];
  if (wrong.some(Boolean)) {
    throw new Error(
      `bundle ${spec.name} (argon2 from ${spec.argon2 ?? "bytes"}) has ` +
        wrong.filter(Boolean).join(", "),
    );
  }
}

/** Builds one bundle's entries; throws on an esbuild error or a forbidden import. */
async function buildOne(spec: BundleSpec, outDir: string): Promise<BuiltFile[]> {
  const entries = spec.entries ?? ENTRIES;
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries.map((e) => ({
      in: resolve(ROOT, e.source),
      out: entryFile(spec, e).replace(/\.js$/, ""),
    })),
    outdir: outDir,
    // What the entries share (see inlineDynamicImports).
    splitting: true,
    chunkNames: `${spec.chunkDir}/[name]-[hash]`,
    // The argon2id.wasm of an "import" bundle, beside the entries.
    assetNames: "[name]",
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
    sourcemap: spec.sourceMap ? "linked" : false,
    plugins: [
      inlineDynamicImports(),
      ...spec.argon2 === "import" ? [argon2WasmImport()] : [],
    ],
    legalComments: "eof",
    metafile: true,
    logLevel: "silent",
  });
  const built: BuiltFile[] = [];
  const code = new Map<string, string>();
  for (const output of Object.keys(result.metafile.outputs)) {
    if (output.endsWith(".map")) continue;
    const path = resolve(ROOT, output);
    const bytes = await readFile(path);
    if (path.endsWith(".js")) code.set(path, new TextDecoder().decode(bytes));
    built.push({ path, bytes: bytes.length, bundle: spec.name });
  }
  checkOutputs(spec, result.metafile, outDir, code);
  return built;
}

/** Builds every bundle into `outDir`. */
export async function buildBundles(options: BuildOptions = {}): Promise<BuiltFile[]> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  await mkdir(outDir, { recursive: true });
  const built: BuiltFile[] = [];
  for (const spec of options.bundles ?? BUNDLES) built.push(...await buildOne(spec, outDir));
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
    throw new Error(`a bundle imports ${ARGON2_WASM_FILE}: list it in ASSETS (npm/spec.ts)`);
  }
  await rm(outDir, { recursive: true, force: true });
  const built = await buildBundles({ outDir, bundles });
  // Loaded here: TypeScript takes a second to load, and the bundles alone
  // (tests/edge, bench) do not need it.
  const { buildTypes } = await import("./types.ts");
  built.push(...await buildTypes(ROOT, outDir));
  built.push(...await writeManifest(ROOT, outDir, bundles));
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

/**
 * The whole integration suite inside workerd (the Cloudflare Workers
 * runtime), against the npm package as a Workers user gets it. npm/build.ts
 * builds the package into a temp `node_modules/minio-edge`; esbuild bundles
 * every tests/integration/*_test.ts and the Worker
 * tests/edge/workerd_suite_worker.mjs in one run with code splitting and the
 * conditions wrangler sets (`workerd`, `worker`, `browser`), so each import
 * of mod.ts or admin.ts resolves to the package's `workerd` bundle of that
 * entry (mod.workerd.js, admin.workerd.js), and
 * `tests/harness.ts` is swapped for tests/edge/workerd_harness.mjs, which
 * only collects tests. The bundle's `.wasm` import stays an import, of the
 * package's argon2id.wasm listed as a `wasm` module in the workerd config:
 * nothing registers the argon2 module, the package finds it itself. One
 * workerd serves them all (the Worker runs one file per request) against the
 * test bed's MinIO over HTTP and TLS (workerd trusting the test bed's CA).
 *
 *   bash scripts/testbed.sh start   # once
 *   node tests/edge/workerd_suite.mjs [name-filter]
 *
 * Prints one line per test and `workerd: N passed, N failed`; exits non-zero
 * on a failure or when workerd does not start.
 *
 * @module
 */

import { existsSync, rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import {
  capnpText,
  ROOT,
  startWorkerd,
  stopWorkerd,
  testbedEnv,
  workerdConfig,
} from "./workerd_process.mjs";

const HERE = join(ROOT, "tests/edge");
const TEST_DIR = join(ROOT, "tests/integration");
const PACKAGE_NAME = "minio-edge";
// What wrangler (and Cloudflare's Vite plugin) resolve packages with.
const WORKERS_CONDITIONS = ["workerd", "worker", "browser"];
// The package's entries: the source module each stands for, and its name.
const ENTRIES = new Map([
  [join(ROOT, "mod.ts"), PACKAGE_NAME],
  [join(ROOT, "admin.ts"), `${PACKAGE_NAME}/admin`],
]);
// Source modules whose classes an entry exports, and that entry. A test that
// imports an internal module (src/admin/transport/transport.ts, say) gets it
// from the source; where that code throws or checks one of these classes, it
// must be the package's class, the one the test's `instanceof` sees.
const FROM_PACKAGE = new Map([
  [join(ROOT, "src/base/errors.ts"), PACKAGE_NAME],
  [join(ROOT, "src/admin/transport/errors.ts"), `${PACKAGE_NAME}/admin`],
]);
// The start of the base64 of "\0asm", the WebAssembly magic: inlined bytes.
const WASM_BASE64_MARKER = "AGFzbQ";
// Fixed, so it is never in the future and never newer than the pinned workerd
// build; late enough for nodejs_compat's node:fs, node:os and
// node:child_process modules, which some test files import at the top.
const COMPATIBILITY_DATE = "2026-09-01";
// The worker gives each test 120 s; a file that sends nothing for longer hangs.
const IDLE_TIMEOUT_MS = 150_000;

/**
 * Test files that do not run in workerd at all. Each entry says why; every
 * other tests/integration/*_test.ts must run.
 */
const EXCLUDED_FILES = [
  // Every test here runs the mc binary against what the admin client made.
  { file: "admin_mc_test.ts", why: "runs the mc binary: workerd has no child processes" },
  // Starts a MinIO server of its own (to restart and stop it) in a temp folder.
  { file: "admin_service_test.ts", why: "starts a MinIO process: workerd has no child processes" },
  // Its stalled servers are node:net servers of the test itself.
  { file: "timeout_test.ts", why: "starts TCP servers: a Worker cannot listen on a socket" },
  // AWS and mc config files in a temporary HOME: the providers read real files.
  { file: "config_credentials_test.ts", why: "writes a HOME folder: workerd has no file system" },
];

/** Single tests that cannot run in workerd, by file and name pattern. */
const EXCLUDED_TESTS = [
  {
    file: "get_object_test.ts",
    pattern: "fPutObject / fGetObject",
    // workerd's node:fs is an in-memory file system of the isolate; the file
    // helpers run on Deno, Node and Bun only, by design.
    why: "needs a real file system (fPutObject / fGetObject)",
  },
  {
    file: "get_object_test.ts",
    pattern: "mc reads ours",
    why: "runs the mc binary: workerd has no child processes",
  },
  {
    file: "resume_download_test.ts",
    pattern: "fGetObject",
    why: "needs a real file system (fGetObject)",
  },
  {
    file: "credentials_test.ts",
    pattern: "exactly one STS call",
    why: "counts at a node:http proxy of the test: a Worker cannot listen",
  },
  {
    file: "oidc_test.ts",
    pattern: "CertificateIdentityProvider",
    why: "reads the certificate from files and needs mutual TLS from fetch: workerd has neither",
  },
];

/** Whether the argon2 backend has been checked (once, by the first admin file). */
let argon2Checked = false;

/** What must not outlive this process: workerd and the temp folder. */
const live = { child: undefined, dir: undefined };

// Last resort when the runner dies abruptly: only synchronous calls work here.
process.on("exit", () => {
  if (live.child && live.child.exitCode === null && live.child.signalCode === null) {
    live.child.kill("SIGKILL");
  }
  if (live.dir) rmSync(live.dir, { recursive: true, force: true });
});

const toPosix = (p) => p.split(sep).join("/");

/**
 * Builds the npm package with npm/build.ts into `<dir>/node_modules/`, as
 * npm installs it: the bundles, package.json and argon2id.wasm (not the
 * .d.ts, which no bundler reads). Returns the npm build module.
 */
async function buildPackage(dir) {
  const { tsImport } = await import("tsx/esm/api");
  const load = (f) => tsImport(pathToFileURL(join(ROOT, f)).href, import.meta.url);
  const [build, manifest] = [await load("npm/build.ts"), await load("npm/manifest.ts")];
  const pkg = join(dir, "node_modules", PACKAGE_NAME);
  await mkdir(pkg, { recursive: true });
  await build.buildBundles({ outDir: pkg });
  await manifest.writeManifest(ROOT, pkg, build.BUNDLES);
  return build;
}

/**
 * Resolves what a Worker's bundler would: mod.ts and admin.ts (wherever a
 * test or an example imports them from) and `minio-edge`, `minio-edge/admin`
 * to the installed package under the Workers conditions, the source modules
 * in {@link FROM_PACKAGE} to re-exports of the package, and tests/harness.ts
 * to the workerd harness.
 * A `.wasm` import stays an import, made root-absolute because code
 * splitting may put it in any chunk; `wasm` collects the module names, to be
 * listed in the workerd config. `resolved` collects what the package name
 * resolved to.
 */
function suitePlugin(dir, wasm, resolved) {
  return {
    name: "workerd-suite",
    setup(build) {
      const harness = join(ROOT, "tests/harness.ts");
      const fromPackage = async (specifier, kind) => {
        const r = await build.resolve(specifier, { kind, resolveDir: dir, pluginData: "pkg" });
        if (r.errors.length) return { errors: r.errors };
        resolved.add(toPosix(relative(dir, r.path)));
        return { path: r.path };
      };
      build.onResolve({ filter: /\.wasm$/ }, (args) => {
        const name = basename(args.path);
        wasm.add(name);
        return { path: `/${name}`, external: true };
      });
      build.onResolve({ filter: new RegExp(`^${PACKAGE_NAME}(/admin)?$`) }, (args) => {
        if (args.pluginData === "pkg") return undefined;
        return fromPackage(args.path, args.kind);
      });
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace !== "file") return undefined;
        const path = resolve(args.resolveDir, args.path);
        if (ENTRIES.has(path)) return fromPackage(ENTRIES.get(path), args.kind);
        if (path === harness) return { path: join(HERE, "workerd_harness.mjs") };
        if (FROM_PACKAGE.has(path)) return { path, namespace: "from-package" };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: "from-package" }, (args) => ({
        contents: `export * from ${JSON.stringify(FROM_PACKAGE.get(args.path))};\n`,
        resolveDir: dir,
        loader: "js",
      }));
    },
  };
}

/**
 * Bundles the Worker and every test file in one esbuild run with code
 * splitting, so they share one copy of the package and of each source module
 * a test imports. The source modules' argon2 module comes from the same
 * `.wasm` import as the package's (npm/build.ts's `argon2WasmImport`), so
 * nothing in the bundle compiles WebAssembly from bytes. Returns the output
 * files (paths relative to `dir`), the `.wasm` module names they import and
 * what the package resolved to.
 */
async function bundle(dir, testFiles, npmBuild) {
  const wasm = new Set();
  const resolved = new Set();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: join(HERE, "workerd_suite_worker.mjs"), out: "tests/edge/workerd_suite_worker" },
      ...testFiles.map((f) => ({
        in: join(TEST_DIR, f),
        out: `tests/integration/${f.replace(/\.ts$/, "")}`,
      })),
    ],
    outdir: dir,
    outExtension: { ".js": ".js" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: WORKERS_CONDITIONS,
    mainFields: ["module", "main"],
    // Provided by workerd's nodejs_compat.
    external: ["node:*"],
    plugins: [suitePlugin(dir, wasm, resolved), npmBuild.argon2WasmImport()],
    metafile: true,
    logLevel: "silent",
  });
  const outputs = Object.keys(result.metafile.outputs)
    .map((p) => toPosix(relative(dir, resolve(ROOT, p))));
  return { outputs, wasm: [...wasm], resolved: [...resolved] };
}

/**
 * The bundle as the Worker runs it: every import of an entry of the package
 * resolved to the file its `exports[subpath].workerd` names, argon2id.wasm
 * the one `.wasm` module, and no output holding the base64 bytes or
 * compiling WebAssembly. Returns what is wrong, empty when nothing is.
 */
async function checkBundle(dir, { outputs, wasm, resolved }) {
  const pkgDir = join(dir, "node_modules", PACKAGE_NAME);
  const pkg = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8"));
  const expected = [".", "./admin"]
    .map((subpath) => toPosix(join("node_modules", PACKAGE_NAME, pkg.exports[subpath].workerd)));
  const wrong = [];
  if (resolved.sort().join() !== expected.sort().join()) {
    wrong.push(
      `${PACKAGE_NAME} resolved to ${resolved.join(", ") || "nothing"}, not ${expected.join(", ")}`,
    );
  }
  if (wasm.join() !== "argon2id.wasm") wrong.push(`.wasm modules imported: ${wasm.join(", ")}`);
  for (const o of outputs) {
    const code = await readFile(join(dir, o), "utf8");
    if (code.includes(WASM_BASE64_MARKER)) wrong.push(`${o} holds WebAssembly as base64`);
    if (code.includes("WebAssembly.compile")) wrong.push(`${o} calls WebAssembly.compile`);
  }
  return wrong;
}

function suiteConfig({ outputs, wasm, bindings, caFiles }) {
  // The Worker first: workerd takes the first module as the main one.
  const main = "tests/edge/workerd_suite_worker.js";
  const modules = [main, ...outputs.filter((o) => o !== main)]
    .map((o) => `(name = ${capnpText(o)}, esModule = embed ${capnpText(o)})`);
  // At the root, where the bundle's root-absolute `.wasm` imports point.
  for (const w of wasm) modules.push(`(name = ${capnpText(w)}, wasm = embed ${capnpText(w)})`);
  return workerdConfig({
    modules,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: ["nodejs_compat"],
    bindingName: "TESTBED",
    bindings,
    caFiles,
  });
}

/** Reads NDJSON lines from a response, failing when none comes for a while. */
async function* lines(res) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      let timer;
      const idle = new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer for ${IDLE_TIMEOUT_MS / 1000} s`)),
          IDLE_TIMEOUT_MS,
        );
      });
      const { done, value } = await Promise.race([reader.read(), idle]).finally(() =>
        clearTimeout(timer)
      );
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const parts = buffered.split("\n");
      buffered = parts.pop();
      for (const line of parts) if (line.trim()) yield JSON.parse(line);
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Runs one test file in the Worker; returns [passed, failed] and prints each test. */
async function runFile(port, file, filter) {
  const name = basename(file);
  const skip = EXCLUDED_TESTS.filter((x) => x.file === name)
    .map(({ pattern, why }) => ({ pattern: pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), why }));
  if (filter) skip.push({ pattern: `^(?!.*${filter})`, why: "name filter" });
  const url = new URL(`http://127.0.0.1:${port}/run`);
  url.searchParams.set("file", `tests/integration/${name.replace(/\.ts$/, ".js")}`);
  url.searchParams.set("skip", JSON.stringify(skip));
  let passed = 0;
  let failed = 0;
  let ended = false;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(IDLE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    for await (const e of lines(res)) {
      if (e.event === "loadError") {
        console.log(`FAIL ${name}: could not load: ${e.error}`);
        failed++;
        ended = true;
      } else if (e.event === "loaded" && name.startsWith("admin_") && !argon2Checked) {
        // The package must run argon2 from its .wasm import, with nothing
        // registered: a silent fallback to JavaScript would be a regression.
        argon2Checked = true;
        const wasm = e.argon2 === "wasm";
        if (wasm) passed++;
        else failed++;
        console.log(
          `${wasm ? "ok  " : "FAIL"} argon2 runs the package's argon2id.wasm: backend ${e.argon2}`,
        );
      } else if (e.event === "skip") {
        if (e.why !== "name filter") console.log(`skip ${name}: ${e.name} (${e.why})`);
      } else if (e.event === "result") {
        if (e.ok) passed++;
        else failed++;
        const detail = e.ok ? ` (${e.ms} ms)` : `\n     ${e.error}`;
        console.log(`${e.ok ? "ok  " : "FAIL"} ${name}: ${e.name}${detail}`);
      } else if (e.event === "end") {
        ended = true;
      }
    }
    if (!ended) throw new Error("the worker's answer ended early");
  } catch (e) {
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message : e}`);
    failed++;
  }
  return [passed, failed];
}

async function main() {
  let passed = 0;
  let failed = 0;
  const onSignal = async (signal) => {
    await stopWorkerd(live.child);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const filter = process.argv[2];
  let started;
  try {
    const env = await testbedEnv();
    const tls = Boolean(env.MINIO_TEST_TLS_PORT && env.MINIO_TEST_CA);
    const dir = live.dir = await mkdtemp(join(tmpdir(), "minio-edge-workerd-suite-"));
    const npmBuild = await buildPackage(dir);

    const excluded = new Set(EXCLUDED_FILES.map((x) => x.file));
    const files = (await readdir(TEST_DIR)).filter((f) => f.endsWith("_test.ts")).sort();
    for (const f of files.filter((f) => excluded.has(f))) {
      console.log(`skip ${f}: ${EXCLUDED_FILES.find((x) => x.file === f).why}`);
    }
    const toRun = files.filter((f) => !excluded.has(f));
    const bundled = await bundle(dir, toRun, npmBuild);
    const wrong = await checkBundle(dir, bundled);
    if (wrong.length) failed++;
    else passed++;
    console.log(
      `${wrong.length ? "FAIL" : "ok  "} bundle: the package's workerd build and its ` +
        `argon2id.wasm, no WebAssembly from bytes${
          wrong.length ? `\n     ${wrong.join("\n     ")}` : ""
        }`,
    );
    for (const w of bundled.wasm) {
      await copyFile(join(dir, "node_modules", PACKAGE_NAME, w), join(dir, w));
    }
    // The test bed's CA, and those of the extra test beds (KES's, say).
    const caFiles = [];
    const caPaths = Object.entries(env).filter(([k, v]) => /^MINIO_TEST_(\w+_)?CA$/.test(k) && v);
    for (const [i, [, path]] of caPaths.entries()) {
      if (!existsSync(path)) continue;
      caFiles.push(`ca${i}.pem`);
      await copyFile(path, join(dir, `ca${i}.pem`));
    }
    await writeFile(
      join(dir, "config.capnp"),
      suiteConfig({ ...bundled, bindings: env, caFiles }),
    );

    try {
      started = await startWorkerd(dir, "http", (child) => live.child = child);
    } catch (e) {
      console.log(`${e.message}\n--- workerd output ---\n${e.output?.text.trimEnd() ?? ""}`);
      failed++;
      return;
    }
    // workerd read the config and every embedded file at startup; removing
    // them now keeps the credentials off disk even if this runner is killed.
    await rm(dir, { recursive: true, force: true });
    live.dir = undefined;
    if (!tls) console.log("note: MINIO_TEST_TLS_PORT or MINIO_TEST_CA not set: [tls] tests fail");

    for (const f of toRun) {
      const [p, fl] = await runFile(started.port, f, filter);
      passed += p;
      failed += fl;
      if (started.child.exitCode !== null || started.child.signalCode !== null) {
        console.log(`workerd died while running ${f}`);
        failed++;
        break;
      }
    }
    if (failed && started.output.text.trim()) {
      console.log(`--- workerd output (last lines) ---\n${started.output.text.trimEnd()}`);
    }
  } catch (e) {
    console.log(`workerd suite could not run: ${e instanceof Error ? e.stack : e}`);
    failed++;
  } finally {
    await stopWorkerd(live.child);
    await esbuild.stop();
    if (live.dir) await rm(live.dir, { recursive: true, force: true });
    live.dir = undefined;
    console.log(`workerd: ${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
}

await main();

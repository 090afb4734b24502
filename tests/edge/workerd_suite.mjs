/**
 * The whole integration suite inside workerd (the Cloudflare Workers
 * runtime). esbuild bundles every tests/integration/*_test.ts and the Worker
 * tests/edge/workerd_suite_worker.mjs in one run with code splitting, as a
 * Worker's bundler would bundle the package's source, with
 * `tests/harness.ts` swapped for tests/edge/workerd_harness.mjs, which only
 * collects tests. One workerd serves them all (the Worker runs one file per
 * request) against the test bed's MinIO over HTTP and TLS (workerd trusting
 * the test bed's CA). wasm/argon2id.wasm is embedded as a `.wasm` module and
 * registered with `setArgon2WasmModule` for the admin tests.
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
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import * as esbuild from "esbuild";
import { capnpText, ROOT, startWorkerd, stopWorkerd, testbedEnv } from "./workerd_process.mjs";

const HERE = join(ROOT, "tests/edge");
const TEST_DIR = join(ROOT, "tests/integration");
const WASM = join(ROOT, "wasm/argon2id.wasm");
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
];

/** Whether the argon2 WASM set-up has been reported (once, by the first admin file). */
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
 * The module that registers the argon2 WASM before any test runs, imported
 * by the Worker as ./workerd_setup.mjs. Without wasm/argon2id.wasm, or
 * without `setArgon2WasmModule` exported from mod.ts, it says so and the
 * admin code uses its JavaScript fallback.
 */
function setupModule(withWasm) {
  if (!withWasm) return `export const argon2Status = async () => "no wasm/argon2id.wasm";\n`;
  return `import * as sdk from "./mod.ts";
import argon2 from "./argon2id.wasm";
const registered = typeof sdk.setArgon2WasmModule === "function";
if (registered) sdk.setArgon2WasmModule(argon2);
export async function argon2Status() {
  if (!registered) return "setArgon2WasmModule is not exported from mod.ts: admin code uses its fallback";
  const backend = typeof sdk.argon2Backend === "function" ? await sdk.argon2Backend() : "not reported";
  return "wasm module registered, backend " + backend;
}
`;
}

/**
 * Swaps tests/harness.ts for the workerd harness, wherever it is imported
 * from, and supplies the generated setup module. `.wasm` imports stay
 * imports of the module registered in the workerd config.
 */
function suitePlugin(withWasm) {
  return {
    name: "workerd-suite",
    setup(build) {
      const harness = join(ROOT, "tests/harness.ts");
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.path.endsWith(".wasm")) return { path: args.path, external: true };
        if (args.path === "./workerd_setup.mjs") return { path: "setup", namespace: "suite" };
        if (resolve(args.resolveDir, args.path) !== harness) return undefined;
        return { path: join(HERE, "workerd_harness.mjs") };
      });
      build.onLoad({ filter: /^setup$/, namespace: "suite" }, () => ({
        contents: setupModule(withWasm),
        resolveDir: ROOT,
        loader: "js",
      }));
    },
  };
}

/**
 * Bundles the Worker and every test file in one esbuild run with code
 * splitting, so they share one copy of each source module: a test that
 * imports an internal module (src/admin/transport.ts, say) throws the same
 * error classes that mod.ts exports, and the setup registers the WASM in the
 * copy the admin code uses. Returns the output files, paths relative to `dir`.
 */
async function bundle(dir, testFiles, withWasm) {
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
    mainFields: ["module", "main"],
    // Provided by workerd's nodejs_compat.
    external: ["node:*"],
    plugins: [suitePlugin(withWasm)],
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.outputs).map((p) => toPosix(relative(dir, resolve(ROOT, p))));
}

function workerdConfig({ outputs, bindings, caFiles, withWasm }) {
  const cas = caFiles.map((f) => `embed ${capnpText(f)}`).join(", ");
  const tlsOptions = cas ? `, tlsOptions = (trustedCertificates = [ ${cas} ])` : "";
  // The Worker first: workerd takes the first module as the main one.
  const main = "tests/edge/workerd_suite_worker.js";
  const modules = [main, ...outputs.filter((o) => o !== main)]
    .map((o) => `(name = ${capnpText(o)}, esModule = embed ${capnpText(o)})`);
  if (withWasm) {
    modules.push(`(name = "tests/edge/argon2id.wasm", wasm = embed "tests/edge/argon2id.wasm")`);
  }
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .suiteWorker),
    (name = "net", network = (allow = ["public", "private", "local"]${tlsOptions})),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const suiteWorker :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")},
  ],
  compatibilityDate = ${capnpText(COMPATIBILITY_DATE)},
  compatibilityFlags = ["nodejs_compat"],
  globalOutbound = "net",
  bindings = [(name = "TESTBED", json = ${capnpText(JSON.stringify(bindings))})],
);
`;
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
        // Once setArgon2WasmModule exists, the WASM must run from the .wasm
        // module: a silent fallback to JavaScript would be a regression.
        argon2Checked = true;
        if (!e.argon2.startsWith("wasm module registered")) {
          console.log(`note argon2: ${e.argon2}`);
        } else {
          const wasm = e.argon2.endsWith("backend wasm");
          if (wasm) passed++;
          else failed++;
          console.log(`${wasm ? "ok  " : "FAIL"} argon2 WASM from a .wasm module: ${e.argon2}`);
        }
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
    const withWasm = existsSync(WASM);
    const dir = live.dir = await mkdtemp(join(tmpdir(), "minio-edge-workerd-suite-"));

    const excluded = new Set(EXCLUDED_FILES.map((x) => x.file));
    const files = (await readdir(TEST_DIR)).filter((f) => f.endsWith("_test.ts")).sort();
    for (const f of files.filter((f) => excluded.has(f))) {
      console.log(`skip ${f}: ${EXCLUDED_FILES.find((x) => x.file === f).why}`);
    }
    const toRun = files.filter((f) => !excluded.has(f));
    const outputs = await bundle(dir, toRun, withWasm);
    if (withWasm) await copyFile(WASM, join(dir, "tests/edge/argon2id.wasm"));
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
      workerdConfig({ outputs, bindings: env, caFiles, withWasm }),
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

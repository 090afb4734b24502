/**
 * Smoke test of the npm bundle inside workerd (the Cloudflare Workers
 * runtime): builds npm/dist-style bundles into a temp folder, serves
 * tests/edge/smoke_worker.mjs with them from node_modules/.bin/workerd, and
 * has the Worker run the quickstart operations against the test bed's MinIO,
 * over HTTP and over TLS (workerd trusting the test bed's CA).
 *
 *   bash scripts/testbed.sh start   # once
 *   node tests/edge/workerd_smoke.mjs
 *
 * Reads MINIO_TEST_* from the environment, else from .testbed/env. Prints one
 * line per check and `edge: N passed, N failed`; exits non-zero on a failure
 * or when workerd does not start.
 *
 * @module
 */

import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, rmSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const WORKERD = join(ROOT, "node_modules/.bin/workerd");
// Fixed, so it is never in the future and never newer than the workerd build.
const COMPATIBILITY_DATE = "2025-01-01";
const START_TIMEOUT_MS = 20_000;
const RUN_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 5_000;

/** The test bed's variables: the process environment first, then .testbed/env. */
async function testbedEnv() {
  const env = {};
  try {
    const text = await readFile(join(ROOT, ".testbed/env"), "utf8");
    for (const m of text.matchAll(/^(?:export\s+)?(MINIO_TEST_\w+)=(.*)$/gm)) {
      env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
    }
  } catch {
    // No file: the environment has to provide everything.
  }
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith("MINIO_TEST_")) env[k] = v;
  for (const k of ["MINIO_TEST_PORT", "MINIO_TEST_ACCESS_KEY", "MINIO_TEST_SECRET_KEY"]) {
    if (!env[k]) throw new Error(`${k} not set; start the test bed: bash scripts/testbed.sh start`);
  }
  return env;
}

/** Builds the bundles with npm/build.ts (through tsx) into `outDir`. */
async function buildBundle(outDir) {
  const { tsImport } = await import("tsx/esm/api");
  const build = await tsImport(pathToFileURL(join(ROOT, "npm/build.ts")).href, import.meta.url);
  return await build.buildBundles({ outDir });
}

/** A Cap'n Proto text literal. */
const capnpText = (s) => JSON.stringify(s);

function workerdConfig({ bindings, tls }) {
  const tlsOptions = tls ? `, tlsOptions = (trustedCertificates = [ embed "ca.pem" ])` : "";
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "net", network = (allow = ["public", "private", "local"]${tlsOptions})),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const smokeWorker :Workerd.Worker = (
  modules = [
    # Named as in the source tree: the Worker imports "../../mod.ts".
    (name = "tests/edge/smoke_worker.mjs", esModule = embed "smoke_worker.mjs"),
    (name = "mod.ts", esModule = embed "mod.js"),
  ],
  compatibilityDate = ${capnpText(COMPATIBILITY_DATE)},
  globalOutbound = "net",
  bindings = [(name = "MINIO", json = ${capnpText(JSON.stringify(bindings))})],
);
`;
}

/** What must not outlive this process: workerd and the temp folder. */
const live = { child: undefined, dir: undefined };

// Last resort when the runner dies abruptly (an uncaught error such as EPIPE
// on stdout, process.exit): only synchronous calls work here.
process.on("exit", () => {
  if (live.child && live.child.exitCode === null && live.child.signalCode === null) {
    live.child.kill("SIGKILL");
  }
  if (live.dir) rmSync(live.dir, { recursive: true, force: true });
});

/**
 * The command that starts workerd. Through util-linux `setpriv --pdeathsig`
 * when there is one: it execs workerd (same PID) with a parent-death signal,
 * so even a SIGKILLed runner leaves no workerd behind.
 */
function workerdCommand(args) {
  const setpriv = (process.env.PATH ?? "").split(":").map((d) => join(d, "setpriv"))
    .find((p) => existsSync(p));
  return setpriv ? [setpriv, ["--pdeathsig", "KILL", "--", WORKERD, ...args]] : [WORKERD, args];
}

/**
 * Starts workerd on a port it picks itself and reports over --control-fd, so
 * no free-port race. Resolves `{ child, port, output }`.
 */
function startWorkerd(dir) {
  const [command, args] = workerdCommand(["serve", "config.capnp", "--control-fd=3"]);
  const child = spawn(command, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  live.child = child;
  const output = { text: "" };
  const keep = (chunk) => {
    output.text = (output.text + chunk).slice(-20_000);
  };
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  return new Promise((resolvePort, reject) => {
    let control = "";
    const fail = (message) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(message), { child, output }));
    };
    const timer = setTimeout(
      () => fail(`workerd did not listen within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.on("error", (e) => fail(`workerd could not be spawned: ${e.message}`));
    child.on(
      "exit",
      (code, signal) => fail(`workerd exited early (code ${code}, signal ${signal})`),
    );
    child.stdio[3].setEncoding("utf8").on("data", (chunk) => {
      control += chunk;
      for (const line of control.split("\n")) {
        try {
          const msg = JSON.parse(line);
          if (msg.event === "listen" && msg.socket === "http") {
            clearTimeout(timer);
            resolvePort({ child, port: msg.port, output });
          }
        } catch {
          // An incomplete line; the rest comes with the next chunk.
        }
      }
    });
  });
}

/** Stops workerd: SIGTERM, then SIGKILL if it is still there after a while. */
async function stopWorkerd(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** A loopback port nothing listens on (one that was free a moment ago). */
function closedPort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer().on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Has the Worker run the checks over one transport; any trouble is a failed check. */
async function runTransport(port, transport) {
  const url = `http://127.0.0.1:${port}/run?transport=${transport}`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(RUN_TIMEOUT_MS) });
    const body = await res.text();
    if (!res.ok) {
      return [{ name: "worker response", ok: false, detail: `HTTP ${res.status}: ${body}` }];
    }
    const { checks, cleanup } = JSON.parse(body);
    return cleanup ? [...checks, { note: cleanup }] : checks;
  } catch (e) {
    return [{ name: "worker response", ok: false, detail: `${e.name}: ${e.message}` }];
  }
}

async function main() {
  let passed = 0;
  let failed = 0;
  const onSignal = async (signal) => {
    await stopWorkerd(live.child);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    const env = await testbedEnv();
    const tls = env.MINIO_TEST_TLS_PORT && env.MINIO_TEST_CA;
    const dir = live.dir = await mkdtemp(join(tmpdir(), "minio-edge-workerd-"));
    await buildBundle(dir);
    await copyFile(join(HERE, "smoke_worker.mjs"), join(dir, "smoke_worker.mjs"));
    if (tls) await copyFile(env.MINIO_TEST_CA, join(dir, "ca.pem"));
    const bindings = {
      host: env.MINIO_TEST_HOST || "127.0.0.1",
      port: Number(env.MINIO_TEST_PORT),
      tlsPort: tls ? Number(env.MINIO_TEST_TLS_PORT) : undefined,
      closedPort: await closedPort(),
      accessKey: env.MINIO_TEST_ACCESS_KEY,
      secretKey: env.MINIO_TEST_SECRET_KEY,
    };
    await writeFile(join(dir, "config.capnp"), workerdConfig({ bindings, tls }));

    let started;
    try {
      started = await startWorkerd(dir);
    } catch (e) {
      console.log(`${e.message}\n--- workerd output ---\n${e.output?.text.trimEnd() ?? ""}`);
      failed++;
      return;
    }
    // workerd read the config and every embedded file at startup; removing
    // them now keeps the credentials off disk even if this runner is killed.
    await rm(dir, { recursive: true, force: true });

    if (!tls) console.log("skip tls: MINIO_TEST_TLS_PORT or MINIO_TEST_CA not set");
    for (const transport of tls ? ["http", "tls"] : ["http"]) {
      for (const c of await runTransport(started.port, transport)) {
        if (c.note) {
          console.log(`note ${transport}: ${c.note}`);
          continue;
        }
        if (c.ok) passed++;
        else failed++;
        const detail = c.ok || !c.detail ? "" : ` (${c.detail})`;
        console.log(`${c.ok ? "ok  " : "FAIL"} ${transport}: ${c.name}${detail}`);
      }
    }
    if (failed && started.output.text.trim()) {
      console.log(`--- workerd output ---\n${started.output.text.trimEnd()}`);
    }
  } catch (e) {
    console.log(`edge smoke test could not run: ${e instanceof Error ? e.message : e}`);
    failed++;
  } finally {
    await stopWorkerd(live.child);
    if (live.dir) await rm(live.dir, { recursive: true, force: true });
    live.dir = undefined;
    console.log(`edge: ${passed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
}

await main();

/**
 * Smoke test of the npm bundles inside workerd (the Cloudflare Workers
 * runtime): builds the package's `workerd` build into a temp folder, serves
 * tests/edge/smoke_worker.mjs with it (mod.workerd.js, admin.workerd.js, the
 * chunk they share, and argon2id.wasm as a `wasm` module for its import) from
 * node_modules/.bin/workerd, and has the Worker run the quickstart operations
 * against the test bed's MinIO, over HTTP and over TLS (workerd trusting the
 * test bed's CA), and check that argon2 runs as WebAssembly.
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

import { createServer } from "node:net";
import { rmSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import {
  buildWorkerdBundle,
  capnpText,
  startWorkerd,
  stopWorkerd,
  testbedEnv,
  workerdConfig,
} from "./workerd_process.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
// Fixed, so it is never in the future and never newer than the workerd build.
const COMPATIBILITY_DATE = "2025-01-01";
const RUN_TIMEOUT_MS = 120_000;

function smokeConfig({ bindings, tls, files }) {
  return workerdConfig({
    modules: [
      // Named as in the source tree: the Worker imports "../../mod.ts" and "../../admin.ts".
      `(name = "tests/edge/smoke_worker.mjs", esModule = embed "smoke_worker.mjs")`,
      ...files.map(({ file, name }) =>
        `(name = ${capnpText(name)}, ${file.endsWith(".wasm") ? "wasm" : "esModule"} = embed ${
          capnpText(file)
        })`
      ),
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    bindingName: "MINIO",
    bindings,
    caFiles: tls ? ["ca.pem"] : [],
  });
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
    const files = await buildWorkerdBundle(dir);
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
    await writeFile(join(dir, "config.capnp"), smokeConfig({ bindings, tls, files }));

    let started;
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

/**
 * Starting and stopping node_modules/.bin/workerd for the edge tests, and
 * reading the test bed's variables. workerd is started directly (not through
 * npx) so the child's PID is workerd's own and killing it leaves nothing
 * behind.
 *
 * @module
 */

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(HERE, "../..");
const WORKERD = join(ROOT, "node_modules/.bin/workerd");
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The test bed's MINIO_TEST_* variables: the environment first, then
 * .testbed/env and the extra test beds' .testbed/*.env (pair, KES, LDAP).
 */
export async function testbedEnv() {
  const env = {};
  const dir = join(ROOT, ".testbed");
  const files = await readdir(dir).catch(() => []);
  for (const f of files.filter((f) => f === "env" || f.endsWith(".env")).sort()) {
    const text = await readFile(join(dir, f), "utf8").catch(() => "");
    for (const m of text.matchAll(/^(?:export\s+)?(MINIO_TEST_\w+)=(.*)$/gm)) {
      env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2").replace(/^\$HOME\b/, process.env.HOME);
    }
  }
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith("MINIO_TEST_")) env[k] = v;
  for (const k of ["MINIO_TEST_PORT", "MINIO_TEST_ACCESS_KEY", "MINIO_TEST_SECRET_KEY"]) {
    if (!env[k]) throw new Error(`${k} not set; start the test bed: bash scripts/testbed.sh start`);
  }
  return env;
}

/**
 * Builds the bundle that serves the `workerd` condition with npm/build.ts
 * (through tsx) into `outDir`: its entries, their chunk and the argon2id.wasm
 * they import. Returns each file (relative to `outDir`) with its module name
 * in workerd: an entry is named after its source (`mod.ts`, `admin.ts`), as
 * the Worker imports it; the rest keep their paths in the package, where the
 * entries' relative imports point.
 */
export async function buildWorkerdBundle(outDir) {
  const { tsImport } = await import("tsx/esm/api");
  const load = (f) => tsImport(pathToFileURL(join(ROOT, f)).href, import.meta.url);
  const [build, spec] = [await load("npm/build.ts"), await load("npm/spec.ts")];
  const workerd = build.BUNDLES.find((b) => b.conditions.includes("workerd"));
  const built = await build.buildBundles({ outDir, bundles: [workerd] });
  const sources = new Map(spec.ENTRIES.map((e) => [spec.entryFile(workerd, e), e.source]));
  return built.map((f) => {
    const file = relative(outDir, f.path).split(sep).join("/");
    return { file, name: sources.get(file) ?? file };
  });
}

/** A Cap'n Proto text literal. */
export const capnpText = (s) => JSON.stringify(s);

/**
 * A workerd config: one Worker on a loopback socket (port 0, printed by
 * workerd) whose outbound requests go to the network, with the test bed's
 * endpoints as a JSON binding.
 *
 * @param {object} worker
 * @param {string[]} worker.modules Cap'n Proto module entries, the main one first.
 * @param {string} worker.compatibilityDate
 * @param {string[]} [worker.compatibilityFlags]
 * @param {string} [worker.bindingName] Name of the JSON binding, if any.
 * @param {unknown} [worker.bindings] Its value.
 * @param {Record<string, string>} [worker.textBindings] Text bindings (a Worker's vars and secrets).
 * @param {string[]} [worker.caFiles] CA certificates to trust, files beside the config.
 */
export function workerdConfig({
  modules,
  compatibilityDate,
  compatibilityFlags = [],
  bindingName,
  bindings,
  textBindings = {},
  caFiles = [],
}) {
  const bound = Object.entries(textBindings).map(([name, value]) =>
    `(name = ${capnpText(name)}, text = ${capnpText(value)})`
  );
  if (bindingName) {
    bound.push(`(name = ${capnpText(bindingName)}, json = ${capnpText(JSON.stringify(bindings))})`);
  }
  const cas = caFiles.map((f) => `embed ${capnpText(f)}`).join(", ");
  const tlsOptions = cas ? `, tlsOptions = (trustedCertificates = [ ${cas} ])` : "";
  const flags = compatibilityFlags.length
    ? `\n  compatibilityFlags = [${compatibilityFlags.map(capnpText).join(", ")}],`
    : "";
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .testWorker),
    (name = "net", network = (allow = ["public", "private", "local"]${tlsOptions})),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);

const testWorker :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")},
  ],
  compatibilityDate = ${capnpText(compatibilityDate)},${flags}
  globalOutbound = "net",
  bindings = [${bound.join(", ")}],
);
`;
}

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
 * Starts `workerd serve config.capnp` in `dir` on a port it picks itself and
 * reports over --control-fd, so there is no free-port race. Resolves
 * `{ child, port, output }`; `output.text` keeps the last 20 kB workerd printed.
 * `onChild` gets the child as soon as it exists, so a caller can kill it
 * even when the start fails.
 */
export function startWorkerd(dir, socket, onChild) {
  const [command, args] = workerdCommand(["serve", "config.capnp", "--control-fd=3"]);
  const child = spawn(command, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  onChild?.(child);
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
    child.on("exit", (code, signal) => fail(`workerd exited (code ${code}, signal ${signal})`));
    child.stdio[3].setEncoding("utf8").on("data", (chunk) => {
      control += chunk;
      for (const line of control.split("\n")) {
        try {
          const msg = JSON.parse(line);
          if (msg.event === "listen" && msg.socket === socket) {
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
export async function stopWorkerd(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

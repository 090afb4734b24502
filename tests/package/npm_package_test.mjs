/**
 * The packages as users get them. Builds npm/dist into a temp folder, packs
 * it with `npm pack`, and checks the tarball: its files, a package.json with
 * zero dependencies and every `exports` condition, the `workerd` bundle
 * taking the argon2id WebAssembly from its `argon2id.wasm` import (no
 * inlined bytes, no compile call), publint and @arethetypeswrong/cli with
 * nothing to report. Then two scratch projects
 * `npm install` the tarball (offline: it has no dependencies to fetch) and
 * run tests/package/quickstart.mjs against the test bed's MinIO, one with
 * Node and one with Bun; the Node one also type-checks the quickstart
 * against the installed declarations, and esbuild resolves the installed
 * package to the workerd bundle with the conditions wrangler sets, to the
 * other one for Node. Last, `deno publish --dry-run` must
 * pass for JSR with no slow-types diagnostic.
 *
 *   node tests/package/npm_package_test.mjs
 *
 * Needs the test bed (bash scripts/testbed.sh start). Prints one line per
 * check and ends with "npm-package: N passed, N failed".
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const BIN = join(ROOT, "node_modules/.bin");
const CONDITIONS = ["types", "workerd", "browser", "deno", "bun", "node", "default"];
/** The file each `exports["."]` condition must point to. */
const TARGETS = {
  types: "./mod.d.ts",
  workerd: "./mod.workerd.js",
  browser: "./mod.js",
  deno: "./mod.js",
  bun: "./mod.js",
  node: "./mod.js",
  default: "./mod.js",
};
const PACKED_FILES = [
  "LICENSE",
  "README.md",
  "argon2id.wasm",
  "mod.d.ts",
  "mod.js",
  "mod.js.map",
  "mod.workerd.js",
  "mod.workerd.js.map",
  "package.json",
];
// What wrangler (and Cloudflare's Vite plugin) resolve packages with.
const WORKERS_CONDITIONS = ["workerd", "worker", "browser"];
// The start of the base64 of "\0asm", the WebAssembly magic.
const WASM_BASE64_MARKER = "AGFzbQ";
// JSR diagnostics tolerated: none (the file helpers look node:fs/promises up
// through process.getBuiltinModule, which leaves nothing to analyze).
const JSR_ALLOWED_WARNINGS = new Set([]);
const STEP_TIMEOUT_MS = 180_000;

/** Temp folders to remove however the run ends. */
const temps = [];
process.on("exit", () => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
const tempDir = async (name) => {
  const dir = await mkdtemp(join(tmpdir(), `minio-edge-${name}-`));
  temps.push(dir);
  return dir;
};

/** Runs a command; resolves its exit code and combined output. Killed after a timeout. */
function run(command, args, { cwd = ROOT, env = {}, timeoutMs = STEP_TIMEOUT_MS } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const keep = (chunk) => (out += chunk);
    child.stdout.setEncoding("utf8").on("data", keep);
    child.stderr.setEncoding("utf8").on("data", keep);
    const timer = setTimeout(() => {
      out += `\n(killed after ${timeoutMs} ms)`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      done({ code: -1, out: `${out}\n${e.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code: code ?? signal, out });
    });
  });
}

/** Throws with the command's output when it did not exit 0. */
async function runOk(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.code}:\n${result.out.trim()}`);
  }
  return result.out;
}

/** The test bed's MINIO_TEST_* variables: the environment first, then .testbed/env. */
async function testbedEnv() {
  const env = {};
  const text = await readFile(join(ROOT, ".testbed/env"), "utf8").catch(() => "");
  for (const m of text.matchAll(/^(?:export\s+)?(MINIO_TEST_\w+)=(.*)$/gm)) {
    env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
  }
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith("MINIO_TEST_")) env[k] = v;
  for (const k of ["MINIO_TEST_PORT", "MINIO_TEST_ACCESS_KEY", "MINIO_TEST_SECRET_KEY"]) {
    if (!env[k]) throw new Error(`${k} not set; start the test bed: bash scripts/testbed.sh start`);
  }
  return env;
}

let passed = 0;
let failed = 0;

/** Runs one check; a thrown error fails it. Returns what `fn` returned. */
async function check(name, fn) {
  try {
    const value = await fn();
    passed++;
    console.log(`ok   ${name}`);
    return value;
  } catch (e) {
    failed++;
    const detail = e instanceof Error ? e.message : String(e);
    console.log(`FAIL ${name}: ${detail.split("\n").slice(0, 40).join("\n")}`);
    return undefined;
  }
}

const sameList = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

async function buildAndPack() {
  const dist = join(await tempDir("dist"), "dist");
  const { tsImport } = await import("tsx/esm/api");
  const build = await tsImport(pathToFileURL(join(ROOT, "npm/build.ts")).href, import.meta.url);
  await build.buildPackage({ outDir: dist });
  const packDir = await tempDir("pack");
  const out = await runOk("npm", ["pack", dist, "--pack-destination", packDir, "--json"]);
  const [info] = JSON.parse(out.slice(out.indexOf("[")));
  return { tarball: join(packDir, info.filename), files: info.files.map((f) => f.path) };
}

/** The tarball unpacked once; its `package/` folder. */
let unpacked;
async function unpack(tarball) {
  if (!unpacked) {
    const dir = await tempDir("unpacked");
    await runOk("tar", ["-xzf", tarball, "-C", dir]);
    unpacked = join(dir, "package");
  }
  return unpacked;
}

async function checkManifest(tarball) {
  const dir = await unpack(tarball);
  const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
    if (pkg[field] && Object.keys(pkg[field]).length) {
      throw new Error(`package.json has ${field}: ${JSON.stringify(pkg[field])}`);
    }
  }
  if (pkg.bundleDependencies || pkg.bundledDependencies) throw new Error("bundled dependencies");
  const { version } = JSON.parse(await readFile(join(ROOT, "deno.json"), "utf8"));
  const expect = { name: "minio-edge", version, type: "module", sideEffects: false };
  for (const [k, v] of Object.entries(expect)) {
    if (pkg[k] !== v) throw new Error(`package.json ${k} is ${JSON.stringify(pkg[k])}, not ${v}`);
  }
  const conditions = Object.keys(pkg.exports?.["."] ?? {});
  if (conditions.join() !== CONDITIONS.join()) {
    throw new Error(`exports["."] conditions are ${conditions.join()}, not ${CONDITIONS.join()}`);
  }
  for (const [condition, target] of Object.entries(TARGETS)) {
    const got = pkg.exports["."][condition];
    if (got !== target) throw new Error(`exports["."].${condition} is ${got}, not ${target}`);
  }
}

/**
 * The workerd bundle imports `./argon2id.wasm` (a `WebAssembly.Module` on
 * Workers), carries neither the base64 bytes nor a compile call, and the
 * packed .wasm is wasm/argon2id.wasm; the other bundle still inlines it.
 */
async function checkWorkerdBundle(tarball) {
  const dir = await unpack(tarball);
  const workerd = await readFile(join(dir, "mod.workerd.js"), "utf8");
  // Static imports anywhere in the minified code: `import x from"…"`,
  // `import{a as b}from"…"`, `import"…"` (not `import(…)`).
  const imports = [
    ...workerd.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?"([^"]+)"/g),
  ].map((m) => m[1]);
  if (imports.join() !== "./argon2id.wasm") {
    throw new Error(`mod.workerd.js imports ${JSON.stringify(imports)}, not ["./argon2id.wasm"]`);
  }
  if (workerd.includes(WASM_BASE64_MARKER)) {
    throw new Error(`mod.workerd.js holds the WebAssembly as base64 (${WASM_BASE64_MARKER})`);
  }
  if (workerd.includes("WebAssembly.compile")) {
    throw new Error("mod.workerd.js calls WebAssembly.compile");
  }
  if (!(await readFile(join(dir, "mod.js"), "utf8")).includes(WASM_BASE64_MARKER)) {
    throw new Error("mod.js lacks the inlined argon2id WebAssembly");
  }
  const packed = await readFile(join(dir, "argon2id.wasm"));
  if (!packed.equals(await readFile(join(ROOT, "wasm/argon2id.wasm")))) {
    throw new Error("the packed argon2id.wasm is not wasm/argon2id.wasm");
  }
  const names = WebAssembly.Module.exports(await WebAssembly.compile(packed)).map((e) => e.name);
  if (!sameList(names, ["memory", "argon2_alloc", "argon2_run"])) {
    throw new Error(`argon2id.wasm exports ${names.join(", ")}`);
  }
}

/**
 * What a bundler makes of `import "minio-edge"` in the installed project:
 * with the conditions wrangler sets, the workerd bundle; for Node, mod.js.
 */
async function checkResolution(dir) {
  const esbuild = await import("esbuild");
  const resolveWith = async (options) => {
    let resolved;
    await esbuild.build({
      stdin: { contents: 'import "minio-edge";', resolveDir: dir },
      bundle: true,
      write: false,
      logLevel: "silent",
      ...options,
      plugins: [{
        name: "resolve-only",
        setup(build) {
          build.onResolve({ filter: /^minio-edge$/ }, async (args) => {
            if (args.pluginData === "inner") return undefined;
            const r = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: "inner",
            });
            resolved = r.path;
            return { path: r.path, external: true };
          });
        },
      }],
    });
    return resolved?.slice(dir.length + 1).split("\\").join("/");
  };
  const workers = await resolveWith({
    platform: "neutral",
    conditions: WORKERS_CONDITIONS,
  });
  if (workers !== "node_modules/minio-edge/mod.workerd.js") {
    throw new Error(`with conditions ${WORKERS_CONDITIONS.join(", ")}: ${workers}`);
  }
  const node = await resolveWith({ platform: "node" });
  if (node !== "node_modules/minio-edge/mod.js") throw new Error(`for Node: ${node}`);
}

/** A scratch project with the tarball installed the way a user installs it. */
async function scratchProject(name, tarball) {
  const dir = await tempDir(name);
  await writeFile(
    join(dir, "package.json"),
    JSON.stringify({ name: `scratch-${name}`, private: true, type: "module" }),
  );
  await runOk("npm", ["install", tarball, "--no-audit", "--no-fund", "--offline"], { cwd: dir });
  const installed = (await readdir(join(dir, "node_modules"))).filter((n) => !n.startsWith("."));
  if (!sameList(installed, ["minio-edge"])) {
    throw new Error(`npm installed ${installed.join(", ")}, expected minio-edge alone`);
  }
  await copyFile(join(HERE, "quickstart.mjs"), join(dir, "quickstart.mjs"));
  return dir;
}

/** Runs the quickstart in `dir`; its output must end with "quickstart ok". */
async function quickstart(command, dir, env) {
  const out = await runOk(command, ["quickstart.mjs"], { cwd: dir, env });
  if (!/quickstart ok\s*$/.test(out)) throw new Error(`quickstart did not finish:\n${out}`);
}

/** `tsc --checkJs` over the quickstart, as a Node user's editor sees the package's types. */
async function typecheck(dir) {
  await mkdir(join(dir, "types"), { recursive: true });
  await runOk(process.execPath, [
    join(ROOT, "node_modules/typescript/bin/tsc"),
    ...["--noEmit", "--allowJs", "--checkJs", "--strict", "--skipLibCheck", "false"],
    ...["--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"],
    ...["--typeRoots", join(ROOT, "node_modules/@types"), "--types", "node"],
    "quickstart.mjs",
  ], { cwd: dir });
}

/** `deno publish --dry-run`: exit 0, no error, and no warning but the allowed ones. */
async function jsrDryRun() {
  const out = await runOk(join(BIN, "deno"), ["publish", "--dry-run", "--allow-dirty"]);
  // Slow types are errors (`error[missing-explicit-return-type]`, ...).
  const diagnostics = [...out.matchAll(/^(error|warning)\[([\w-]+)\]/gm)];
  const bad = diagnostics.filter(([, level, code]) =>
    level === "error" || !JSR_ALLOWED_WARNINGS.has(code)
  );
  if (bad.length) throw new Error(`deno publish reported:\n${out.trim()}`);
}

async function main() {
  let env;
  try {
    env = await testbedEnv();
  } catch (e) {
    console.log(`test bed: ${e.message}`);
  }
  const packed = await check("build npm/dist and npm pack it", buildAndPack);
  const tarball = packed?.tarball;
  await check("tarball holds exactly " + PACKED_FILES.join(", "), () => {
    if (!packed || !sameList(packed.files, PACKED_FILES)) {
      throw new Error(`packed ${packed?.files.join(", ")}`);
    }
  });
  await check(
    "package.json: zero dependencies, version, exports conditions and targets",
    () => checkManifest(tarball),
  );
  await check(
    "mod.workerd.js: argon2id from its argon2id.wasm import, no base64 bytes, no compile",
    () => checkWorkerdBundle(tarball),
  );
  await check("publint --strict reports nothing", async () => {
    const out = await runOk(join(BIN, "publint"), ["run", tarball, "--strict"]);
    if (!/All good!/.test(out)) throw new Error(out.trim());
  });
  // The package is ESM only, by design: the esm-only profile leaves out the
  // resolutions of require() (node10, node16 from CommonJS), and attw still
  // lists what it left out, marked "(ignored per resolution)".
  await check("attw --profile esm-only reports nothing", async () => {
    const out = await runOk(join(BIN, "attw"), [tarball, "--profile", "esm-only"]);
    const problems = out.split("\n").filter((l) => /arethetypeswrong\.github\.io\/blob/.test(l));
    if (problems.some((l) => !l.startsWith("(ignored per resolution)"))) {
      throw new Error(out.trim());
    }
  });
  const nodeDir = await check(
    "node project: npm install the tarball",
    () => scratchProject("node", tarball),
  );
  await check("node project: quickstart type-checks against mod.d.ts", () => typecheck(nodeDir));
  await check(
    `node project: esbuild resolves minio-edge to mod.workerd.js (${
      WORKERS_CONDITIONS.join(", ")
    }), ` +
      "mod.js (node)",
    () => checkResolution(nodeDir),
  );
  await check(
    "node project: node quickstart.mjs against MinIO",
    () => quickstart(process.execPath, nodeDir, env),
  );
  const bunDir = await check(
    "bun project: npm install the tarball",
    () => scratchProject("bun", tarball),
  );
  await check(
    "bun project: bun quickstart.mjs against MinIO",
    () => quickstart(join(BIN, "bun"), bunDir, env),
  );
  await check("jsr: deno publish --dry-run, no slow types, no warning", jsrDryRun);
}

try {
  await main();
} finally {
  console.log(`npm-package: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

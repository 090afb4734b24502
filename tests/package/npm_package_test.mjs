/**
 * The packages as users get them. Builds npm/dist into a temp folder, packs
 * it with `npm pack`, and checks the tarball: its files, a package.json with
 * zero dependencies and every `exports` condition of both entries (`.` and
 * `./admin`), the `workerd` build taking the argon2id WebAssembly from its
 * `argon2id.wasm` import (no inlined bytes, no compile call), the S3 entry
 * loading no admin code and no WebAssembly in either build, publint and
 * @arethetypeswrong/cli with nothing to report. Then two scratch projects
 * `npm install` the tarball (offline: it has no dependencies to fetch) and
 * run tests/package/quickstart.mjs and tests/package/admin_entry.mjs against
 * the test bed's MinIO, one with Node (and Deno, which takes the `.deno.js`
 * build) and one with Bun, and in each runtime tests/package/uncaught_error.mjs
 * must print its uncaught error with a short source line (readable code); the Node one also type-checks both scripts
 * against the installed declarations, and esbuild
 * resolves each entry of the installed package to its workerd bundle with
 * the conditions wrangler sets, to the other one for Node. Last,
 * `deno publish --dry-run` must pass for JSR with no slow-types diagnostic.
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
import { dirname, join, relative, resolve, sep } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const BIN = join(ROOT, "node_modules/.bin");
const CONDITIONS = ["types", "workerd", "browser", "deno", "bun", "node", "default"];
/** The entries: `exports` subpath, base name of its files, and the specifier that imports it. */
const ENTRIES = [
  { subpath: ".", name: "mod", specifier: "minio-edge" },
  { subpath: "./admin", name: "admin", specifier: "minio-edge/admin" },
  { subpath: "./minio-js", name: "minio-js", specifier: "minio-edge/minio-js" },
];
/** The file each `exports[subpath]` condition must point to. */
const targets = (name) => ({
  types: `./${name}.d.ts`,
  workerd: `./${name}.workerd.js`,
  browser: `./${name}.js`,
  deno: `./${name}.deno.js`,
  bun: `./${name}.js`,
  node: `./${name}.js`,
  default: `./${name}.js`,
});
/** Every packed file but the chunks. */
const PACKED_FILES = [
  "LICENSE",
  "README.md",
  "argon2id.wasm",
  "package.json",
  "types.d.ts",
  ...ENTRIES.flatMap(({ name }) => [
    `${name}.d.ts`,
    `${name}.js`,
    `${name}.js.map`,
    `${name}.workerd.js`,
    `${name}.workerd.js.map`,
    `${name}.deno.js`,
  ]),
];
/** The builds: their chunk folders. */
const BUILDS = ["default", "workerd", "deno"];
/** The chunks the entries of each build share, each with its source map (but Deno's). */
const CHUNK = /^chunks\/(default|workerd|deno)\/chunk-[A-Z0-9]+\.js(\.map)?$/;
/** What marks admin code in a bundle: the admin API's path. */
const ADMIN_MARKER = "/minio/admin/";
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
  const subpaths = Object.keys(pkg.exports ?? {});
  const expected = [...ENTRIES.map((e) => e.subpath), "./package.json"];
  if (!sameList(subpaths, expected)) {
    throw new Error(`exports has ${subpaths.join(", ")}, not ${expected.join(", ")}`);
  }
  for (const { subpath, name } of ENTRIES) {
    const conditions = Object.keys(pkg.exports[subpath]);
    if (conditions.join() !== CONDITIONS.join()) {
      throw new Error(
        `exports["${subpath}"] conditions are ${conditions.join()}, not ${CONDITIONS.join()}`,
      );
    }
    for (const [condition, target] of Object.entries(targets(name))) {
      const got = pkg.exports[subpath][condition];
      if (got !== target) {
        throw new Error(`exports["${subpath}"].${condition} is ${got}, not ${target}`);
      }
    }
  }
}

/**
 * The README's examples import the npm names, `.` and `./admin` alike
 * (npm/spec.ts forNpm), and so do the JSDoc examples in the declarations.
 */
async function checkReadme(tarball) {
  const dir = await unpack(tarball);
  for (const file of ["README.md", "types.d.ts"]) {
    const text = await readFile(join(dir, file), "utf8");
    const jsr = text.match(/from "@minio-edge\/minio[^"]*"/);
    if (jsr) throw new Error(`${file} imports ${jsr[0]}`);
  }
  const readme = await readFile(join(dir, "README.md"), "utf8");
  // The minio-js entry's guide is docs/migration-minio-js.md, not the README.
  for (const { specifier } of ENTRIES.filter((e) => e.subpath !== "./minio-js")) {
    if (!readme.includes(`from "${specifier}"`)) {
      throw new Error(`README.md never imports ${specifier}`);
    }
  }
}

/**
 * The files a module loads up front, itself first: it and every file it
 * imports statically (`import x from"…"`, `import{a as b}from"…"`,
 * `import"…"` in minified code; not `import(…)`), followed from file to file.
 * Returns their paths relative to `dir`, and each import that is not a
 * relative path or leaves the package.
 */
async function staticClosure(dir, file) {
  const files = [];
  const outside = [];
  const visit = async (rel) => {
    if (files.includes(rel)) return;
    files.push(rel);
    if (!rel.endsWith(".js")) return;
    const code = await readFile(join(dir, rel), "utf8");
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?"([^"]+)"/g)) {
      const target = relative(dir, resolve(dirname(join(dir, rel)), m[1])).split(sep).join("/");
      if (!m[1].startsWith(".") || target.startsWith("..")) outside.push(`${rel}: "${m[1]}"`);
      else await visit(target);
    }
  };
  await visit(file);
  return { files, outside };
}

/**
 * The S3 entry loads no admin code and no WebAssembly, in either build:
 * neither its file nor the chunks it imports hold the admin API's path or
 * the argon2id bytes, or import argon2id.wasm. The admin entry holds both
 * (the markers are live).
 */
async function checkEntriesApart(tarball) {
  const dir = await unpack(tarball);
  for (const file of ["mod.js", "mod.workerd.js", "mod.deno.js"]) {
    const { files } = await staticClosure(dir, file);
    for (const f of files) {
      if (!f.endsWith(".js")) throw new Error(`${file} imports ${f}`);
      const code = await readFile(join(dir, f), "utf8");
      if (code.includes(ADMIN_MARKER)) throw new Error(`${f} (loaded by ${file}) holds admin code`);
      if (code.includes(WASM_BASE64_MARKER)) throw new Error(`${f} (loaded by ${file}) holds WASM`);
    }
  }
  const admin = await readFile(join(dir, "admin.js"), "utf8");
  if (!admin.includes(ADMIN_MARKER)) throw new Error(`admin.js lacks "${ADMIN_MARKER}"`);
}

/**
 * The workerd build of the admin entry imports argon2id.wasm (a
 * `WebAssembly.Module` on Workers), and no workerd file imports anything but
 * the build's own files, carries the base64 bytes or calls compile; the
 * packed .wasm is wasm/argon2id.wasm. The other build still inlines it.
 */
async function checkWorkerdBundle(tarball) {
  const dir = await unpack(tarball);
  const { files, outside } = await staticClosure(dir, "admin.workerd.js");
  if (outside.length) throw new Error(`workerd files import ${outside.join(", ")}`);
  if (!files.includes("argon2id.wasm")) {
    throw new Error(`admin.workerd.js loads ${files.join(", ")}: not argon2id.wasm`);
  }
  const workerd = files.filter((f) => f.endsWith(".js"));
  if (workerd.some((f) => !/^(\w+\.workerd\.js|chunks\/workerd\/.*)$/.test(f))) {
    throw new Error(`admin.workerd.js loads files of another build: ${workerd.join(", ")}`);
  }
  const all = [
    ...ENTRIES.map(({ name }) => `${name}.workerd.js`),
    ...(await readdir(join(dir, "chunks/workerd"))).filter((f) => f.endsWith(".js"))
      .map((f) => `chunks/workerd/${f}`),
  ];
  for (const f of all) {
    const code = await readFile(join(dir, f), "utf8");
    if (code.includes(WASM_BASE64_MARKER)) {
      throw new Error(`${f} holds the WebAssembly as base64 (${WASM_BASE64_MARKER})`);
    }
    if (code.includes("WebAssembly.compile")) throw new Error(`${f} calls WebAssembly.compile`);
  }
  if (!(await readFile(join(dir, "admin.js"), "utf8")).includes(WASM_BASE64_MARKER)) {
    throw new Error("admin.js lacks the inlined argon2id WebAssembly");
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
 * What a bundler makes of `import "minio-edge"` and `import "minio-edge/admin"`
 * in the installed project: with the conditions wrangler sets, the workerd
 * bundles; for Node, mod.js and admin.js.
 */
async function checkResolution(dir) {
  const esbuild = await import("esbuild");
  const resolveWith = async (specifier, options) => {
    let resolved;
    await esbuild.build({
      stdin: { contents: `import ${JSON.stringify(specifier)};`, resolveDir: dir },
      bundle: true,
      write: false,
      logLevel: "silent",
      ...options,
      plugins: [{
        name: "resolve-only",
        setup(build) {
          build.onResolve({ filter: /^minio-edge(\/admin|\/minio-js)?$/ }, async (args) => {
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
  for (const { name, specifier } of ENTRIES) {
    const workers = await resolveWith(specifier, {
      platform: "neutral",
      conditions: WORKERS_CONDITIONS,
    });
    if (workers !== `node_modules/minio-edge/${name}.workerd.js`) {
      throw new Error(`${specifier} with conditions ${WORKERS_CONDITIONS.join(", ")}: ${workers}`);
    }
    const node = await resolveWith(specifier, { platform: "node" });
    if (node !== `node_modules/minio-edge/${name}.js`) {
      throw new Error(`${specifier} for Node: ${node}`);
    }
  }
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
  for (const script of SCRIPTS) await copyFile(join(HERE, script.file), join(dir, script.file));
  await copyFile(join(HERE, UNCAUGHT.file), join(dir, UNCAUGHT.file));
  return dir;
}

/** The scripts a scratch project runs, and the line each ends with. */
const SCRIPTS = [
  { file: "quickstart.mjs", last: "quickstart ok" },
  { file: "admin_entry.mjs", last: "admin entry ok" },
  { file: "minio_js_entry.mjs", last: "minio-js entry ok" },
];

/** A script that ends with an uncaught error, and what the runtime must print for it. */
const UNCAUGHT = {
  file: "uncaught_error.mjs",
  message: 'InvalidArgumentError: bucket name "b" must be 3 to 63 characters long',
  // The longest line printed: the source line of the throw site is about 90
  // characters; a minified bundle printed a line of several kilobytes.
  maxLine: 200,
  maxTotal: 4_000,
};

// Colour codes, in case a runtime colours its output despite NO_COLOR.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * Runs UNCAUGHT.file in `dir` (with `args` before it): it must fail, and
 * print the error by its class name and message, every line short (the
 * source line of the throw site, readable code) and little in all.
 */
async function checkUncaught(command, dir, { args = [] } = {}) {
  const { code, out } = await run(command, [...args, UNCAUGHT.file], { cwd: dir });
  const text = out.replace(ANSI, "");
  if (code === 0) throw new Error(`${UNCAUGHT.file} exited 0:\n${text}`);
  if (!text.includes(UNCAUGHT.message)) {
    throw new Error(`no "${UNCAUGHT.message}" in:\n${text.slice(0, 2_000)}`);
  }
  const longest = Math.max(...text.split("\n").map((l) => l.length));
  if (longest > UNCAUGHT.maxLine || text.length > UNCAUGHT.maxTotal) {
    throw new Error(
      `printed ${text.length} characters, longest line ${longest} ` +
        `(at most ${UNCAUGHT.maxTotal} and ${UNCAUGHT.maxLine}):\n${text.slice(0, 600)}`,
    );
  }
  if (!/\bthrow new InvalidArgumentError\(/.test(text)) {
    throw new Error(`no source line of the throw site in:\n${text}`);
  }
}

/**
 * Runs `script` in `dir` (with `args` before it); its output must end with
 * its last line, and name `resolved` where the script says what the package
 * resolved to.
 */
async function runScript(command, dir, env, script, { args = [], resolved = /\w\.js$/ } = {}) {
  const out = await runOk(command, [...args, script.file], { cwd: dir, env });
  if (!out.trimEnd().endsWith(script.last)) {
    throw new Error(`${script.file} did not finish:\n${out}`);
  }
  const line = out.split("\n").find((l) => l.startsWith("resolved "));
  if (!line || !resolved.test(line)) throw new Error(`${script.file}: ${line ?? out}`);
}

/** `tsc --checkJs` over the scripts, as a Node user's editor sees the package's types. */
async function typecheck(dir) {
  await mkdir(join(dir, "types"), { recursive: true });
  await runOk(process.execPath, [
    join(ROOT, "node_modules/typescript/bin/tsc"),
    ...["--noEmit", "--allowJs", "--checkJs", "--strict", "--skipLibCheck", "false"],
    ...["--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"],
    ...["--typeRoots", join(ROOT, "node_modules/@types"), "--types", "node"],
    ...SCRIPTS.map((s) => s.file),
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
  await check(`tarball holds exactly ${PACKED_FILES.join(", ")} and chunks`, () => {
    const files = packed?.files.filter((f) => !CHUNK.test(f));
    const chunks = packed?.files.filter((f) => CHUNK.test(f)) ?? [];
    if (!packed || !sameList(files, PACKED_FILES)) {
      throw new Error(`packed ${packed?.files.join(", ")}`);
    }
    for (const build of BUILDS) {
      if (!chunks.some((f) => f.startsWith(`chunks/${build}/`) && f.endsWith(".js"))) {
        throw new Error(`no chunk of the ${build} build in ${chunks.join(", ")}`);
      }
    }
    const denoMaps = chunks.filter((f) => f.startsWith("chunks/deno/") && f.endsWith(".map"));
    if (denoMaps.length) throw new Error(`the deno build has source maps: ${denoMaps.join(", ")}`);
  });
  await check(
    "package.json: zero dependencies, version, exports conditions and targets",
    () => checkManifest(tarball),
  );
  await check(
    "workerd build: argon2id from its argon2id.wasm import, no base64 bytes, no compile",
    () => checkWorkerdBundle(tarball),
  );
  await check(
    "mod.js, mod.workerd.js, mod.deno.js and the chunks they import: no admin code, no WebAssembly",
    () => checkEntriesApart(tarball),
  );
  await check(
    'README.md and types.d.ts import "minio-edge" and "minio-edge/admin", not the JSR names',
    () => checkReadme(tarball),
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
  await check(
    "node project: quickstart and admin entry type-check against mod.d.ts and admin.d.ts",
    () => typecheck(nodeDir),
  );
  await check(
    `node project: esbuild resolves minio-edge(/admin) to *.workerd.js (${
      WORKERS_CONDITIONS.join(", ")
    }), ` +
      "mod.js / admin.js (node)",
    () => checkResolution(nodeDir),
  );
  for (const script of SCRIPTS) {
    await check(
      `node project: node ${script.file} against MinIO`,
      () => runScript(process.execPath, nodeDir, env, script),
    );
  }
  await check(
    "node project: an uncaught InvalidArgumentError prints its name, message and a short source line",
    () => checkUncaught(process.execPath, nodeDir),
  );
  // Deno runs the same project from its node_modules, under the "deno" condition.
  for (const script of SCRIPTS) {
    await check(
      `node project: deno run ${script.file} against MinIO (the .deno.js build)`,
      () =>
        runScript(join(BIN, "deno"), nodeDir, env, script, {
          args: ["run", "-A"],
          resolved: /\/(mod|admin|minio-js)\.deno\.js$/,
        }),
    );
  }
  await check(
    "node project: deno run, an uncaught InvalidArgumentError prints a short source line",
    () => checkUncaught(join(BIN, "deno"), nodeDir, { args: ["run", "-A"] }),
  );
  const bunDir = await check(
    "bun project: npm install the tarball",
    () => scratchProject("bun", tarball),
  );
  for (const script of SCRIPTS) {
    await check(
      `bun project: bun ${script.file} against MinIO`,
      () => runScript(join(BIN, "bun"), bunDir, env, script),
    );
  }
  await check(
    "bun project: an uncaught InvalidArgumentError prints its name, message and a short source line",
    () => checkUncaught(join(BIN, "bun"), bunDir),
  );
  await check("jsr: deno publish --dry-run, no slow types, no warning", jsrDryRun);
}

try {
  await main();
} finally {
  console.log(`npm-package: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

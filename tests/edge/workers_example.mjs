/**
 * examples/workers inside workerd, built as wrangler builds it: the `main`
 * of its wrangler.toml bundled by esbuild with the Workers conditions, the
 * SDK taken from the npm package's `workerd` build (tests/edge/workerd_smoke
 * builds the same), and the package's argon2id.wasm import kept as a `wasm`
 * module (wrangler.toml's CompiledWasm rule). The [vars] of wrangler.toml
 * become text bindings, pointed at the test bed, and the keys the secrets.
 * Node then uses the Worker as a client would: presigns and PUTs an upload,
 * downloads it whole and by range through the Worker's stream, and lists
 * MinIO's users through its admin route.
 *
 *   bash scripts/testbed.sh start   # once
 *   node tests/edge/workers_example.mjs
 *
 * Prints one line per check and `edge: N passed, N failed`.
 *
 * @module
 */

import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import {
  buildWorkerdBundle,
  capnpText,
  ROOT,
  startWorkerd,
  stopWorkerd,
  testbedEnv,
  workerdConfig,
} from "./workerd_process.mjs";
import { checks, cleanupOnSignals, expect, same } from "../browser/chromium.mjs";
import { digestOf, removeBucket, streamDigest } from "../browser/objects.mjs";

const EXAMPLE = join(ROOT, "examples/workers");
const MiB = 1024 * 1024;
const STEP_TIMEOUT_MS = 60_000;

const live = { child: undefined, dir: undefined };
process.on("exit", () => {
  if (live.child && live.child.exitCode === null) live.child.kill("SIGKILL");
  if (live.dir) rmSync(live.dir, { recursive: true, force: true });
});
const { results, run: check } = checks(STEP_TIMEOUT_MS);

/** `main`, `compatibility_date` and the [vars] of a wrangler.toml (flat keys only). */
export function readWranglerToml(text) {
  const top = text.split(/^\[/m)[0];
  const value = (key, from) => from.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
  const varsSection = text.match(/^\[vars\]\n([\s\S]*?)(?=^\[|$(?![\s\S]))/m)?.[1] ?? "";
  const vars = Object.fromEntries(
    [...varsSection.matchAll(/^(\w+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1], m[2]]),
  );
  return {
    main: value("main", top),
    compatibilityDate: value("compatibility_date", top),
    wasmRule: /^\[\[rules\]\]\ntype = "CompiledWasm"\nglobs = \["\*\*\/\*\.wasm"\]/m.test(text),
    vars,
  };
}

/**
 * Bundles the Worker as wrangler would: the SDK's mod.ts and admin.ts
 * resolve to the package's workerd entries in `pkgDir`; `.wasm` stays an import.
 */
async function bundleWorker(main, pkgDir, files, outfile) {
  const entries = new Map(
    files.filter((f) => f.name.endsWith(".ts")).map((f) => [
      join(ROOT, f.name),
      join(pkgDir, f.file),
    ]),
  );
  await esbuild.build({
    entryPoints: [join(EXAMPLE, main)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    outfile,
    logLevel: "silent",
    plugins: [{
      name: "sdk-package",
      setup(build) {
        build.onResolve({ filter: /\.ts$/ }, (args) => {
          const target = entries.get(resolve(args.resolveDir, args.path));
          return target ? { path: target } : undefined;
        });
        build.onResolve({ filter: /\.wasm$/ }, (args) => ({
          path: `./${basename(args.path)}`,
          external: true,
        }));
      },
    }],
  });
}

async function runChecks(base, client, admin, bucket, user) {
  const data = randomBytes(8 * MiB + 5);
  const want = digestOf(data);

  await check("POST /uploads/<name>: a presigned URL the caller PUTs to", async () => {
    const res = await fetch(`${base}/uploads/${encodeURIComponent("dir/big file.bin")}`, {
      method: "POST",
    });
    same(res.status, 200, "status");
    const { url, expiresAt } = await res.json();
    expect(new URL(url).searchParams.get("X-Amz-Expires") === "900", `url ${url}`);
    expect(Date.parse(expiresAt) > Date.now(), `expiresAt ${expiresAt}`);
    const put = await fetch(url, { method: "PUT", body: data });
    await put.arrayBuffer();
    same(put.status, 200, "PUT status");
    same((await client.statObject(bucket, "dir/big file.bin")).size, data.length, "stored size");
  });

  await check("GET /files/<name>: the object streamed through the Worker", async () => {
    const res = await fetch(`${base}/files/${encodeURIComponent("dir/big file.bin")}`);
    same(res.status, 200, "status");
    same(res.headers.get("content-length"), String(data.length), "content-length");
    const stat = await client.statObject(bucket, "dir/big file.bin");
    same(res.headers.get("etag"), `"${stat.etag}"`, "etag");
    same(await streamDigest(res.body), want, "body");
  });

  await check("GET /files/<name> with Range: 206 with those bytes", async () => {
    const res = await fetch(`${base}/files/${encodeURIComponent("dir/big file.bin")}`, {
      headers: { range: "bytes=1000-1999" },
    });
    same(res.status, 206, "status");
    same(res.headers.get("content-range"), `bytes 1000-1999/${data.length}`, "content-range");
    same(Buffer.from(await res.arrayBuffer()).equals(data.subarray(1000, 2000)), true, "bytes");
  });

  await check("GET /files/<missing>: 404", async () => {
    const res = await fetch(`${base}/files/nothing-here`);
    await res.arrayBuffer();
    same(res.status, 404, "status");
  });

  await check(
    "GET /admin/users: MinioAdmin in the Worker, argon2id from its .wasm import",
    async () => {
      const res = await fetch(`${base}/admin/users`);
      const text = await res.text();
      same(res.status, 200, `status (${text})`);
      const users = JSON.parse(text);
      same(users.find((u) => u.accessKey === user), { accessKey: user, status: "enabled" }, "user");
      same(Object.keys(await admin.userList()).sort(), users.map((u) => u.accessKey).sort(), "all");
    },
  );
}

async function main() {
  cleanupOnSignals(() => stopWorkerd(live.child));
  let client;
  let admin;
  const bucket = `workers-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const user = `workers-example-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const env = await testbedEnv();
    const load = (f) =>
      import("tsx/esm/api").then(({ tsImport }) =>
        tsImport(pathToFileURL(join(ROOT, f)).href, import.meta.url)
      );
    const [sdk, adminSdk] = [await load("mod.ts"), await load("admin.ts")];
    const options = {
      endPoint: "127.0.0.1",
      port: Number(env.MINIO_TEST_PORT),
      useSSL: false,
      accessKey: env.MINIO_TEST_ACCESS_KEY,
      secretKey: env.MINIO_TEST_SECRET_KEY,
    };
    client = new sdk.Minio(options);
    admin = new adminSdk.MinioAdmin(options);
    await client.makeBucket(bucket);
    await admin.userAdd(user, `${user}-secret`);

    const toml = readWranglerToml(await readFile(join(EXAMPLE, "wrangler.toml"), "utf8"));
    await check("wrangler.toml: main, compatibility date, the .wasm rule and the vars", () => {
      same(toml.main, "worker.ts", "main");
      expect(/^\d{4}-\d{2}-\d{2}$/.test(toml.compatibilityDate ?? ""), "compatibility_date");
      expect(toml.wasmRule, "a CompiledWasm rule for **/*.wasm");
      same(Object.keys(toml.vars).sort(), ["BUCKET", "MINIO_ENDPOINT"], "vars");
    });

    const dir = live.dir = await mkdtemp(join(tmpdir(), "minio-edge-workers-"));
    const pkgDir = join(dir, "pkg");
    const files = await buildWorkerdBundle(pkgDir);
    await bundleWorker(toml.main, pkgDir, files, join(dir, "worker.js"));
    const wasm = files.find((f) => f.file.endsWith(".wasm"));
    const workerJs = await readFile(join(dir, "worker.js"), "utf8");
    await check("the bundle imports argon2id.wasm and compiles no WebAssembly itself", () => {
      expect(workerJs.includes(`"./${basename(wasm.file)}"`), "no import of the .wasm module");
      expect(!workerJs.includes("AGFzbQ"), "WASM bytes inlined");
    });
    await writeFile(
      join(dir, "config.capnp"),
      workerdConfig({
        modules: [
          `(name = "worker.js", esModule = embed "worker.js")`,
          `(name = ${capnpText(basename(wasm.file))}, wasm = embed ${
            capnpText(relative(dir, join(pkgDir, wasm.file)))
          })`,
        ],
        compatibilityDate: toml.compatibilityDate,
        textBindings: {
          ...toml.vars,
          MINIO_ENDPOINT: `http://127.0.0.1:${env.MINIO_TEST_PORT}`,
          BUCKET: bucket,
          MINIO_ACCESS_KEY: env.MINIO_TEST_ACCESS_KEY,
          MINIO_SECRET_KEY: env.MINIO_TEST_SECRET_KEY,
        },
      }),
    );
    let started;
    try {
      started = await startWorkerd(dir, "http", (child) => live.child = child);
    } catch (e) {
      results.failed++;
      console.log(`FAIL workerd: ${e.message}\n${e.output?.text ?? ""}`);
      return;
    }
    // workerd has read every file: the keys leave the disk now.
    await rm(dir, { recursive: true, force: true });
    live.dir = undefined;
    await runChecks(`http://127.0.0.1:${started.port}`, client, admin, bucket, user);
    if (results.failed && started.output.text.trim()) {
      console.log(`--- workerd output ---\n${started.output.text.trimEnd()}`);
    }
  } catch (e) {
    results.failed++;
    console.log(`workers example test could not run: ${e?.stack ?? e}`);
  } finally {
    await stopWorkerd(live.child);
    if (live.dir) await rm(live.dir, { recursive: true, force: true });
    live.dir = undefined;
    await esbuild.stop();
    if (admin) await admin.userRemove(user).catch(() => {});
    if (client && await client.bucketExists(bucket).catch(() => false)) {
      await removeBucket(client, bucket).catch((e) => console.log(`note: cleanup: ${e.message}`));
    }
    console.log(`edge: ${results.passed} passed, ${results.failed} failed`);
    process.exitCode = results.failed ? 1 : 0;
  }
}

await main();

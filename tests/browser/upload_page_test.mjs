/**
 * The upload page of examples/browser in headless Chromium, as a user drives
 * it: the example's presign server (examples/browser/server.ts, under Deno)
 * against the test bed's MinIO over HTTP, the page cross-origin from it. A
 * 40 MiB file is chosen, paused at about half way (on a throttled upload, as
 * on a real network), resumed, and checked byte-exact on the server; a second
 * upload is cancelled and must be gone from the server. A screenshot of the
 * finished page goes to $TEST_OUTPUT_DIR/browser (default test-output/).
 *
 *   bash scripts/testbed.sh start   # once
 *   node tests/browser/upload_page_test.mjs
 *
 * Prints one line per check and `browser: N passed, N failed`.
 *
 * @module
 */

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { ROOT, testbedEnv } from "../edge/workerd_process.mjs";
import {
  checks,
  cleanupOnSignals,
  expect,
  launchChromium,
  same,
  throttleUploads,
  withTimeout,
} from "./chromium.mjs";
import { digestOf, objectDigest, removeBucket } from "./objects.mjs";

const MiB = 1024 * 1024;
const STEP_TIMEOUT_MS = 120_000;
const SERVER_START_MS = 60_000;
// 40 MiB at 8 MiB/s: about 5 s, so a pause lands between parts.
const UPLOAD_THROUGHPUT = 8 * MiB;
const OUT_DIR = join(process.env.TEST_OUTPUT_DIR ?? join(ROOT, "test-output"), "browser");

const live = { server: undefined, chromium: undefined };
const { results, run: check } = checks(STEP_TIMEOUT_MS);

/** Starts the example's server on a free port; resolves its page URL once the bucket is set up. */
function startServer(env, bucket) {
  const child = spawn(
    join(ROOT, "node_modules/.bin/deno"),
    [
      "run",
      "--allow-net=127.0.0.1",
      "--allow-env",
      "--allow-read",
      "--allow-run",
      "examples/browser/server.ts",
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        MINIO_ENDPOINT: `http://127.0.0.1:${env.MINIO_TEST_PORT}`,
        MINIO_ACCESS_KEY: env.MINIO_TEST_ACCESS_KEY,
        MINIO_SECRET_KEY: env.MINIO_TEST_SECRET_KEY,
        PORT: "0",
        BUCKET: bucket,
        NO_COLOR: "1",
      },
    },
  );
  live.server = child;
  let output = "";
  const started = new Promise((resolve, reject) => {
    const keep = (chunk) => {
      output += chunk;
      const m = output.match(/upload page: (http:\S+)/);
      if (m) resolve({ url: m[1], cors: output.match(/CORS: ([^)]+)/)?.[1] });
    };
    child.stdout.setEncoding("utf8").on("data", keep);
    child.stderr.setEncoding("utf8").on("data", keep);
    child.on("exit", (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return withTimeout(started, SERVER_START_MS, "the example's server");
}

async function stopServer() {
  const child = live.server;
  live.server = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

async function uploads(client, bucket) {
  const list = [];
  for await (const u of client.listIncompleteUploads(bucket, { recursive: true })) list.push(u);
  return list;
}

const incomplete = async (client, bucket) => (await uploads(client, bucket)).map((u) => u.name);

const state = (page) => page.evaluate(() => document.body.dataset.state ?? "");
const loaded = (page) => page.evaluate(() => Number(document.body.dataset.loaded ?? 0));

async function runChecks(page, client, bucket) {
  const file = randomBytes(40 * MiB);
  const want = digestOf(file);

  await check("40 MiB: pause at ~50 %, resume, byte-exact on the server", async () => {
    const cdp = await throttleUploads(page, UPLOAD_THROUGHPUT);
    try {
      await page.setInputFiles("#file", {
        name: "big.bin",
        mimeType: "application/octet-stream",
        buffer: file,
      });
      await page.waitForFunction((half) => Number(document.body.dataset.loaded) >= half, 20 * MiB);
      await page.click("#pause");
      await page.waitForFunction(() => document.body.dataset.state === "paused");
      const atPause = await loaded(page);
      const shown = await page.textContent("#percent");
      expect(atPause >= 20 * MiB && atPause < 40 * MiB, `paused at ${atPause} bytes`);
      const [upload] = await uploads(client, bucket);
      same(upload?.name, "big.bin", "the upload waiting on the server");
      const stored = await client.listUploadedParts(bucket, "big.bin", upload.uploadId);
      expect(stored.length < 8, `${stored.length} of 8 parts stored at the pause`);

      await page.click("#resume");
      await page.waitForFunction(() => document.body.dataset.state === "done");
      same(await objectDigest(client, bucket, "big.bin"), want, "the object on the server");
      same(await incomplete(client, bucket), [], "unfinished uploads");
      await page.waitForFunction(() =>
        document.querySelector("#objects")?.textContent?.includes("big.bin")
      );
      same(await page.textContent("#percent"), "100 %", "progress at the end");
      await mkdir(OUT_DIR, { recursive: true });
      const shot = join(OUT_DIR, "upload-page.png");
      await page.screenshot({ path: shot, fullPage: true });
      return `paused at ${shown} with ${stored.length} of 8 parts stored, screenshot ${shot}`;
    } finally {
      await cdp.detach().catch(() => {});
    }
  });

  await check("cancel aborts the upload on the server", async () => {
    const cdp = await throttleUploads(page, UPLOAD_THROUGHPUT);
    try {
      await page.setInputFiles("#file", {
        name: "cancelled.bin",
        mimeType: "application/octet-stream",
        buffer: file.subarray(0, 16 * MiB),
      });
      await page.waitForFunction(() => Number(document.body.dataset.loaded) > 0);
      same(await incomplete(client, bucket), ["cancelled.bin"], "the upload started");
      await page.click("#cancel");
      await page.waitForFunction(() => document.body.dataset.state === "cancelled");
      same(await incomplete(client, bucket), [], "unfinished uploads after cancel");
      const names = [];
      for await (const o of client.listObjects(bucket, { recursive: true })) names.push(o.name);
      same(names, ["big.bin"], "objects");
      same(await state(page), "cancelled", "the page's state");
    } finally {
      await cdp.detach().catch(() => {});
    }
  });
}

async function main() {
  cleanupOnSignals(cleanup);
  let client;
  const bucket = `upload-page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const env = await testbedEnv();
    const { tsImport } = await import("tsx/esm/api");
    const sdk = await tsImport(pathToFileURL(join(ROOT, "mod.ts")).href, import.meta.url);
    client = new sdk.Minio({
      endPoint: "127.0.0.1",
      port: Number(env.MINIO_TEST_PORT),
      useSSL: false,
      accessKey: env.MINIO_TEST_ACCESS_KEY,
      secretKey: env.MINIO_TEST_SECRET_KEY,
    });
    const { url, cors } = await startServer(env, bucket);
    await check("the example's setup made the bucket and its CORS", async () => {
      expect(await client.bucketExists(bucket), `bucket ${bucket} missing`);
      expect(cors === "bucket rule" || cors === "server-wide", `CORS: ${cors}`);
      return `CORS: ${cors}`;
    });
    live.chromium = await launchChromium();
    const { context } = live.chromium;
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await runChecks(page, client, bucket);
    if (errors.length) {
      results.failed++;
      console.log(`FAIL errors in the page: ${errors.join("; ")}`);
    }
  } catch (e) {
    results.failed++;
    console.log(`upload page test could not run: ${e?.stack ?? e}`);
  } finally {
    if (client && await client.bucketExists(bucket).catch(() => false)) {
      await removeBucket(client, bucket).catch((e) => console.log(`note: cleanup: ${e.message}`));
    }
    await cleanup();
    console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
    process.exitCode = results.failed ? 1 : 0;
  }
}

async function cleanup() {
  const chromium = live.chromium;
  live.chromium = undefined;
  await chromium?.close();
  await stopServer();
}

await main();

/**
 * What the browser tests share: launching Debian's Chromium through
 * playwright-core, and the checks that print `ok`/`FAIL` lines and count them.
 *
 * @module
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
// The flags known to work on these machines (--headless comes from playwright):
// without the background-networking ones Chromium keeps dialling out to a
// closed network.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const LAUNCH_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** Rejects once `ms` have passed without `promise` settling. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A failed expectation: printed as its message, without a stack. */
export class CheckFailed extends Error {}

/** Fails the running check with `message` unless `cond`. */
export function expect(cond, message) {
  if (!cond) throw new CheckFailed(message);
}

/** Fails the running check unless `actual` and `expected` are the same JSON. */
export function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  expect(a === e, `${what}: got ${a}, want ${e}`);
}

/**
 * Named checks, each bounded by `stepTimeoutMs`: `run(name, fn)` prints one
 * line per check; `results` counts them.
 */
export function checks(stepTimeoutMs) {
  const results = { passed: 0, failed: 0 };
  async function run(name, fn) {
    try {
      const detail = await withTimeout(Promise.resolve().then(fn), stepTimeoutMs, name);
      results.passed++;
      console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
    } catch (e) {
      results.failed++;
      const message = e instanceof CheckFailed ? e.message : e?.stack ?? String(e);
      console.log(`FAIL ${name}\n     ${message.split("\n").slice(0, 6).join("\n     ")}`);
    }
  }
  return { results, run };
}

/**
 * Starts headless Chromium with a throwaway profile; `close()` ends it
 * (playwright kills it on exit if closing hangs) and removes the profile.
 */
export async function launchChromium() {
  const dir = await mkdtemp(join(tmpdir(), "minio-edge-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: LAUNCH_TIMEOUT_MS,
    });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const close = async () => {
    await withTimeout(context.close(), CLOSE_TIMEOUT_MS, "closing Chromium").catch((e) => {
      console.log(`note: ${e.message}; it is killed on exit`);
    });
    await rm(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/** Limits the page's upload speed (bytes/s; -1 lifts it), as a slow network would. */
export async function throttleUploads(page, bytesPerSecond) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

/** On SIGINT or SIGTERM: runs `cleanup`, then exits as the signal would. */
export function cleanupOnSignals(cleanup) {
  const onSignal = async (signal) => {
    await cleanup();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
}

/**
 * Browser uploads in headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core) against the test bed's MinIO over HTTP, cross-origin
 * from a page on a local server, so MinIO's CORS is exercised for real:
 * a presigned PUT, a presigned POST form, and presigned multipart uploads
 * with `uploadWithPresignedUrls` (64 MiB checked byte-exact, progress,
 * abort and resume, a failing part retried). Node does the server side with
 * our client. Also checks that the bundles a page needs for these flows hold
 * no admin code, no WASM, no configuration XML and no `node:` import.
 *
 *   bash scripts/testbed.sh start   # once
 *   node tests/browser/browser_test.mjs
 *
 * Prints one line per test and `browser: N passed, N failed`.
 *
 * @module
 */

import { createServer } from "node:http";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { ROOT, testbedEnv } from "../edge/workerd_process.mjs";
import {
  checks,
  cleanupOnSignals,
  expect,
  launchChromium,
  same,
  throttleUploads,
} from "./chromium.mjs";
import { digestOf, objectDigest, removeBucket } from "./objects.mjs";
import { patternBytes } from "./pattern.mjs";

const STEP_TIMEOUT_MS = 180_000;
const MiB = 1024 * 1024;
// Bytes per second for the 64 MiB upload: about 2 s, so progress shows within parts.
const UPLOAD_THROUGHPUT = 32 * MiB;

/** Strings whose presence in a bundle shows code that a browser upload must not carry. */
const FORBIDDEN = [
  ["admin API path", "/minio/admin/"],
  ["admin client", "MinioAdmin"],
  ["argon2", "argon2"],
  ["WebAssembly", "WebAssembly"],
  ["WASM bytes (base64 of \\0asm)", "AGFzbQ"],
  ["lifecycle XML", "LifecycleConfiguration"],
  ["replication XML", "ReplicationConfiguration"],
  ["notification XML", "NotificationConfiguration"],
  ["bucket encryption XML", "ServerSideEncryptionConfiguration"],
  ["object lock XML", "ObjectLockConfiguration"],
  ["versioning XML", "VersioningConfiguration"],
  // An import (static, dynamic or require) of a Node built-in. A `node:`
  // string handed to `process.getBuiltinModule` at run time (the native hash
  // on Node) is not one: nothing is fetched or resolved for it.
  ["node: import", /\b(?:from|import|require)\s*\(?\s*["']node:/],
];

/** What must not outlive this run. */
const live = { chromium: undefined, server: undefined };

const { results, run: check } = checks(STEP_TIMEOUT_MS);

/** Bundles for the browser; returns the code and the inputs that made it in. */
async function browserBundle(options) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    metafile: true,
    outfile: "bundle.js",
    logLevel: "silent",
    ...options,
  });
  return result.outputFiles[0].text;
}

function forbiddenIn(code) {
  return FORBIDDEN.filter(([, text]) =>
    typeof text === "string" ? code.includes(text) : text.test(code)
  )
    .map(([name]) => name);
}

const gzKiB = (code) => (gzipSync(code).length / 1024).toFixed(1);

/** A server for the page and its script, on a port of its own. */
function servePage(script) {
  const html = `<!doctype html><meta charset="utf-8"><title>minio-edge browser test</title>
<script type="module" src="/page.js"></script>`;
  const server = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end(html);
    } else if (req.url === "/page.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else {
      res.writeHead(404).end();
    }
  });
  live.server = server;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}/`));
  });
}

async function runChecks(page, client, bucket, sdk) {
  const inPage = (fn, arg) => page.evaluate(fn, arg);

  await check("presigned PUT from the page", async () => {
    const url = await client.presignedPutObject(bucket, "put/hello.txt", { expires: 600 });
    const res = await inPage(([u, t]) => globalThis.browserTest.presignedPut(u, t), [
      url,
      "hello from chromium",
    ]);
    same(res.status, 200, "status");
    expect(/^"[0-9a-f]{32}"$/.test(res.etag ?? ""), `ETag readable cross-origin: ${res.etag}`);
    same(
      await (await client.getObject(bucket, "put/hello.txt")).text(),
      "hello from chromium",
      "body",
    );
  });

  await check("presigned POST form with a POST policy", async () => {
    const policy = new sdk.PostPolicy(bucket, new Date(Date.now() + 600_000))
      .addEqualsCondition("key", "post/note.txt")
      .addEqualsCondition("content-type", "text/plain")
      .addEqualsCondition("success_action_status", "201")
      .addEqualsCondition("x-amz-meta-origin", "browser")
      .addContentLengthRangeCondition(1, MiB);
    const { url, formData } = await client.presignedPostPolicy(policy);
    const res = await inPage(
      ([u, f, t]) => globalThis.browserTest.presignedPost(u, f, t, "text/plain"),
      [url, formData, "posted by a form"],
    );
    same(res.status, 201, "status");
    expect(res.body.includes("<Key>post/note.txt</Key>"), `answer: ${res.body}`);
    const st = await client.statObject(bucket, "post/note.txt");
    same([st.size, st.contentType, st.metadata.origin], [16, "text/plain", "browser"], "stat");
  });

  await check("presigned multipart: 64 MiB File, progress, byte-exact download", async () => {
    const size = 64 * MiB;
    const seed = 7;
    const expected = digestOf(patternBytes(size, seed));
    same(
      await inPage(([s, d]) => globalThis.browserTest.fileHash(s, d), [size, seed]),
      expected.sha256,
      "the page's File is node's bytes",
    );
    const plan = await client.createPresignedMultipartUpload(bucket, "big/64mib.bin", size, {
      contentType: "application/octet-stream",
      expires: 900,
    });
    same(plan.parts.length, 13, "parts of 5 MiB");
    // On loopback a part is sent before the browser's first progress event
    // (they come every 50 ms): a throttled upload, as on a real network,
    // shows progress within parts.
    const cdp = await throttleUploads(page, UPLOAD_THROUGHPUT);
    const started = Date.now();
    const out = await inPage((a) => globalThis.browserTest.upload(a), {
      plan,
      size,
      seed,
      concurrency: 4,
    }).finally(async () => {
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      }).catch(() => {});
      await cdp.detach().catch(() => {});
    });
    expect(!out.error, `upload failed: ${JSON.stringify(out.error)}`);
    const seconds = (Date.now() - started) / 1000;
    const p = out.progress;
    expect(p.monotone && p.withinTotal, `progress: ${JSON.stringify(p)}`);
    same([p.first, p.last], [0, size], "first and last progress");
    // Per byte range sent, not per part: many more distinct values than parts.
    expect(
      p.distinct > plan.parts.length * 2,
      `only ${p.distinct} progress values ${JSON.stringify(p.values.map((v) => v / 1048576))}`,
    );
    same(out.parts.map((x) => x.partNumber), plan.parts.map((x) => x.partNumber), "parts");
    const done = await client.completeMultipartUpload(bucket, plan.name, plan.uploadId, out.parts);
    expect(done.etag.endsWith("-13"), `etag ${done.etag}`);
    same(await objectDigest(client, bucket, plan.name), expected, "download");
    return `${p.count} progress events, ${(size / MiB / seconds).toFixed(0)} MiB/s`;
  });

  await check(
    "presigned multipart: aborted mid-way, resumed from the server's part list",
    async () => {
      const size = 40 * MiB + 123;
      const seed = 11;
      const plan = await client.createPresignedMultipartUpload(bucket, "big/resumed.bin", size, {
        expires: 900,
      });
      same(plan.parts.length, 9, "parts");
      const first = await inPage((a) => globalThis.browserTest.upload(a), {
        plan,
        size,
        seed,
        concurrency: 2,
        abortAfterParts: 3,
      });
      same(first.error?.message, "user aborted", "the abort's reason");
      const listed = await client.listUploadedParts(bucket, plan.name, plan.uploadId);
      const stored = listed.map((x) => x.partNumber);
      expect(stored.length >= 3 && stored.length < 9, `stored after abort: ${stored}`);
      expect(first.sent.every((n) => stored.includes(n)), `${first.sent} not all in ${stored}`);

      // As a page reloaded after the abort would: only the server's list to go by.
      const second = await inPage((a) => globalThis.browserTest.upload(a), {
        plan,
        size,
        seed,
        concurrency: 2,
        uploadedParts: JSON.parse(JSON.stringify(listed)),
      });
      expect(!second.error, `resume failed: ${JSON.stringify(second.error)}`);
      const missing = plan.parts.map((x) => x.partNumber).filter((n) => !stored.includes(n));
      same(second.sent.sort((a, b) => a - b), missing, "parts sent on resume");
      same(
        second.progress.first,
        listed.reduce((n, x) => n + x.size, 0),
        "progress starts at stored",
      );
      same(second.progress.last, size, "progress ends at the size");
      await client.completeMultipartUpload(bucket, plan.name, plan.uploadId, second.parts);
      same(
        await objectDigest(client, bucket, plan.name),
        digestOf(patternBytes(size, seed)),
        "download",
      );
      return `stored ${stored.length} of 9 before the abort`;
    },
  );

  await check("presigned multipart: a part failing once is retried", async () => {
    const size = 16 * MiB;
    const seed = 13;
    const plan = await client.createPresignedMultipartUpload(bucket, "big/retried.bin", size, {
      expires: 900,
    });
    const attempts = new Map();
    const partOf = (url) => {
      const u = new URL(url);
      return u.searchParams.get("uploadId") === plan.uploadId
        ? Number(u.searchParams.get("partNumber"))
        : 0;
    };
    // Part 2's first attempt loses its connection; part 3's first gets a 503
    // (with CORS headers, so the page sees the status). Both are retried.
    await page.route((url) => partOf(url.href) > 0, (route) => {
      if (route.request().method() !== "PUT") return route.continue();
      const n = partOf(route.request().url());
      attempts.set(n, (attempts.get(n) ?? 0) + 1);
      if (n === 2 && attempts.get(n) === 1) return route.abort("connectionreset");
      if (n === 3 && attempts.get(n) === 1) {
        return route.fulfill({
          status: 503,
          headers: { "access-control-allow-origin": "*", "content-type": "application/xml" },
          body: "<Error><Code>SlowDown</Code><Message>try later</Message></Error>",
        });
      }
      return route.continue();
    });
    try {
      const out = await inPage((a) => globalThis.browserTest.upload(a), {
        plan,
        size,
        seed,
        concurrency: 4,
      });
      expect(!out.error, `upload failed: ${JSON.stringify(out.error)}`);
      same([...attempts].sort(), [[1, 1], [2, 2], [3, 2], [4, 1]], "attempts per part");
      await client.completeMultipartUpload(bucket, plan.name, plan.uploadId, out.parts);
      same(
        await objectDigest(client, bucket, plan.name),
        digestOf(patternBytes(size, seed)),
        "download",
      );
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
  });
}

async function bundleChecks(pageScript) {
  await check("control: every forbidden marker is in a Minio + MinioAdmin bundle", async () => {
    const code = await browserBundle({
      stdin: {
        // The SDK itself names no Node built-in a bundler could see (the file
        // helpers import node:fs/promises through a variable), so the control
        // for that marker is a real static and dynamic import beside it.
        contents: `export { Minio } from "./mod.ts";
export { MinioAdmin } from "./admin.ts";
export { readFile } from "node:fs/promises";
export const lazy = () => import("node:path");`,
        resolveDir: ROOT,
      },
      external: ["node:*"],
    });
    const missing = FORBIDDEN.map(([name]) => name).filter((n) => !forbiddenIn(code).includes(n));
    same(missing, [], "markers their absence would prove nothing by");
  });
  await check(
    "the whole . entry (every export of mod.ts): no admin API, argon2 or WASM",
    async () => {
      const code = await browserBundle({
        stdin: { contents: `export * from "./mod.ts";`, resolveDir: ROOT },
      });
      // Not "admin client": `.` names the S3 error code XMinioAdminRemoteTargetNotFoundError.
      const admin = ["admin API path", "argon2", "WebAssembly", "WASM bytes (base64 of \\0asm)"];
      same(forbiddenIn(code).filter((n) => admin.includes(n)), [], "admin code");
      return `${gzKiB(code)} KiB gz`;
    },
  );
  await check("page bundle (helper from mod.ts): no admin, WASM, config XML or node:", () => {
    const found = forbiddenIn(pageScript);
    same(found, [], "forbidden code");
    return `${gzKiB(pageScript)} KiB gz with the test page`;
  });
  await check("helper + presigning bundle: no admin, WASM, config XML or node:", async () => {
    const code = await browserBundle({
      stdin: {
        contents: `export { MinioCore, PostPolicy, uploadWithPresignedUrls } from "./mod.ts";
export { getPresignedUrl, presignedPostPolicy, presignedPutObject } from "./src/s3/presign/presign.ts";`,
        resolveDir: ROOT,
        loader: "ts",
      },
    });
    same(forbiddenIn(code), [], "forbidden code");
    return `${gzKiB(code)} KiB gz`;
  });
}

async function main() {
  cleanupOnSignals(cleanup);
  let client;
  let bucket;
  try {
    const env = await testbedEnv();
    const { tsImport } = await import("tsx/esm/api");
    const sdk = await tsImport(pathToFileURL(join(ROOT, "mod.ts")).href, import.meta.url);
    client = new sdk.Minio({
      endPoint: env.MINIO_TEST_HOST || "127.0.0.1",
      port: Number(env.MINIO_TEST_PORT),
      useSSL: false,
      accessKey: env.MINIO_TEST_ACCESS_KEY,
      secretKey: env.MINIO_TEST_SECRET_KEY,
    });

    const pageScript = await browserBundle({ entryPoints: [join(ROOT, "tests/browser/page.mjs")] });
    await bundleChecks(pageScript);
    const url = await servePage(pageScript);

    live.chromium = await launchChromium();
    const { context } = live.chromium;
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => globalThis.browserTest !== undefined, null, {
      timeout: 30_000,
    });

    bucket = `browser-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await client.makeBucket(bucket);
    await runChecks(page, client, bucket, sdk);
    if (errors.length) console.log(`note: errors in the page: ${errors.join("; ")}`);
  } catch (e) {
    results.failed++;
    console.log(`browser test could not run: ${e?.stack ?? e}`);
  } finally {
    if (client && bucket) {
      await removeBucket(client, bucket).catch((e) => console.log(`note: cleanup: ${e.message}`));
    }
    await cleanup();
    console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
    process.exitCode = results.failed ? 1 : 0;
  }
}

/** Closes Chromium, the server and esbuild. */
async function cleanup() {
  const { chromium, server } = live;
  live.chromium = live.server = undefined;
  await chromium?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  await esbuild.stop();
}

await main();

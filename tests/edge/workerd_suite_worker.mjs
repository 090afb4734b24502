/**
 * The Worker that tests/edge/workerd_suite.mjs runs inside workerd: it loads
 * one bundled integration test file, runs the tests that file registered
 * with the workerd harness, and streams one JSON line per event, so a long
 * file never leaves the runner waiting for headers:
 *
 *   GET /run?file=tests/integration/x_test.js&skip=[{"pattern":"...","why":"..."}]
 *   -> {"event":"loaded","count":N,"argon2":"wasm"|"js"}
 *      {"event":"result","name":"...","ok":true,"ms":12}
 *      {"event":"skip","name":"...","why":"..."}
 *      {"event":"end"}            (or {"event":"loadError","error":"..."})
 *
 * The binding `TESTBED` (JSON) holds the MINIO_TEST_* variables; they go into
 * `process.env` (nodejs_compat), where tests/integration/testbed.ts reads them.
 * `argon2` is the package's `argon2Backend()`: "wasm" when the admin code
 * runs argon2 from the package's own `.wasm` import, as it must here.
 *
 * @module
 */

// Both resolved by tests/edge/workerd_suite.mjs: the workerd harness, and
// the npm package under the Workers conditions (its admin.workerd.js).
import { takeRegistered } from "../harness.ts";
import { argon2Backend } from "minio-edge/admin";

// As tests/harness.ts gives each test under Bun and Node.
const TEST_TIMEOUT_MS = 120_000;
const encoder = new TextEncoder();

/** An error as one line: name, message, cause and the first stack frames. */
function describe(e) {
  if (!(e instanceof Error)) return `threw ${String(e)}`;
  const frames = (e.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 5);
  const cause = e.cause instanceof Error ? ` (cause ${e.cause.name}: ${e.cause.message})` : "";
  return [`${e.name}: ${e.message}${cause}`, ...frames.map((l) => l.trim())].join(" | ");
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runFile(file, skip, send) {
  takeRegistered(); // Nothing left over from a file that failed to load.
  try {
    // Module names in the config are the repository paths, relative to this
    // module's. A specifier in a variable, so esbuild leaves the import alone.
    const specifier = `../../${file}`;
    await import(specifier);
  } catch (e) {
    await send({ event: "loadError", error: describe(e) });
    return;
  }
  const tests = takeRegistered();
  await send({ event: "loaded", count: tests.length, argon2: await argon2Backend() });
  for (const { name, fn } of tests) {
    const skipped = skip.find((s) => s.re.test(name));
    if (skipped) {
      await send({ event: "skip", name, why: skipped.why });
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(fn), TEST_TIMEOUT_MS);
      await send({ event: "result", name, ok: true, ms: Date.now() - started });
    } catch (e) {
      await send({
        event: "result",
        name,
        ok: false,
        ms: Date.now() - started,
        error: describe(e),
      });
    }
  }
  await send({ event: "end" });
}

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    const file = url.searchParams.get("file");
    if (url.pathname !== "/run" || !file) return new Response("not found", { status: 404 });
    globalThis.process ??= { env: {} };
    Object.assign(globalThis.process.env, env.TESTBED);
    const skip = JSON.parse(url.searchParams.get("skip") ?? "[]")
      .map(({ pattern, why }) => ({ re: new RegExp(pattern), why }));
    const { readable, writable } = new TransformStream();
    const writer = writable.getWriter();
    const send = (event) => writer.write(encoder.encode(`${JSON.stringify(event)}\n`));
    ctx.waitUntil(
      runFile(file, skip, send)
        .catch((e) => send({ event: "loadError", error: describe(e) }))
        .finally(() => writer.close()),
    );
    return new Response(readable, { headers: { "content-type": "application/x-ndjson" } });
  },
};

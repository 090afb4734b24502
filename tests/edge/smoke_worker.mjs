/**
 * The Worker that tests/edge/workerd_smoke.mjs runs inside workerd: the
 * quickstart operations of the bundled SDK against the real MinIO, each a
 * named check. `GET /run?transport=http|tls` answers
 * `{ checks: [{ name, ok, detail }], cleanup }` as JSON.
 *
 * The binding `MINIO` (JSON) holds `{ host, port, tlsPort, closedPort, accessKey,
 * secretKey }`; `closedPort` is a loopback port nothing listens on.
 *
 * @module
 */

// The runner registers the npm package's workerd bundles (mod.workerd.js and
// admin.workerd.js, built from mod.ts and admin.ts) in workerd under these
// same paths, so the imports read the same in the source tree (where deno
// check resolves them to the sources) and in workerd (the bundles, with the
// chunk they share and the argon2id.wasm module beside them).
import { InvalidArgumentError, Minio, S3Error, ServerError } from "../../mod.ts";
import { argon2Backend } from "../../admin.ts";

const encoder = new TextEncoder();

class CheckFailed extends Error {}

function expect(cond, message) {
  if (!cond) throw new CheckFailed(message);
}

function same(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  expect(a === e, `${what}: got ${a}, want ${e}`);
}

/** Where an unexpected error came from: its name, message and first frames. */
function describe(e) {
  if (e instanceof CheckFailed) return e.message;
  if (!(e instanceof Error)) return `threw ${String(e)}`;
  const frames = (e.stack ?? "").split("\n").filter((l) => l.trim().startsWith("at ")).slice(0, 4);
  const cause = e.cause instanceof Error ? ` (cause ${e.cause.name}: ${e.cause.message})` : "";
  return [`${e.name}: ${e.message}${cause}`, ...frames.map((l) => l.trim())].join(" | ");
}

function randomSuffix() {
  const b = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Runs every check in order; a failed check does not stop the next. */
async function runChecks(client, unreachable) {
  const bucket = `edge-smoke-${randomSuffix()}`;
  const text = "Hello from workerd, \u00e9t\u00e9 \u2603";
  const textBytes = encoder.encode(text);
  const binary = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) & 0xff);
  const state = {};
  const checks = [];

  const check = async (name, fn) => {
    try {
      const detail = await fn();
      checks.push({ name, ok: true, detail: detail ?? "" });
    } catch (e) {
      checks.push({ name, ok: false, detail: describe(e) });
    }
  };

  await check("makeBucket", async () => {
    await client.makeBucket(bucket);
    return bucket;
  });
  await check("bucketExists", async () => {
    expect(await client.bucketExists(bucket) === true, "new bucket reported missing");
    expect(await client.bucketExists(`${bucket}-missing`) === false, "missing bucket reported");
  });
  await check("putObject string", async () => {
    const res = await client.putObject(bucket, "hello.txt", text, undefined, {
      contentType: "text/plain; charset=utf-8",
      metadata: { author: "edge-smoke" },
    });
    expect(/^[0-9a-f]{32}$/.test(res.etag), `etag ${JSON.stringify(res.etag)}`);
    state.textETag = res.etag;
    return `etag ${res.etag}`;
  });
  await check("putObject Uint8Array", async () => {
    const res = await client.putObject(bucket, "bin/data.bin", binary);
    expect(res.etag.length > 0, "empty etag");
    return `etag ${res.etag}`;
  });
  await check("statObject", async () => {
    const stat = await client.statObject(bucket, "hello.txt");
    same(stat.size, textBytes.length, "size");
    same(stat.etag, state.textETag, "etag");
    same(stat.metadata.author, "edge-smoke", "metadata.author");
    same(stat.contentType, "text/plain; charset=utf-8", "contentType");
    expect(stat.lastModified instanceof Date && !isNaN(stat.lastModified), "lastModified");
  });
  await check("getObject whole", async () => {
    const res = await client.getObject(bucket, "hello.txt");
    same(res.status, 200, "status");
    same(await res.text(), text, "text");
    same(res.stat.size, textBytes.length, "stat.size");
    const bin = await (await client.getObject(bucket, "bin/data.bin")).bytes();
    same(Array.from(bin), Array.from(binary), "binary bytes");
  });
  await check("getObject range", async () => {
    const res = await client.getObject(bucket, "bin/data.bin", { offset: 100, length: 50 });
    same(res.status, 206, "status");
    same(res.stat.size, binary.length, "stat.size (whole object)");
    same(Array.from(await res.bytes()), Array.from(binary.subarray(100, 150)), "bytes");
  });
  await check("listObjects recursive", async () => {
    const list = await collect(client.listObjects(bucket, { recursive: true }));
    same(list.map((o) => [o.name, o.size, o.isDir]), [
      ["bin/data.bin", binary.length, false],
      ["hello.txt", textBytes.length, false],
    ], "objects");
  });
  await check("listObjects one level", async () => {
    const list = await collect(client.listObjects(bucket));
    same(
      list.map((o) => [o.name, o.isDir]).sort(),
      [["bin/", true], ["hello.txt", false]],
      "entries",
    );
  });
  await check("listBuckets", async () => {
    const buckets = await client.listBuckets();
    const mine = buckets.find((b) => b.name === bucket);
    expect(mine, `${bucket} not among ${buckets.length} buckets`);
    expect(mine.creationDate instanceof Date, "creationDate is not a Date");
  });
  await check("S3Error missing key", async () => {
    for (const op of ["getObject", "statObject"]) {
      try {
        await client[op](bucket, "no/such/key.txt");
      } catch (e) {
        expect(e instanceof S3Error, `${op}: ${describe(e)}`);
        same(
          [e.code, e.status, e.bucket, e.object],
          ["NoSuchKey", 404, bucket, "no/such/key.txt"],
          op,
        );
        continue;
      }
      throw new CheckFailed(`${op} of a missing key did not throw`);
    }
  });
  await check("InvalidArgumentError before network", async () => {
    try {
      await client.makeBucket("Not_A_Valid_Bucket");
    } catch (e) {
      expect(e instanceof InvalidArgumentError, describe(e));
      return;
    }
    throw new CheckFailed("invalid bucket name accepted");
  });
  await check("ServerError on refused connection", async () => {
    try {
      await unreachable.listBuckets();
    } catch (e) {
      expect(e instanceof ServerError, `want ServerError, got ${describe(e)}`);
      same(e.status, 0, "status");
      return e.message;
    }
    throw new CheckFailed("listBuckets on a closed port did not throw");
  });
  await check("removeObject", async () => {
    await client.removeObject(bucket, "hello.txt");
    await client.removeObject(bucket, "bin/data.bin");
    same(await collect(client.listObjects(bucket, { recursive: true })), [], "left over");
  });
  await check("removeBucket", async () => {
    await client.removeBucket(bucket);
    expect(await client.bucketExists(bucket) === false, "bucket still exists");
  });
  // workerd refuses to compile WebAssembly from bytes: "wasm" here means the
  // bundle took the module from its `.wasm` import, with nothing registered.
  await check("argon2 WebAssembly from argon2id.wasm", async () => {
    same(await argon2Backend(), "wasm", "argon2Backend()");
  });

  return { checks, cleanup: await cleanup(client, bucket) };
}

/** Removes what a failed run left behind; returns what could not be removed. */
async function cleanup(client, bucket) {
  try {
    if (!(await client.bucketExists(bucket))) return "";
    for await (const o of client.listObjects(bucket, { recursive: true })) {
      await client.removeObject(bucket, o.name);
    }
    await client.removeBucket(bucket);
    return `removed leftover bucket ${bucket}`;
  } catch (e) {
    return `cleanup of ${bucket} failed: ${describe(e)}`;
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== "/run") return new Response("not found", { status: 404 });
    const tls = url.searchParams.get("transport") === "tls";
    const cfg = env.MINIO;
    const options = {
      endPoint: cfg.host,
      port: tls ? cfg.tlsPort : cfg.port,
      useSSL: tls,
      accessKey: cfg.accessKey,
      secretKey: cfg.secretKey,
      maxRetries: 1,
      retryDelayMs: 10,
    };
    const client = new Minio(options);
    const unreachable = new Minio({ ...options, port: cfg.closedPort });
    return Response.json(await runChecks(client, unreachable));
  },
};

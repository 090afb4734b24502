// The fetch a client sends with when given none (src/base/default_fetch.ts):
// on Node the SDK's transport over node:http and node:https (nodeFetch in
// src/base/node_https_fetch.ts), everywhere else the global fetch, told apart
// by the globals it is given. The transport runs against a node:http server
// started by each test; Deno and Bun provide node:http too, so it runs
// under each runner.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { defaultFetch, type FetchRuntimes } from "../../src/base/default_fetch.ts";
import { nodeFetch, type NodeHttps } from "../../src/base/node_https_fetch.ts";
import type { NodeZlib } from "../../src/base/node_decode.ts";
import { Minio } from "../../mod.ts";

// Under Deno the node:http server and agent hold resources past a test's end.
const NO_SANITIZE = { sanitizeOps: false, sanitizeResources: false };
const HTTP = http as unknown as NodeHttps;
const HTTPS = https as unknown as NodeHttps;

/** Runs `fn` with the base URL of a node:http server answering with `handler`. */
async function withServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  fn: (base: string, connections: () => number) => Promise<void>,
): Promise<void> {
  let connections = 0;
  const server = http.createServer(handler);
  server.on("connection", () => connections++);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  try {
    await fn(`http://127.0.0.1:${port}`, () => connections);
  } finally {
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
}

/** A global fetch that must not be called: it records the call and fails. */
function forbiddenFetch(calls: string[]): typeof fetch {
  return (input) => {
    calls.push(String(input));
    return Promise.reject(new Error("the global fetch was called"));
  };
}

const answering = (input: RequestInfo | URL) => Promise.resolve(new Response(`global ${input}`));

test("default fetch: Deno, Bun, workerd, browsers and an older Node use the global fetch", async () => {
  const process = {
    versions: { node: "22.0.0" },
    getBuiltinModule: () => {
      throw new Error("no node module may be looked up");
    },
  };
  const runtimes: [string, FetchRuntimes][] = [
    ["Deno", { fetch: answering, Deno: {}, process }],
    ["Bun", { fetch: answering, Bun: {}, process }],
    ["workerd", { fetch: answering, process, navigator: { userAgent: "Cloudflare-Workers" } }],
    ["a browser", { fetch: answering, navigator: { userAgent: "Mozilla/5.0" } }],
    ["Node without getBuiltinModule", {
      fetch: answering,
      process: { versions: { node: "20.10.0" } },
    }],
    ["a Node that withholds node:http", {
      fetch: answering,
      process: { versions: { node: "22.0.0" }, getBuiltinModule: () => undefined },
    }],
  ];
  for (const [name, g] of runtimes) {
    equal(
      await (await defaultFetch(g)("http://127.0.0.1:1/x")).text(),
      "global http://127.0.0.1:1/x",
      name,
    );
  }
});

test("default fetch: on Node, requests go over node:http with kept-alive connections", async () => {
  const calls: string[] = [];
  const looked: string[] = [];
  const g: FetchRuntimes = {
    fetch: forbiddenFetch(calls),
    process: {
      versions: { node: "20.20.2" },
      getBuiltinModule: (id: string) => {
        looked.push(id);
        return id === "node:http" ? http : https;
      },
    },
  };
  const f = defaultFetch(g);
  // Nothing is looked up before the first request.
  deepEqual(looked, []);
  await withServer((req, res) => {
    res.writeHead(200, { "x-method": req.method! });
    req.pipe(res);
  }, async (base, connections) => {
    for (let i = 0; i < 3; i++) {
      const res = await f(`${base}/k${i}`, { method: "PUT", body: new Uint8Array([i, 1, 2]) });
      equal(res.headers.get("x-method"), "PUT");
      deepEqual(new Uint8Array(await res.arrayBuffer()), new Uint8Array([i, 1, 2]));
    }
    equal(connections(), 1);
  });
  deepEqual(calls, []);
}, NO_SANITIZE);

test(
  "node fetch: http over node:http; bodies streamed both ways; an abort ends the body",
  async () => {
    const f = nodeFetch(HTTP, HTTPS);
    const got: string[] = [];
    await withServer(async (req, res) => {
      const chunks: Uint8Array[] = [];
      for await (const c of req) chunks.push(c as Uint8Array);
      got.push(
        `${req.method} ${req.url} ${req.headers["transfer-encoding"] ?? "-"} ${
          Buffer.concat(chunks)
        }`,
      );
      if (req.url === "/slow") {
        res.writeHead(200, { "content-length": "10" });
        res.write("12345");
        return; // the rest never comes
      }
      res.end("done");
    }, async (base) => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode("ab"));
          c.enqueue(new TextEncoder().encode("cd"));
          c.close();
        },
      });
      const res = await f(
        `${base}/streamed`,
        { method: "PUT", body, duplex: "half" } as RequestInit,
      );
      equal(await res.text(), "done");
      const controller = new AbortController();
      const slow = await f(`${base}/slow`, { signal: controller.signal });
      const reader = slow.body!.getReader();
      equal(new TextDecoder().decode((await reader.read()).value), "12345");
      const reason = new Error("stopped");
      controller.abort(reason);
      await rejects(reader.read(), /stopped/);
    });
    deepEqual(got, ["PUT /streamed chunked abcd", "GET /slow - "]);
  },
  NO_SANITIZE,
);

test("node fetch: a refused connection rejects as fetch does, with a TypeError", async () => {
  const f = nodeFetch(HTTP, HTTPS);
  // A port just closed: nothing listens there.
  const server = http.createServer();
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  const e = await f(`http://127.0.0.1:${port}/`).catch((e) => e);
  ok(e instanceof TypeError, String(e));
  ok(/^fetch failed: /.test(e.message), e.message);
}, NO_SANITIZE);

test(
  "a client given no fetch sends through the default one, and one given a fetch through it",
  async () => {
    await withServer((_req, res) => {
      res.writeHead(200, { "content-length": "0" });
      res.end();
    }, async (base) => {
      const port = Number(new URL(base).port);
      const options = {
        endPoint: "127.0.0.1",
        port,
        useSSL: false,
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        region: "us-east-1",
      };
      const seen: string[] = [];
      const given = new Minio({
        ...options,
        fetch: (input, init) => (seen.push(String(input)), fetch(input, init)),
      });
      equal(await given.bucketExists("photos"), true);
      equal(seen.length, 1);
      ok(seen[0].startsWith(`${base}/photos`), seen[0]);
      equal(await new Minio(options).bucketExists("photos"), true);
      equal(seen.length, 1);
    });
  },
  NO_SANITIZE,
);

test(
  "node fetch: a gzip or deflate Content-Encoding is decoded, as Node's fetch decodes it",
  async () => {
    const f = nodeFetch(HTTP, HTTPS);
    const text = "an object stored with a Content-Encoding ".repeat(200);
    const packed = async (format: CompressionFormat) =>
      new Uint8Array(
        await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream(format)))
          .arrayBuffer(),
      );
    const bodies: Record<string, Uint8Array> = {
      "/gzip": await packed("gzip"),
      "/deflate": await packed("deflate"),
    };
    await withServer((req, res) => {
      const coding = req.url!.slice(1);
      res.writeHead(200, { "content-encoding": coding, "content-length": bodies[req.url!].length });
      res.end(bodies[req.url!]);
    }, async (base) => {
      for (const path of ["/gzip", "/deflate"]) {
        const ours = await f(`${base}${path}`);
        equal(await ours.text(), text, path);
        // Every runtime's fetch decodes gzip; Node's (undici) and Bun's deflate too, Deno's not.
        if (path === "/gzip" || !("Deno" in globalThis)) {
          equal(await (await fetch(`${base}${path}`)).text(), text, `the runtime's fetch, ${path}`);
        }
        // The headers stay as the server sent them, as fetch leaves them.
        equal(ours.headers.get("content-encoding"), path.slice(1));
        equal(ours.headers.get("content-length"), String(bodies[path].length));
      }
    });
  },
  NO_SANITIZE,
);

test(
  "the default fetch decodes a br Content-Encoding on every runtime (Node's transport through node:zlib)",
  async () => {
    const text = "an object stored with Content-Encoding br ".repeat(300);
    const packed = new Uint8Array(zlib.brotliCompressSync(new TextEncoder().encode(text)));
    await withServer((req, res) => {
      const body = req.url === "/corrupt" ? packed.subarray(0, 20) : packed;
      res.writeHead(200, { "content-encoding": "br", "content-length": body.length });
      res.end(body);
    }, async (base) => {
      // Deno's and Bun's fetch decode br themselves; on Node this is the transport.
      const res = await defaultFetch()(`${base}/ok`);
      equal(await res.text(), text);
      equal(res.headers.get("content-encoding"), "br");
      equal(res.headers.get("content-length"), String(packed.length));
      // The transport itself: decoded with node:zlib, passed on as it came without it.
      const z = () => zlib as unknown as NodeZlib;
      equal(await (await nodeFetch(HTTP, HTTPS, z)(`${base}/ok`)).text(), text);
      deepEqual(
        new Uint8Array(await (await nodeFetch(HTTP, HTTPS)(`${base}/ok`)).arrayBuffer()),
        packed,
      );
      // A body cut short of its Brotli stream errors the read, as fetch's does
      // (the transport is Node's; Deno's node:zlib does not report a cut stream).
      if (!("Deno" in globalThis)) {
        const cut = await nodeFetch(HTTP, HTTPS, z)(`${base}/corrupt`);
        await rejects(cut.text(), TypeError);
      }
    });
  },
  NO_SANITIZE,
);

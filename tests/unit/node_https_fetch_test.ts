// The fetch over node:https that gives Node's minio-js setRequestOptions
// (and CertificateIdentityProvider) their TLS settings, against a node:https
// server started by each test with a CA, server and client certificates made
// by openssl in a temporary directory: bodies both ways, aborts, redirects,
// headers, keep-alive, trust and a client certificate. Deno and Bun provide
// node:https too, so the transport runs under each runner.
import { execFileSync } from "node:child_process";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import { type NodeHttps, nodeHttpsFetch } from "../../src/base/node_https_fetch.ts";

/** A CA, a server certificate for 127.0.0.1 and a client certificate (CN test-client). */
function makeCertificates() {
  const dir = mkdtempSync(join(tmpdir(), "node-https-fetch-"));
  const f = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-batch"];
  try {
    ssl(
      "req",
      "-x509",
      ...newKey,
      "-days",
      "2",
      "-subj",
      "/CN=node-https-fetch test CA",
      "-keyout",
      f("ca.key"),
      "-out",
      f("ca.crt"),
    );
    const leaf = (name: string, cn: string, ext: string) => {
      ssl(
        "req",
        ...newKey,
        "-subj",
        `/CN=${cn}`,
        "-keyout",
        f(`${name}.key`),
        "-out",
        f(`${name}.csr`),
      );
      writeFileSync(f(`${name}.ext`), ext);
      ssl(
        "x509",
        "-req",
        "-in",
        f(`${name}.csr`),
        "-CA",
        f("ca.crt"),
        "-CAkey",
        f("ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        f(`${name}.ext`),
        "-out",
        f(`${name}.crt`),
      );
    };
    leaf("server", "127.0.0.1", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    leaf("client", "test-client", "extendedKeyUsage=clientAuth\n");
    const read = (name: string) => readFileSync(f(name), "utf8");
    return {
      ca: read("ca.crt"),
      serverCert: read("server.crt"),
      serverKey: read("server.key"),
      clientCert: read("client.crt"),
      clientKey: read("client.key"),
    };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

const PEM = makeCertificates();
const HTTPS = https as unknown as NodeHttps;
// Under Deno the node:https server and agent hold resources past a test's
// end (closing them completes asynchronously); each test closes both itself.
const NO_SANITIZE = { sanitizeOps: false, sanitizeResources: false };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Runs `fn` with the URL of a node:https server answering with `handler`
 * (client certificates asked for, required with `requireClientCert`) and a
 * fetch with `tls` (default: trusting the server's CA); closes both after. `seen` lists each request's method and path.
 */
async function withServer(
  handler: Handler,
  fn: (
    base: string,
    t: ReturnType<typeof nodeHttpsFetch>,
    seen: string[],
    connections: () => number,
  ) => Promise<void>,
  tls: { ca?: string[]; cert?: string; key?: string } = { ca: [PEM.ca] },
  httpsModule: NodeHttps = HTTPS,
  requireClientCert = false,
): Promise<void> {
  const seen: string[] = [];
  let connections = 0;
  const server = https.createServer({
    cert: PEM.serverCert,
    key: PEM.serverKey,
    ca: PEM.ca,
    requestCert: true,
    rejectUnauthorized: requireClientCert,
  }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  server.on("secureConnection", () => connections++);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  const t = nodeHttpsFetch(httpsModule, tls);
  try {
    await fn(`https://127.0.0.1:${port}`, t, seen, () => connections);
  } finally {
    t.close();
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
  }
}

/** What a server was sent: the framing headers and the body. */
interface Received {
  length?: string;
  te?: string;
  body: Uint8Array;
}

/** A handler that records each request's body into `got`, then answers with `answer`. */
function recording(got: Received[], answer: (res: ServerResponse) => void): Handler {
  return async (req, res) => {
    const chunks: Uint8Array[] = [];
    for await (const c of req) chunks.push(c as Uint8Array);
    got.push({
      length: req.headers["content-length"],
      te: req.headers["transfer-encoding"],
      body: await bytesOf(chunks),
    });
    answer(res);
  };
}

const bytesOf = async (parts: Uint8Array[]) =>
  new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());

const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);

test(
  "node https fetch: GET streams the body in order and the Response is a web Response",
  async () => {
    const body = pattern(3 * 256 * 1024 + 17);
    await withServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      // In pieces, so the client gets many chunks.
      let at = 0;
      const next = () => {
        if (at >= body.length) return res.end();
        const piece = body.subarray(at, at + 100_000);
        at += piece.length;
        if (res.write(piece)) setImmediate(next);
        else res.once("drain", next);
      };
      next();
    }, async (base, t) => {
      const res = await t.fetch(`${base}/object`, { method: "GET", redirect: "manual" });
      ok(res instanceof Response);
      equal(res.status, 200);
      equal(res.statusText, "OK");
      equal(res.headers.get("content-type"), "application/octet-stream");
      let chunks = 0;
      const parts: Uint8Array[] = [];
      for await (const c of res.body!) {
        ok(c instanceof Uint8Array);
        parts.push(c);
        chunks++;
      }
      ok(chunks > 1, `${chunks} chunks`);
      deepEqual(await bytesOf(parts), body);
    });
  },
  NO_SANITIZE,
);

test(
  "node https fetch: the node response pauses while a chunk waits unread and resumes on read",
  async () => {
    const calls: string[] = [];
    let pausedOnce!: () => void;
    const paused = new Promise<void>((r) => pausedOnce = r);
    // node:https whose responses report pause() and resume().
    const spying: NodeHttps = {
      Agent: HTTPS.Agent,
      request: (url, options, onResponse) =>
        HTTPS.request(url, options, (res) => {
          const { pause, resume } = res;
          res.pause = () => {
            calls.push("pause");
            pausedOnce();
            pause.call(res);
          };
          res.resume = () => {
            calls.push("resume");
            resume.call(res);
          };
          onResponse(res);
        }),
    };
    const body = pattern(4 * 1024 * 1024);
    await withServer(
      (_req, res) => res.end(body),
      async (base, t) => {
        const res = await t.fetch(`${base}/big`);
        const reader = res.body!.getReader();
        const first = await reader.read();
        ok(!first.done);
        await paused;
        const before = calls.length;
        let total = first.value!.length;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.length;
        }
        equal(total, body.length);
        ok(calls.slice(before).includes("resume"), calls.join(" "));
      },
      { ca: [PEM.ca] },
      spying,
    );
  },
  NO_SANITIZE,
);

test(
  "node https fetch: PUT sends a Uint8Array with its Content-Length and a text body as UTF-8",
  async () => {
    const got: Received[] = [];
    const answer = (res: ServerResponse) =>
      res.writeHead(200, { etag: '"e"', "content-length": "0" }).end();
    await withServer(recording(got, answer), async (base, t) => {
      const bytes = pattern(1_000_003);
      const res = await t.fetch(`${base}/bucket/key`, {
        method: "PUT",
        headers: { "x-amz-meta-a": "1" },
        body: bytes,
      });
      equal(res.status, 200);
      equal(res.headers.get("etag"), '"e"');
      equal(await res.text(), "");
      deepEqual(got[0], { length: "1000003", te: undefined, body: bytes });
      await (await t.fetch(`${base}/sts`, { method: "POST", body: "Action=é" })).arrayBuffer();
      equal(new TextDecoder().decode(got[1].body), "Action=é");
      equal(got[1].length, "9");
    });
  },
  NO_SANITIZE,
);

test(
  "node https fetch: PUT streams a ReadableStream body, fixed length when given, else chunked",
  async () => {
    const got: Received[] = [];
    await withServer(recording(got, (res) => res.end("done")), async (base, t) => {
      const data = pattern(2 * 1024 * 1024 + 5);
      let pulls = 0;
      const stream = () =>
        new ReadableStream<Uint8Array>({
          start() {
            pulls = 0;
          },
          pull(c) {
            const at = pulls++ * 65_536;
            if (at >= data.length) c.close();
            else c.enqueue(data.subarray(at, at + 65_536));
          },
        }, { highWaterMark: 0 });
      const fixed = await t.fetch(`${base}/fixed`, {
        method: "PUT",
        headers: { "content-length": String(data.length) },
        body: stream(),
        duplex: "half",
      } as RequestInit);
      equal(await fixed.text(), "done");
      deepEqual(got[0], { length: String(data.length), te: undefined, body: data });
      const chunked = await t.fetch(`${base}/chunked`, {
        method: "PUT",
        body: stream(),
        duplex: "half",
      } as RequestInit);
      equal(await chunked.text(), "done");
      deepEqual(got[1], { length: undefined, te: "chunked", body: data });
    });
  },
  NO_SANITIZE,
);

test("node https fetch: an abort before the headers rejects with the signal's reason", async () => {
  let arrived!: () => void;
  const waiting = new Promise<void>((r) => arrived = r);
  let closed!: () => void;
  const serverSawClose = new Promise<void>((r) => closed = r);
  await withServer((req) => {
    req.socket.on("close", closed);
    arrived(); // and never answers
  }, async (base, t) => {
    const controller = new AbortController();
    const pending = t.fetch(`${base}/slow`, { signal: controller.signal });
    await waiting;
    const reason = new Error("caller gave up");
    controller.abort(reason);
    await rejects(pending, (e) => e === reason);
    await serverSawClose; // the connection was destroyed, not left hanging
    const already = AbortSignal.abort(new Error("before sending"));
    await rejects(t.fetch(`${base}/never`, { signal: already }), /before sending/);
  });
}, NO_SANITIZE);

test(
  "node https fetch: an abort while the body is read errors the body with the reason",
  async () => {
    await withServer((_req, res) => {
      res.writeHead(200, { "content-length": "1000" });
      res.write("first part"); // and the rest never comes
    }, async (base, t) => {
      const controller = new AbortController();
      const res = await t.fetch(`${base}/stalls`, { signal: controller.signal });
      const reader = res.body!.getReader();
      equal(new TextDecoder().decode((await reader.read()).value), "first part");
      const next = reader.read();
      const reason = new Error("stop reading");
      controller.abort(reason);
      await rejects(next, (e) => e === reason);
    });
  },
  NO_SANITIZE,
);

test("node https fetch: a body cut short by the server errors instead of ending", async () => {
  await withServer((_req, res) => {
    res.writeHead(200, { "content-length": "1000" });
    res.write("only this", () => res.destroy());
  }, async (base, t) => {
    const res = await t.fetch(`${base}/cut`);
    await rejects(res.arrayBuffer(), TypeError);
  });
}, NO_SANITIZE);

test("node https fetch: a redirect is answered as it came, never followed", async () => {
  await withServer((req, res) => {
    if (req.url === "/moved") {
      res.writeHead(307, { location: "/elsewhere", "content-length": "0" }).end();
    } else res.end("followed");
  }, async (base, t, seen) => {
    const res = await t.fetch(`${base}/moved`, { redirect: "manual" });
    equal(res.status, 307);
    equal(res.headers.get("location"), "/elsewhere");
    await res.arrayBuffer();
    const again = await t.fetch(`${base}/moved`);
    equal(again.status, 307);
    await again.arrayBuffer();
    deepEqual(seen, ["GET /moved", "GET /moved"]);
  });
}, NO_SANITIZE);

test(
  "node https fetch: repeated headers join with ', ', Set-Cookie stays apart, HEAD and 204 have no body",
  async () => {
    await withServer((req, res) => {
      res.setHeader("x-amz-meta-multi", ["a", "b"]);
      res.setHeader("set-cookie", ["one=1", "two=2"]);
      res.setHeader("x-upper", "Keep Case");
      if (req.method === "DELETE") res.writeHead(204).end();
      else res.end(req.method === "HEAD" ? undefined : "body");
    }, async (base, t) => {
      const res = await t.fetch(`${base}/h`);
      equal(res.headers.get("x-amz-meta-multi"), "a, b");
      deepEqual(res.headers.getSetCookie(), ["one=1", "two=2"]);
      equal(res.headers.get("x-upper"), "Keep Case");
      equal(await res.text(), "body");
      const head = await t.fetch(`${base}/h`, { method: "HEAD" });
      equal(head.status, 200);
      equal(head.body, null);
      const gone = await t.fetch(`${base}/h`, { method: "DELETE" });
      equal(gone.status, 204);
      equal(gone.body, null);
    });
  },
  NO_SANITIZE,
);

test("node https fetch: connections are kept alive and reused", async () => {
  await withServer((_req, res) => res.end("x"), async (base, t, _seen, connections) => {
    for (let i = 0; i < 3; i++) equal(await (await t.fetch(`${base}/${i}`)).text(), "x");
    equal(connections(), 1);
  });
}, NO_SANITIZE);

test(
  "node https fetch: trust comes from ca; a server that requires a client certificate gets cert and key",
  async () => {
    const peer: (string | undefined)[] = [];
    const handler: Handler = (req, res) => {
      // Bun's node:https server has no getPeerCertificate; it still refuses a missing one.
      const socket = req.socket as Partial<TLSSocket>;
      peer.push(socket.getPeerCertificate?.().subject?.CN ?? "(not known)");
      res.end("ok");
    };
    const refusal = (e: unknown, pattern: RegExp) => {
      ok(e instanceof TypeError, String(e));
      match(e.message, pattern);
    };
    const trusting = { ca: [PEM.ca] };
    const presenting = { ca: [PEM.ca], cert: PEM.clientCert, key: PEM.clientKey };
    await withServer(handler, async (base, t) => {
      refusal(await t.fetch(`${base}/`).catch((e) => e), /^fetch failed: .*certificate/);
    }, {});
    await withServer(
      handler,
      async (base, t) => {
        refusal(await t.fetch(`${base}/`).catch((e) => e), /^fetch failed: /);
      },
      trusting,
      HTTPS,
      true,
    );
    await withServer(
      handler,
      async (base, t) => {
        equal(await (await t.fetch(`${base}/`)).text(), "ok");
      },
      presenting,
      HTTPS,
      true,
    );
    equal(peer.length, 1);
    ok(["test-client", "(not known)"].includes(peer[0]!), peer[0]);
    if (!("Bun" in globalThis)) equal(peer[0], "test-client");
  },
  NO_SANITIZE,
);

test(
  "node https fetch: http URLs go to the plain fetch; Request objects and other schemes are refused",
  async () => {
    const plain: string[] = [];
    const t = nodeHttpsFetch(HTTPS, { ca: [PEM.ca] }, (input, init) => {
      plain.push(`${init?.method} ${input}`);
      return Promise.resolve(new Response("plain"));
    });
    try {
      equal(await (await t.fetch("http://127.0.0.1:1/x", { method: "PUT" })).text(), "plain");
      deepEqual(plain, ["PUT http://127.0.0.1:1/x"]);
      await rejects(t.fetch(new Request("https://127.0.0.1:1/")), /not a Request/);
      await rejects(t.fetch("ftp://127.0.0.1/"), /does not send ftp: URLs/);
      await rejects(
        t.fetch("https://127.0.0.1:1/", { method: "PUT", body: new FormData() }),
        /sends bytes, text or a ReadableStream, not FormData/,
      );
    } finally {
      t.close();
    }
  },
  NO_SANITIZE,
);

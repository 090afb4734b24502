// How CertificateIdentityProvider's fetch presents the client certificate on
// each runtime (Deno's createHttpClient, Bun's tls option, Node's
// node:https, whose transport tests/unit/node_https_fetch_test.ts runs
// against a real server), and the error where fetch cannot present one (workerd,
// browsers), with the runtime's globals given to mtlsFetch as test doubles.
import { deepEqual, equal, ok, test, throws } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { mtlsFetch, type Runtimes } from "../../src/credentials/_mtls.ts";

const TLS = { certificate: "CERT-PEM", privateKey: "KEY-PEM", caCertificates: ["CA-PEM"] };
const answer = () => Promise.resolve(new Response("ok"));

test("mtls: Deno gets an HTTP client with the certificate, closed after", async () => {
  const made: unknown[] = [];
  let closed = 0;
  const client = { close: () => closed++ };
  const inits: RequestInit[] = [];
  const g = {
    fetch: ((_: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init!);
      return answer();
    }) as typeof fetch,
    Deno: {
      createHttpClient(o: unknown) {
        made.push(o);
        return client;
      },
    },
  } as Runtimes;
  const m = mtlsFetch(TLS, g);
  await (await m.fetch("https://sts.example.test/", { method: "POST" })).text();
  deepEqual(made, [{ cert: "CERT-PEM", key: "KEY-PEM", caCerts: ["CA-PEM"] }]);
  equal((inits[0] as { client?: unknown }).client, client);
  equal(inits[0].method, "POST");
  m.close();
  equal(closed, 1);
});

test("mtls: Bun's fetch gets the tls option", async () => {
  const inits: RequestInit[] = [];
  const g = {
    fetch: ((_: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init!);
      return answer();
    }) as typeof fetch,
    Bun: {},
  } as Runtimes;
  await (await mtlsFetch(TLS, g).fetch("https://sts.example.test/")).text();
  deepEqual((inits[0] as { tls?: unknown }).tls, {
    cert: "CERT-PEM",
    key: "KEY-PEM",
    ca: ["CA-PEM"],
  });
});

test("mtls: Node's node:https gets cert, key and ca in a kept-alive Agent; the answer becomes a Response", async () => {
  const agents: Record<string, unknown>[] = [];
  let destroyed = 0;
  const requests: { url: string; options: Record<string, unknown>; body?: Uint8Array }[] = [];
  const https = {
    Agent: class {
      constructor(options: Record<string, unknown>) {
        agents.push(options);
      }
      destroy() {
        destroyed++;
      }
    },
    request(url: URL, options: Record<string, unknown>, cb: (res: unknown) => void) {
      const entry: (typeof requests)[number] = { url: String(url), options };
      requests.push(entry);
      const handlers: Record<string, (x?: unknown) => void> = {};
      const res = {
        statusCode: 403,
        statusMessage: "Forbidden",
        rawHeaders: ["Content-Type", "application/xml"],
        on(e: string, f: (x?: unknown) => void) {
          handlers[e] = f;
        },
        pause() {},
        resume() {},
        destroy() {},
      };
      return {
        destroyed: false,
        on() {},
        off() {},
        write: () => true,
        destroy() {},
        end(body?: Uint8Array) {
          entry.body = body;
          cb(res);
          handlers.data?.(new TextEncoder().encode("<Error/>"));
          handlers.end?.();
        },
      };
    },
  };
  const g = {
    fetch: (() => Promise.reject(new Error("not used"))) as typeof fetch,
    process: { getBuiltinModule: (id: string) => id === "node:https" ? https : undefined },
  } as Runtimes;
  const m = mtlsFetch(TLS, g);
  const res = await m.fetch("https://sts.example.test/?Action=X", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  equal(res.status, 403);
  equal(res.headers.get("content-type"), "application/xml");
  equal(await res.text(), "<Error/>");
  deepEqual(agents, [
    { keepAlive: true, timeout: 4000, ca: ["CA-PEM"], cert: "CERT-PEM", key: "KEY-PEM" },
  ]);
  equal(requests[0].url, "https://sts.example.test/?Action=X");
  equal(requests[0].options.method, "POST");
  ok(requests[0].options.agent instanceof https.Agent);
  equal(requests[0].body?.length, 0);
  m.close();
  equal(destroyed, 1);
});

test("mtls: workerd and browsers get an InvalidArgumentError naming the runtime", () => {
  // workerd has a node:https (over its fetch); it cannot present a certificate.
  const https = { request() {} };
  const workerd = {
    fetch,
    navigator: { userAgent: "Cloudflare-Workers" },
    process: { getBuiltinModule: () => https },
  } as unknown as Runtimes;
  throws(() => mtlsFetch(TLS, workerd), {
    name: "InvalidArgumentError",
    message: /Cloudflare-Workers/,
  });
  const browser = { fetch, navigator: { userAgent: "Mozilla/5.0 (X11)" } } as Runtimes;
  throws(() => mtlsFetch(TLS, browser), InvalidArgumentError);
  throws(() => mtlsFetch(TLS, { fetch } as Runtimes), /this runtime/);
});

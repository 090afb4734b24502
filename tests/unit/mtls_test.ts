// How CertificateIdentityProvider's fetch presents the client certificate on
// each runtime (Deno's createHttpClient, Bun's tls option, Node's
// node:https), and the error where fetch cannot present one (workerd,
// browsers), with the runtime's globals given to mtlsFetch as test doubles.
import { deepEqual, equal, test, throws } from "../harness.ts";
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

test("mtls: Node's https.request gets cert, key and ca; the answer becomes a Response", async () => {
  const requests: { url: string; options: Record<string, unknown>; body?: string }[] = [];
  const https = {
    request(url: string, options: Record<string, unknown>, cb: (res: unknown) => void) {
      const entry: { url: string; options: Record<string, unknown>; body?: string } = {
        url,
        options,
      };
      requests.push(entry);
      const handlers: Record<string, (x?: unknown) => void> = {};
      const res = {
        statusCode: 403,
        headers: {},
        setEncoding() {},
        on(e: string, f: (x?: unknown) => void) {
          handlers[e] = f;
        },
      };
      return {
        on() {},
        destroy() {},
        end(body: string) {
          entry.body = body;
          cb(res);
          handlers.data?.("<Error/>");
          handlers.end?.();
        },
      };
    },
  };
  const g = {
    fetch: (() => Promise.reject(new Error("not used"))) as typeof fetch,
    process: { getBuiltinModule: (id: string) => id === "node:https" ? https : undefined },
  } as Runtimes;
  const res = await mtlsFetch(TLS, g).fetch("https://sts.example.test/?Action=X", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "",
  });
  equal(res.status, 403);
  equal(await res.text(), "<Error/>");
  equal(requests[0].url, "https://sts.example.test/?Action=X");
  equal(requests[0].options.cert, "CERT-PEM");
  equal(requests[0].options.key, "KEY-PEM");
  deepEqual(requests[0].options.ca, ["CA-PEM"]);
  equal(requests[0].options.method, "POST");
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

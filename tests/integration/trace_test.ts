// setAppInfo and traceOn against the real MinIO, S3 and admin clients: the
// User-Agent goes out unsigned and the server accepts the requests; each
// attempt is traced with no secret in it.
import { deepEqual, equal, match, test } from "../harness.ts";
import { MinioAdmin } from "../../admin.ts";
import { SseCustomerKey, type TraceEntry } from "../../mod.ts";
import { env, targets, withBucket } from "./testbed.ts";
import { clientWithFetch } from "./wrapped_fetch.ts";

const SSEC_KEY = new Uint8Array(32).fill(9);

/** A fetch that records the User-Agent and Authorization of each request. */
function recording() {
  const sent: { userAgent: string | null; authorization: string | null }[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const h = new Headers(init?.headers);
    sent.push({ userAgent: h.get("user-agent"), authorization: h.get("authorization") });
    return globalThis.fetch(input, init);
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

function leaks(text: string, signatures: string[]): string[] {
  const secrets = [
    env("MINIO_TEST_SECRET_KEY"),
    btoa(String.fromCharCode(...SSEC_KEY)),
    ...signatures,
  ];
  return secrets.filter((s) => text.includes(s));
}

const signatures = (sent: { authorization: string | null }[]) =>
  sent.map((s) => /Signature=([0-9a-f]{64})/.exec(s.authorization ?? "")?.[1] ?? "none");

for (const t of targets) {
  const tls = t.name === "tls";

  test(`[${t.name}] setAppInfo + traceOn: MinIO accepts the requests, the trace holds no secret`, async () => {
    const { sent, fetch } = recording();
    const c = clientWithFetch(tls, fetch);
    c.setAppInfo("edge-it", "3.1");
    const entries: TraceEntry[] = [];
    c.traceOn((e) => entries.push(e));
    await withBucket(c, async (bucket) => {
      await c.putObject(bucket, "a.txt", "hello");
      if (tls) {
        await c.putObject(bucket, "s.txt", "secret", undefined, {
          sse: new SseCustomerKey(SSEC_KEY),
        });
        await (await c.getObject(bucket, "s.txt", { ssec: new SseCustomerKey(SSEC_KEY) })).text();
      }
    });
    c.traceOff();
    equal(await c.bucketExists("no-such-bucket-trace"), false);
    equal(entries.length, sent.length - 1);
    const agents = [...new Set(sent.map((s) => s.userAgent))];
    equal(agents.length, 1);
    match(agents[0]!, /^minio-edge\/\S+ edge-it\/3\.1$/);
    for (const s of sent) match(s.authorization!, /SignedHeaders=(?![^,]*user-agent)/);
    const put = entries.find((e) => e.method === "PUT" && e.url.endsWith("/a.txt"));
    equal(put?.status, 200);
    match(put!.requestHeaders.authorization, /Signature=\*\*REDACTED\*\*$/);
    equal(put!.requestHeaders["user-agent"], agents[0]);
    if (tls) {
      const ssec = entries.filter((e) => e.url.endsWith("/s.txt") && e.method !== "DELETE");
      deepEqual(ssec.map((e) => e.method), ["PUT", "GET"]);
      for (const e of ssec) {
        equal(e.requestHeaders["x-amz-server-side-encryption-customer-key"], "**REDACTED**");
      }
    }
    deepEqual(leaks(JSON.stringify(entries), signatures(sent)), []);
  });

  test(`[${t.name}] MinioAdmin setAppInfo + traceOn: accepted, traced, no secret`, async () => {
    const { sent, fetch } = recording();
    const admin = new MinioAdmin({
      endPoint: env("MINIO_TEST_HOST"),
      port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
      useSSL: tls,
      accessKey: env("MINIO_TEST_ACCESS_KEY"),
      secretKey: env("MINIO_TEST_SECRET_KEY"),
      fetch,
    });
    admin.setAppInfo("edge-admin-it", "1.0");
    const texts: string[] = [];
    admin.traceOn({ write: (text: string) => texts.push(text) });
    const info = await admin.accountInfo();
    admin.traceOff();
    equal(typeof info, "object");
    equal(texts.length, 1);
    match(texts[0], /^---------START-HTTP---------\nGET .*\/minio\/admin\/v3\/accountinfo/);
    match(texts[0], /\nHTTP\/1\.1 200\n/);
    equal(sent.length, 1);
    match(sent[0].userAgent!, /^minio-edge\/\S+ edge-admin-it\/1\.0$/);
    deepEqual(leaks(texts[0], signatures(sent)), []);
  });
}

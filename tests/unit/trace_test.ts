// setAppInfo and traceOn / traceOff on both clients: the User-Agent sent
// (and left out of the signature), each attempt traced, and no secret in
// any trace.
import { deepEqual, equal, match, rejects, test, throws } from "../harness.ts";
import { InvalidArgumentError, SseCustomerKey, type TraceEntry } from "../../mod.ts";
import { fakeClient, fakeClientWith } from "./fake_fetch.ts";
import { fakeAdmin, SECRET as ADMIN_SECRET } from "./fake_admin.ts";
import { REDACTED, redactUrl } from "../../src/core/trace_format.ts";

const SECRET = "wJalrXUtnFEMI/SECRET/KEY"; // fake_fetch.ts's secret key
const TOKEN = "session-token-TRACE-1234";
const SSEC_KEY = new Uint8Array(32).fill(7);

/** Every secret a trace could leak, as it would appear. */
function secretsIn(text: string, signatures: string[]): string[] {
  const b64 = btoa(String.fromCharCode(...SSEC_KEY));
  return [SECRET, ADMIN_SECRET, TOKEN, b64, ...signatures].filter((s) => text.includes(s));
}

const signatureOf = (auth: string | null) =>
  /Signature=([0-9a-f]{64})/.exec(auth ?? "")?.[1] ?? "none";

test("setAppInfo: User-Agent 'minio-edge/<version> app/version' on every request, not signed", async () => {
  const { client, sent } = fakeClient([{ status: 200 }, { status: 200 }, { status: 200 }]);
  await client.bucketExists("photos");
  const own = sent[0].headers.get("user-agent")!;
  match(own, /^minio-edge\/\d+\.\d+\.\d+/);
  client.setAppInfo("photo-sync", "1.4.2");
  await client.bucketExists("photos");
  equal(sent[1].headers.get("user-agent"), `${own} photo-sync/1.4.2`);
  match(
    sent[1].headers.get("authorization")!,
    /SignedHeaders=host;x-amz-content-sha256;x-amz-date,/,
  );
  // A caller's own User-Agent still wins.
  await client.bucketExists("photos", { extraHeaders: { "user-agent": "mine/1" } });
  equal(sent[2].headers.get("user-agent"), "mine/1");
});

test("setAppInfo: names and versions that are not HTTP tokens are refused", () => {
  const { client } = fakeClient();
  for (
    const [name, version] of [["my app", "1"], ["app", "1/2"], ["", "1"], ["app", ""], [
      "a\r\nx: y",
      "1",
    ], ["a".repeat(65), "1"]]
  ) {
    throws(() => client.setAppInfo(name, version), InvalidArgumentError);
  }
  throws(() => client.setAppInfo("app", 1 as never), InvalidArgumentError);
});

test("traceOn: each request's method, URL, headers and answer, secrets redacted; traceOff stops", async () => {
  const { client, sent } = fakeClient([
    { status: 200, headers: { "x-amz-request-id": "R1" } },
    { status: 200, headers: { "content-length": "0" } },
    { status: 200 },
  ], { useSSL: true, sessionToken: TOKEN });
  const entries: TraceEntry[] = [];
  client.traceOn((e) => entries.push(e));
  await client.bucketExists("photos");
  await client.statObject("photos", "a.txt", { ssec: new SseCustomerKey(SSEC_KEY) });
  client.traceOff();
  await client.bucketExists("photos");
  equal(entries.length, 2);
  const [head, stat] = entries;
  deepEqual([head.method, head.url, head.status], [
    "HEAD",
    "https://s3.example.test:9000/photos",
    200,
  ]);
  equal(head.responseHeaders?.["x-amz-request-id"], "R1");
  const auth = head.requestHeaders.authorization;
  match(
    auth,
    /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=\*\*REDACTED\*\*$/,
  );
  equal(head.requestHeaders["x-amz-security-token"], REDACTED);
  equal(stat.requestHeaders["x-amz-server-side-encryption-customer-key"], REDACTED);
  equal(stat.requestHeaders["x-amz-server-side-encryption-customer-key-md5"], REDACTED);
  equal(stat.requestHeaders["x-amz-server-side-encryption-customer-algorithm"], "AES256");
  const signatures = sent.map((s) => signatureOf(s.headers.get("authorization")));
  deepEqual(secretsIn(JSON.stringify(entries), signatures), []);
});

test("traceOn: a write() sink gets minio-py's text form, secrets redacted", async () => {
  const { client, sent } = fakeClient([{ status: 404 }], { sessionToken: TOKEN });
  const chunks: string[] = [];
  client.traceOn({ write: (t: string) => chunks.push(t) });
  equal(await client.bucketExists("photos"), false);
  equal(chunks.length, 1);
  const text = chunks[0];
  match(text, /^---------START-HTTP---------\nHEAD http:\/\/s3\.example\.test:9000\/photos\n/);
  match(text, /\nHTTP\/1\.1 404\n/);
  match(text, /\nx-amz-security-token: \*\*REDACTED\*\*\n/);
  match(text, /----------END-HTTP----------\n$/);
  deepEqual(secretsIn(text, [signatureOf(sent[0].headers.get("authorization"))]), []);
});

test("traceOn: an attempt without an answer is traced with why", async () => {
  const { client } = fakeClientWith(() => Promise.reject(new TypeError("connection refused")));
  const entries: TraceEntry[] = [];
  client.traceOn((e) => entries.push(e));
  await rejects(client.bucketExists("photos"), /connection refused/);
  equal(entries.length, 1);
  deepEqual([entries[0].method, entries[0].status], ["HEAD", undefined]);
  match(entries[0].error!, /TypeError: connection refused/);
});

test("traceOn: a presigned signature or token in a URL is redacted", () => {
  equal(
    redactUrl(
      "https://h/b/o?X-Amz-Credential=AK%2F1&X-Amz-Signature=abc123&X-Amz-Security-Token=tok&x=1",
    ),
    `https://h/b/o?X-Amz-Credential=AK%2F1&X-Amz-Signature=${REDACTED}&X-Amz-Security-Token=${REDACTED}&x=1`,
  );
  equal(redactUrl("https://h/b/o"), "https://h/b/o");
});

test("traceOn: a sink that is neither a function nor has write() is refused", () => {
  const { client } = fakeClient();
  for (const sink of [null, undefined, "stdout", 1, {}]) {
    throws(() => client.traceOn(sink as never), InvalidArgumentError);
  }
});

test("MinioAdmin: setAppInfo and traceOn / traceOff, secrets redacted", async () => {
  const { admin, sent } = fakeAdmin([{ body: "{}" }, { body: "{}" }], { sessionToken: TOKEN });
  const entries: TraceEntry[] = [];
  admin.setAppInfo("ops-tool", "2.0");
  admin.traceOn((e) => entries.push(e));
  await admin.accountInfo();
  admin.traceOff();
  await admin.accountInfo();
  equal(entries.length, 1);
  match(sent[0].headers.get("user-agent")!, /^minio-edge\/\S+ ops-tool\/2\.0$/);
  equal(sent[1].headers.get("user-agent"), sent[0].headers.get("user-agent"));
  match(entries[0].url, /\/minio\/admin\/v3\/accountinfo/);
  equal(entries[0].requestHeaders["x-amz-security-token"], REDACTED);
  deepEqual(
    secretsIn(JSON.stringify(entries), [signatureOf(sent[0].headers.get("authorization"))]),
    [],
  );
});

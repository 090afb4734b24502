// Retries: 5xx and failed connections are retried with fresh signatures;
// 4xx are not; an abort stops everything.
import { deepEqual, equal, notEqual, ok, rejects, test, throws } from "../harness.ts";
import { Minio, S3Error, ServerError } from "../../mod.ts";
import { recordRequest } from "./fake_fetch.ts";

function client(answers: (() => Response | Promise<Response>)[], seen: Request[]) {
  return new Minio({
    endPoint: "127.0.0.1",
    port: 9,
    useSSL: false,
    accessKey: "a",
    secretKey: "s",
    region: "us-east-1",
    retryDelayMs: 1,
    maxRetries: 3,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return Promise.resolve().then(answers.shift()!);
    }) as typeof fetch,
  });
}

test("a 503 then 200 succeeds after one retry", async () => {
  const seen: Request[] = [];
  const c = client([() => new Response("", { status: 503 }), () => new Response("")], seen);
  // 64 KiB: on Deno it goes aws-chunked, and the retry sends the whole stream again.
  const body = new Uint8Array(64 * 1024).map((_, i) => i % 251);
  await c.putObject("bucket", "k", body);
  equal(seen.length, 2);
  deepEqual((await recordRequest(seen[1])).body, body);
});

test("a failed connection is retried, and after maxRetries surfaces as ServerError", async () => {
  const seen: Request[] = [];
  const fail = () => Promise.reject(new TypeError("connection refused"));
  const c = client([fail, fail, fail, fail], seen);
  const e = await c.statObject("bucket", "k").catch((e) => e);
  ok(e instanceof ServerError);
  equal(seen.length, 4);
});

test("a 404 is not retried", async () => {
  const seen: Request[] = [];
  const c = client([() => new Response(null, { status: 404 })], seen);
  await rejects(
    c.statObject("bucket", "k"),
    (e: unknown) => e instanceof S3Error && e.status === 404,
  );
  equal(seen.length, 1);
});

test("an aborted signal stops before sending and between retries", async () => {
  const seen: Request[] = [];
  const c = client([() => new Response("", { status: 503 }), () => new Response("")], seen);
  const ac = new AbortController();
  ac.abort(new Error("stop"));
  await rejects(c.statObject("bucket", "k", { signal: ac.signal }), /stop/);
  equal(seen.length, 0);
  const ac2 = new AbortController();
  const c2 = client([() => {
    ac2.abort(new Error("stopped mid-way"));
    return new Response("", { status: 503 });
  }, () => new Response("")], seen);
  await rejects(c2.statObject("bucket", "k", { signal: ac2.signal }), /stopped mid-way/);
  equal(seen.length, 1);
  notEqual(seen.length, 2);
});

test("a plain Error from fetch (workerd's) is a failed connection too", async () => {
  const seen: Request[] = [];
  const lost = () => Promise.reject(new Error("Network connection lost."));
  const c = client([lost, () => new Response("")], seen);
  await c.statObject("bucket", "k");
  equal(seen.length, 2);
});

test("a credential provider's error is not retried and comes out unchanged", async () => {
  let calls = 0;
  const c = new Minio({
    endPoint: "127.0.0.1",
    useSSL: false,
    region: "us-east-1",
    credentials: {
      getCredentials: () => {
        calls++;
        return Promise.reject(new RangeError("no credentials here"));
      },
    },
    fetch: (() => Promise.resolve(new Response(""))) as typeof fetch,
  });
  await rejects(
    c.statObject("bucket", "k"),
    (e: unknown) => e instanceof RangeError && e.message === "no credentials here",
  );
  equal(calls, 1);
});

test("retryDeadlineMs and maxRetryDelayMs are checked, and the deadline ends the retries", async () => {
  const base = { endPoint: "127.0.0.1", useSSL: false, accessKey: "a", secretKey: "s" };
  throws(() => new Minio({ ...base, maxRetryDelayMs: -1 }), /maxRetryDelayMs/);
  throws(() => new Minio({ ...base, retryDeadlineMs: 1.5 }), /retryDeadlineMs/);
  const seen: Request[] = [];
  const answers = [() => new Response("", { status: 503 }), () => new Response("")];
  const c = new Minio({
    ...base,
    region: "us-east-1",
    retryDelayMs: 1,
    retryDeadlineMs: 0, // any wait passes it: the first answer stands
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return Promise.resolve().then(answers.shift()!);
    }) as typeof fetch,
  });
  await rejects(
    c.statObject("bucket", "k"),
    (e: unknown) => e instanceof S3Error && e.status === 503,
  );
  equal(seen.length, 1);
});

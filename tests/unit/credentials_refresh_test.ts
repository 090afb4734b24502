// The refresh every temporary-credential provider shares (through
// AssumeRoleProvider and a fake STS): one call for concurrent callers,
// renewal a margin before expiry, transient failures retried, a denial
// typed, old credentials kept only while valid, and the core never signing
// with expired credentials.
import { equal, ok, rejects, test, throws } from "../harness.ts";
import {
  AssumeRoleProvider,
  type CredentialProvider,
  Credentials,
  CredentialsError,
  InvalidArgumentError,
  Minio,
  S3Error,
} from "../../mod.ts";
import { fakeFetch, fakeQueue, stsAnswer, stsError } from "./fake_sts.ts";

const STS = "http://sts.example.test:9000";
const HOUR = 3600_000;
const ok200 = (ak: string, ms = HOUR): [number, string] => [200, stsAnswer("AssumeRole", ak, ms)];

test("refresh: 200 concurrent callers share one STS call", async () => {
  const { fetch, sent } = fakeQueue([ok200("AK1")]);
  const provider = new AssumeRoleProvider(STS, "user", "user-secret", { fetch });
  const all = await Promise.all(Array.from({ length: 200 }, () => provider.getCredentials()));
  equal(sent.length, 1);
  ok(all.every((c) => c.accessKey === "AK1"));
});

test("refresh: cached until the margin before expiry, then renewed once", async () => {
  // 90 s left: fresh under the default 60 s margin, expiring under a 120 s one.
  const { fetch, sent } = fakeQueue([ok200("AK1", 90_000), ok200("AK2"), ok200("AK3")]);
  const provider = new AssumeRoleProvider(STS, "user", "user-secret", { fetch });
  equal((await provider.getCredentials()).accessKey, "AK1");
  equal((await provider.getCredentials()).accessKey, "AK1");
  equal(sent.length, 1);
  const wide = new AssumeRoleProvider(STS, "user", "user-secret", {
    fetch: fakeQueue([ok200("W1", 90_000), ok200("W2")]).fetch,
    refreshMarginSeconds: 120,
  });
  equal((await wide.getCredentials()).accessKey, "W1");
  equal((await wide.getCredentials()).accessKey, "W2");
});

test("refresh: transient failures (503, 500, lost connection) are retried with backoff", async () => {
  let i = 0;
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    i++;
    if (i === 1) return Promise.reject(new TypeError("fetch failed"));
    if (i === 2) return Promise.resolve(new Response("", { status: 503 }));
    if (i === 3) return Promise.resolve(new Response("", { status: 500 }));
    void new Request(input, init);
    return Promise.resolve(new Response(stsAnswer("AssumeRole", "AK1", HOUR)));
  }) as typeof globalThis.fetch;
  const provider = new AssumeRoleProvider(STS, "user", "user-secret", { fetch });
  equal((await provider.getCredentials()).accessKey, "AK1");
  equal(i, 4);
});

test("refresh: a denial is an S3Error at once (no retry), and the next call asks again", async () => {
  const { fetch, sent } = fakeQueue([
    [403, stsError("AccessDenied", "Access denied")],
    ok200("AK2"),
  ]);
  const provider = new AssumeRoleProvider(STS, "user", "user-secret", { fetch });
  const e = await provider.getCredentials().then(() => undefined, (e) => e);
  ok(e instanceof S3Error);
  equal(e.code, "AccessDenied");
  equal(e.status, 403);
  equal(sent.length, 1);
  equal((await provider.getCredentials()).accessKey, "AK2");
});

test("refresh: a failed renewal keeps credentials still valid, never expired ones", async () => {
  // Expiring within the margin (30 s left), not expired: kept when renewal fails.
  const { fetch } = fakeQueue([
    ok200("AK1", 30_000),
    [403, stsError("AccessDenied", "no")],
  ]);
  const provider = new AssumeRoleProvider(STS, "user", "user-secret", { fetch });
  equal((await provider.getCredentials()).accessKey, "AK1");
  equal((await provider.getCredentials()).accessKey, "AK1");
  // Already expired: the failure surfaces.
  const expired = new AssumeRoleProvider(STS, "user", "user-secret", {
    fetch: fakeQueue([ok200("OLD", -1000), [403, stsError("AccessDenied", "no")]]).fetch,
  });
  equal((await expired.getCredentials()).accessKey, "OLD");
  await rejects(expired.getCredentials(), S3Error);
});

test("the core never signs with expired credentials: CredentialsError, nothing sent", async () => {
  const provider: CredentialProvider = {
    getCredentials: () =>
      Promise.resolve(new Credentials("AKX", "SKX", "TKX", new Date(Date.now() - 1000))),
  };
  let sent = 0;
  const client = new Minio({
    endPoint: "s3.example.test",
    region: "us-east-1",
    credentials: provider,
    fetch: (() => {
      sent++;
      return Promise.resolve(new Response(""));
    }) as typeof fetch,
  });
  const e = await client.bucketExists("bucket").then(() => undefined, (e) => e);
  ok(e instanceof CredentialsError, `expected CredentialsError, got ${e}`);
  ok(/expired/.test(e.message) && !e.message.includes("SKX") && !e.message.includes("TKX"));
  equal(sent, 0);
});

test("refresh: refreshMarginSeconds is checked", () => {
  for (const bad of [-1, 1.5, "60", null]) {
    throws(
      () => new AssumeRoleProvider(STS, "u", "s", { refreshMarginSeconds: bad as number }),
      InvalidArgumentError,
    );
  }
  const { fetch } = fakeFetch(() => [200, ""]);
  ok(new AssumeRoleProvider(STS, "u", "s", { refreshMarginSeconds: 0, fetch }));
});

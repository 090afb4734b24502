// What AssumeRoleProvider, WebIdentityProvider, ClientGrantsProvider and
// CertificateIdentityProvider send to the STS and how they read its answer:
// form fields, the AssumeRole signature, lifetimes from a token's expiry,
// malformed answers, and bad arguments refused before any request.
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  AssumeRoleProvider,
  CertificateIdentityProvider,
  ClientGrantsProvider,
  InvalidArgumentError,
  InvalidResponseError,
  S3Error,
  signV4Headers,
  WebIdentityProvider,
} from "../../mod.ts";
import { sha256Hex } from "../../src/crypto/hash.ts";
import { assumeRole } from "../../src/credentials/sts.ts";
import { fakeFetch, fakeQueue, formOf, stsAnswer, stsError } from "./fake_sts.ts";

const STS = "http://sts.example.test:9000";
const HOUR = 3600_000;
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhcHAifQ.c2lnbmF0dXJl";

test("AssumeRoleProvider: a SigV4-signed (service sts) form POST with every option", async () => {
  const { fetch, sent } = fakeQueue([[200, stsAnswer("AssumeRole", "AK1", HOUR)]]);
  const provider = new AssumeRoleProvider(STS, "app", "app-secret", {
    durationSeconds: 900,
    policy: { Version: "2012-10-17", Statement: [] },
    region: "eu-west-1",
    roleArn: "arn:aws:iam::1:role/r",
    roleSessionName: "s1",
    externalId: "ext",
    fetch,
  });
  const creds = await provider.getCredentials();
  deepEqual([creds.accessKey, creds.secretKey, creds.sessionToken], [
    "AK1",
    "secret-AK1",
    "token-AK1",
  ]);
  const req = sent[0];
  equal(req.method, "POST");
  equal(req.url, `${STS}/`);
  deepEqual(await formOf(req), [
    ["Action", "AssumeRole"],
    ["DurationSeconds", "900"],
    ["ExternalId", "ext"],
    ["Policy", '{"Version":"2012-10-17","Statement":[]}'],
    ["RoleArn", "arn:aws:iam::1:role/r"],
    ["RoleSessionName", "s1"],
    ["Version", "2011-06-15"],
  ]);
  const body = await req.clone().text();
  const payloadHash = await sha256Hex(new TextEncoder().encode(body));
  equal(req.headers.get("x-amz-content-sha256"), payloadHash);
  const date = req.headers.get("x-amz-date")!;
  const when = new Date(
    date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, "$1-$2-$3T$4:$5:$6Z"),
  );
  const expected = signV4Headers(
    {
      method: "POST",
      path: "/",
      query: [],
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        host: "sts.example.test:9000",
        "x-amz-date": date,
        "x-amz-content-sha256": payloadHash,
      },
      payloadHash,
    },
    { accessKey: "app", secretKey: "app-secret" },
    "eu-west-1",
    "sts",
    when,
  );
  equal(req.headers.get("authorization"), expected.authorization);
  ok(expected.authorization.includes("/eu-west-1/sts/aws4_request"));
});

test("STS answers: malformed XML, missing fields and HTTP errors are typed errors", async () => {
  const cases: [number, string, new (...a: never[]) => Error][] = [
    [200, "<not xml", InvalidResponseError],
    [200, "<AssumeRoleResponse><AssumeRoleResult/></AssumeRoleResponse>", InvalidResponseError],
    [
      200,
      stsAnswer("AssumeRole", "AK", HOUR).replace(/<Expiration>.*<\/Expiration>/, ""),
      InvalidResponseError,
    ],
    [400, stsError("InvalidParameterValue", "bad"), S3Error],
    [403, "<html>forbidden</html>", InvalidResponseError],
  ];
  for (const [status, body, cls] of cases) {
    const provider = new AssumeRoleProvider(STS, "app", "app-secret", {
      fetch: fakeFetch(() => [status, body]).fetch,
    });
    const e = await provider.getCredentials().then(() => undefined, (e) => e);
    ok(e instanceof cls, `${status} ${body.slice(0, 30)}: got ${e}`);
    ok(!e.message.includes("app-secret"));
  }
});

test("WebIdentityProvider: the token from the caller's function, unsigned; lifetime from expiresIn", async () => {
  const { fetch, sent } = fakeQueue([
    [200, stsAnswer("AssumeRoleWithWebIdentity", "W1", HOUR)],
    [200, stsAnswer("AssumeRoleWithWebIdentity", "W2", HOUR)],
    [200, stsAnswer("AssumeRoleWithWebIdentity", "W3", HOUR)],
  ]);
  const signals: AbortSignal[] = [];
  const lifetimes = [60, 10_000_000];
  const provider = new WebIdentityProvider(STS, (signal) => {
    signals.push(signal);
    return { token: JWT, expiresIn: lifetimes.shift() };
  }, { roleArn: "arn:minio:iam:::role/x", policy: '{"Version":"2012-10-17"}', fetch });
  equal((await provider.getCredentials()).accessKey, "W1");
  ok(signals[0] instanceof AbortSignal);
  equal(sent[0].headers.get("authorization"), null);
  const form = Object.fromEntries(await formOf(sent[0]));
  equal(form.Action, "AssumeRoleWithWebIdentity");
  equal(form.WebIdentityToken, JWT);
  equal(form.RoleArn, "arn:minio:iam:::role/x");
  ok(/^minio-edge-\d+$/.test(form.RoleSessionName));
  equal(form.Policy, '{"Version":"2012-10-17"}');
  equal(form.DurationSeconds, "900"); // 60 s raised to the minimum
  // A token living longer than 7 days: the maximum. durationSeconds wins over both.
  const p2 = new WebIdentityProvider(STS, () => ({ token: JWT, expiresIn: 10_000_000 }), {
    fetch,
  });
  await p2.getCredentials();
  equal(Object.fromEntries(await formOf(sent[1])).DurationSeconds, "604800");
  const p3 = new WebIdentityProvider(STS, () => Promise.resolve(JWT), {
    durationSeconds: 1800,
    fetch,
  });
  await p3.getCredentials();
  equal(Object.fromEntries(await formOf(sent[2])).DurationSeconds, "1800");
});

test("WebIdentityProvider: a token source giving nothing usable is refused, nothing sent", async () => {
  for (const bad of [undefined, "", 42, { token: "" }, { token: JWT, expiresIn: "soon" }]) {
    const { fetch, sent } = fakeQueue([]);
    const provider = new WebIdentityProvider(STS, () => bad as string, { fetch });
    await rejects(provider.getCredentials(), InvalidArgumentError);
    equal(sent.length, 0);
  }
  const failing = new WebIdentityProvider(STS, () => Promise.reject(new Error("idp down")));
  await rejects(failing.getCredentials(), /idp down/);
});

test("ClientGrantsProvider: AssumeRoleWithClientGrants with the token as Token", async () => {
  const { fetch, sent } = fakeQueue([[200, stsAnswer("AssumeRoleWithClientGrants", "C1", HOUR)]]);
  const provider = new ClientGrantsProvider(STS, () => ({ token: JWT, expiresIn: 3600 }), {
    fetch,
  });
  equal((await provider.getCredentials()).accessKey, "C1");
  deepEqual(await formOf(sent[0]), [
    ["Action", "AssumeRoleWithClientGrants"],
    ["DurationSeconds", "3600"],
    ["Token", JWT],
    ["Version", "2011-06-15"],
  ]);
});

test("STS providers: bad arguments fail with InvalidArgumentError before any request", () => {
  const source = () => JWT;
  const bad: (() => unknown)[] = [
    () => new AssumeRoleProvider("ftp://x", "a", "s"),
    () => new AssumeRoleProvider(STS, "", "s"),
    () => new AssumeRoleProvider(STS, "a", 5 as unknown as string),
    () => new AssumeRoleProvider(STS, "a", "s", { durationSeconds: 899 }),
    () => new AssumeRoleProvider(STS, "a", "s", { durationSeconds: 604_801 }),
    () => new AssumeRoleProvider(STS, "a", "s", { policy: 5 as unknown as string }),
    () => new AssumeRoleProvider(STS, "a", "s", { roleArn: "" }),
    () => new AssumeRoleProvider(STS, "a", "s", { fetch: "x" as unknown as typeof fetch }),
    () => new AssumeRoleProvider(STS, "a", "s", "x" as never),
    () => new WebIdentityProvider(STS, "token" as never),
    () => new WebIdentityProvider("not a url", source),
    () => new WebIdentityProvider(STS, source, { roleSessionName: 1 as unknown as string }),
    () => new ClientGrantsProvider(STS, null as never),
    () => new CertificateIdentityProvider(STS, { certificate: "c", privateKey: "k" }),
    () =>
      new CertificateIdentityProvider("https://sts.example.test", {
        certificate: "",
        privateKey: "k",
      }),
    () =>
      new CertificateIdentityProvider("https://sts.example.test", {
        certificate: "c",
        privateKey: "k",
        caCertificates: "ca" as unknown as string[],
      }),
    () => new CertificateIdentityProvider("https://sts.example.test", undefined as never),
  ];
  for (const make of bad) throws(make, InvalidArgumentError);
});

test("AssumeRoleWithCertificate: its fields go in the query (MinIO routes that action by it)", async () => {
  const { fetch, sent } = fakeQueue([
    [200, stsAnswer("AssumeRoleWithCertificate", "X1", HOUR)],
  ]);
  const creds = await assumeRole(
    "https://sts.example.test",
    "AssumeRoleWithCertificate",
    { DurationSeconds: "3600" },
    fetch,
  );
  equal(creds.accessKey, "X1");
  const url = new URL(sent[0].url);
  deepEqual([...url.searchParams].sort(), [
    ["Action", "AssumeRoleWithCertificate"],
    ["DurationSeconds", "3600"],
    ["Version", "2011-06-15"],
  ]);
  equal(await sent[0].text(), "");
  equal(sent[0].method, "POST");
});

// What IamAwsProvider asks of EC2 instance metadata (IMDSv2 and the v1
// fallback), of the ECS/EKS container endpoint, and how it reads their
// answers; which options and environment variables it takes.
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  CredentialsError,
  IamAwsProvider,
  InvalidArgumentError,
  InvalidResponseError,
} from "../../mod.ts";
import { fakeFetch } from "./fake_sts.ts";
import { withEnv } from "../env_vars.ts";

const EXPIRES = new Date(Date.now() + 3600_000).toISOString();
const ROLE_JSON = JSON.stringify({
  Code: "Success",
  AccessKeyId: "ASIA1",
  SecretAccessKey: "role-secret",
  Token: "role-token",
  Expiration: EXPIRES,
});

test("IamAwsProvider: IMDSv2 asks a session token, lists the role, reads its credentials", async () => {
  const { fetch, sent } = fakeFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/latest/api/token") return [200, "imds-session-token"];
    if (path === "/latest/meta-data/iam/security-credentials/") return [200, "app-role\n"];
    if (path === "/latest/meta-data/iam/security-credentials/app-role") return [200, ROLE_JSON];
    return [404, ""];
  });
  const provider = new IamAwsProvider({ fetch });
  const creds = await provider.getCredentials();
  deepEqual([creds.accessKey, creds.secretKey, creds.sessionToken], [
    "ASIA1",
    "role-secret",
    "role-token",
  ]);
  equal(creds.expiration?.toISOString(), EXPIRES);
  deepEqual(sent.map((r) => `${r.method} ${r.url}`), [
    "PUT http://169.254.169.254/latest/api/token",
    "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role",
  ]);
  equal(sent[0].headers.get("x-aws-ec2-metadata-token-ttl-seconds"), "21600");
  equal(sent[1].headers.get("x-aws-ec2-metadata-token"), "imds-session-token");
  equal(sent[2].headers.get("x-aws-ec2-metadata-token"), "imds-session-token");
  await provider.getCredentials();
  equal(sent.length, 3, "cached until near expiry");
});

test("IamAwsProvider: an IMDS that refuses the token request (v1 only) is read without one", async () => {
  const { fetch, sent } = fakeFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === "/latest/api/token") return [405, ""];
    if (path.endsWith("/security-credentials/")) return [200, "r"];
    return [200, ROLE_JSON];
  });
  const provider = new IamAwsProvider({ endpoint: "http://127.0.0.1:1338", fetch });
  equal((await provider.getCredentials()).accessKey, "ASIA1");
  equal(sent[1].headers.get("x-aws-ec2-metadata-token"), null);
});

test("IamAwsProvider: no role, Code not Success, malformed JSON are typed errors", async () => {
  const answers: [string, new (...a: never[]) => Error][] = [
    ["", CredentialsError],
    [JSON.stringify({ Code: "AssumeRoleUnauthorizedAccess", Message: "no" }), CredentialsError],
    ["{not json", InvalidResponseError],
    [JSON.stringify({ Code: "Success", AccessKeyId: "A" }), InvalidResponseError],
  ];
  for (const [i, [answer, cls]] of answers.entries()) {
    const { fetch } = fakeFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === "/latest/api/token") return [200, "t"];
      if (path.endsWith("/security-credentials/")) return [200, i === 0 ? "" : "r"];
      return [200, answer];
    });
    const e = await new IamAwsProvider({ fetch }).getCredentials().then(() => 0, (e) => e);
    ok(e instanceof cls, `${answer}: got ${e}`);
  }
});

test("IamAwsProvider: ECS relative URI and full URI, with token or token file", async () => {
  const { fetch, sent } = fakeFetch(() => [200, ROLE_JSON]);
  await new IamAwsProvider({ relativeUri: "v2/credentials/abc", authToken: "tok", fetch })
    .getCredentials();
  equal(sent[0].url, "http://169.254.170.2/v2/credentials/abc");
  equal(sent[0].headers.get("authorization"), "tok");
  await new IamAwsProvider({ fullUri: "http://127.0.0.1:8080/creds", fetch }).getCredentials();
  equal(sent[1].url, "http://127.0.0.1:8080/creds");
  equal(sent[1].headers.get("authorization"), null);
  await new IamAwsProvider({ fullUri: "http://169.254.170.23/v1/credentials", fetch })
    .getCredentials();
  equal(sent[2].url, "http://169.254.170.23/v1/credentials");
  const denied = fakeFetch(() => [403, "{}"]);
  const e = await new IamAwsProvider({ relativeUri: "/x", fetch: denied.fetch }).getCredentials()
    .then(() => 0, (e) => e);
  ok(e instanceof CredentialsError && /HTTP 403/.test(e.message));
});

test("IamAwsProvider: a full URI off loopback and the ECS/EKS agents is refused", () => {
  for (const fullUri of ["http://example.com/creds", "http://169.254.169.254/x", "nope"]) {
    throws(() => new IamAwsProvider({ fullUri }), InvalidArgumentError);
  }
  throws(() => new IamAwsProvider({ endpoint: 5 as unknown as string }), InvalidArgumentError);
  throws(() => new IamAwsProvider("x" as never), InvalidArgumentError);
});

test("IamAwsProvider: reads AWS_CONTAINER_CREDENTIALS_FULL_URI and its token from the environment", async () => {
  await withEnv({
    AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://localhost:9911/c",
    AWS_CONTAINER_AUTHORIZATION_TOKEN: "env-token",
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
    AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  }, async () => {
    const { fetch, sent } = fakeFetch(() => [200, ROLE_JSON]);
    await new IamAwsProvider({ fetch }).getCredentials();
    equal(sent[0].url, "http://localhost:9911/c");
    equal(sent[0].headers.get("authorization"), "env-token");
  });
});

test("IamAwsProvider: a missing token file fails clearly, before any request", async () => {
  const missing = fakeFetch(() => [500, ""]);
  const provider = new IamAwsProvider({
    tokenFile: "/nonexistent/minio-edge/token",
    stsEndpoint: "http://sts.example.test",
    fetch: missing.fetch,
  });
  const e = await provider.getCredentials().then(() => 0, (e) => e);
  ok(e instanceof CredentialsError, `got ${e}`);
  ok(e.message.includes("/nonexistent/minio-edge/token"));
  equal(missing.sent.length, 0);
  const noTokenFile = new IamAwsProvider({
    relativeUri: "/x",
    authTokenFile: "/nonexistent/minio-edge/ecs-token",
    fetch: missing.fetch,
  });
  await rejects(noTokenFile.getCredentials(), CredentialsError);
  equal(missing.sent.length, 0);
});

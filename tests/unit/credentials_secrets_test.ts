// No provider shows a secret: the secret key, LDAP password, JWT, client
// certificate key, container token and the temporary credentials it got
// never appear in JSON.stringify, util.inspect (Deno.inspect too) of the
// provider, of a client using it, or in the errors it raises.
import { inspect } from "node:util";
import { ok, test } from "../harness.ts";
import {
  AssumeRoleProvider,
  AWSConfigProvider,
  CertificateIdentityProvider,
  ChainedProvider,
  ClientGrantsProvider,
  type CredentialProvider,
  IamAwsProvider,
  LdapIdentityProvider,
  Minio,
  MinioClientConfigProvider,
  StaticProvider,
  WebIdentityProvider,
} from "../../mod.ts";
import { fakeFetch, stsAnswer, stsError } from "./fake_sts.ts";

const STS = "http://sts.example.test:9000";
const SECRETS = {
  secretKey: "SECRET-user-key-0001",
  password: "SECRET-ldap-password-0002",
  jwt: "SECRET.jwt.0003",
  privateKey: "-----BEGIN PRIVATE KEY-----SECRET-0004-----END PRIVATE KEY-----",
  containerToken: "SECRET-container-token-0005",
  sessionToken: "SECRET-static-session-0006",
};

/** A fetch whose STS answer's temporary secret and token are secrets too. */
function stsFetch(action: string) {
  return fakeFetch(() => [200, stsAnswer(action, "ASIATEMP", 3600_000)]).fetch;
}
const TEMP = ["secret-ASIATEMP", "token-ASIATEMP"];

function printed(value: unknown): string[] {
  const out = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ""];
  const deno = (globalThis as { Deno?: { inspect(v: unknown, o?: object): string } }).Deno;
  if (deno) out.push(deno.inspect(value, { depth: 10 }));
  return out;
}

function assertNoSecret(what: string, value: unknown): void {
  for (const text of printed(value)) {
    for (const s of [...Object.values(SECRETS), ...TEMP]) {
      ok(!text.includes(s), `${what} shows a secret: ${text.slice(0, 200)}`);
    }
  }
}

const ROLE_JSON = JSON.stringify({
  AccessKeyId: "ASIATEMP",
  SecretAccessKey: "secret-ASIATEMP",
  Token: "token-ASIATEMP",
  Expiration: new Date(Date.now() + 3600_000).toISOString(),
});

function providers(): [string, CredentialProvider][] {
  return [
    ["StaticProvider", new StaticProvider("AK", SECRETS.secretKey, SECRETS.sessionToken)],
    [
      "AssumeRoleProvider",
      new AssumeRoleProvider(STS, "AK", SECRETS.secretKey, { fetch: stsFetch("AssumeRole") }),
    ],
    [
      "LdapIdentityProvider",
      new LdapIdentityProvider(STS, "alice", SECRETS.password, {
        fetch: stsFetch("AssumeRoleWithLDAPIdentity"),
      }),
    ],
    [
      "WebIdentityProvider",
      new WebIdentityProvider(STS, () => SECRETS.jwt, {
        fetch: stsFetch("AssumeRoleWithWebIdentity"),
      }),
    ],
    [
      "ClientGrantsProvider",
      new ClientGrantsProvider(STS, () => SECRETS.jwt, {
        fetch: stsFetch("AssumeRoleWithClientGrants"),
      }),
    ],
    [
      "IamAwsProvider",
      new IamAwsProvider({
        fullUri: "http://127.0.0.1:9/creds",
        authToken: SECRETS.containerToken,
        fetch: fakeFetch(() => [200, ROLE_JSON]).fetch,
      }),
    ],
    [
      "ChainedProvider",
      new ChainedProvider([new StaticProvider("AK", SECRETS.secretKey, SECRETS.sessionToken)]),
    ],
  ];
}

test("providers, their credentials and clients using them never print a secret", async () => {
  for (const [name, provider] of providers()) {
    assertNoSecret(`${name} (new)`, provider);
    const creds = await provider.getCredentials();
    assertNoSecret(`${name}'s credentials`, creds);
    assertNoSecret(`${name} (after a refresh)`, provider);
    const client = new Minio({ endPoint: "s3.example.test", credentials: provider });
    assertNoSecret(`a client of ${name}`, client);
  }
  const cert = new CertificateIdentityProvider("https://sts.example.test", {
    certificate: "-----BEGIN CERTIFICATE-----x-----END CERTIFICATE-----",
    privateKey: SECRETS.privateKey,
  });
  assertNoSecret("CertificateIdentityProvider", cert);
  assertNoSecret(
    "a client with keys",
    new Minio({
      endPoint: "s3.example.test",
      accessKey: "AK",
      secretKey: SECRETS.secretKey,
      sessionToken: SECRETS.sessionToken,
    }),
  );
  assertNoSecret("AWSConfigProvider", new AWSConfigProvider({ profile: "p" }));
  assertNoSecret("MinioClientConfigProvider", new MinioClientConfigProvider({ alias: "a" }));
});

test("errors of a refused STS call or container endpoint never carry the secret sent", async () => {
  const denied = () => fakeFetch(() => [403, stsError("AccessDenied", "denied")]).fetch;
  const failing: [string, CredentialProvider][] = [
    [
      "AssumeRoleProvider",
      new AssumeRoleProvider(STS, "AK", SECRETS.secretKey, { fetch: denied() }),
    ],
    [
      "LdapIdentityProvider",
      new LdapIdentityProvider(STS, "alice", SECRETS.password, { fetch: denied() }),
    ],
    ["WebIdentityProvider", new WebIdentityProvider(STS, () => SECRETS.jwt, { fetch: denied() })],
    ["ClientGrantsProvider", new ClientGrantsProvider(STS, () => SECRETS.jwt, { fetch: denied() })],
    [
      "IamAwsProvider",
      new IamAwsProvider({
        relativeUri: "/creds",
        authToken: SECRETS.containerToken,
        fetch: fakeFetch(() => [401, SECRETS.containerToken]).fetch,
      }),
    ],
  ];
  for (const [name, provider] of failing) {
    const e = await provider.getCredentials().then(() => undefined, (e) => e);
    ok(e instanceof Error, `${name} should fail`);
    assertNoSecret(`${name}'s error`, e);
    ok(!String(e.stack).includes(SECRETS.jwt) && !String(e.stack).includes(SECRETS.password));
    const chained = await new ChainedProvider([provider]).getCredentials().then(() => 0, (e) => e);
    assertNoSecret(`a chain of ${name}'s error`, chained);
  }
});

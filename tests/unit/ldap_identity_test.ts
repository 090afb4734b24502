// What LdapIdentityProvider sends to STS, how it reads the answer and
// caches; getPolicyEntitiesLdap's request; region discovery refused by policy.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import {
  InvalidArgumentError,
  InvalidResponseError,
  LdapIdentityProvider,
  S3Error,
} from "../../mod.ts";
import { checkRequest, encrypted, fakeAdmin } from "./fake_admin.ts";
import { fakeClient } from "./fake_fetch.ts";

const STS = "http://sts.example.test:9000";
const PASSWORD = "ldap-password-&=+";

function stsAnswer(accessKey: string, expiresInMs: number): string {
  const expiration = new Date(Date.now() + expiresInMs).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<AssumeRoleWithLDAPIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<AssumeRoleWithLDAPIdentityResult><Credentials><AccessKeyId>${accessKey}</AccessKeyId>
<SecretAccessKey>secret-${accessKey}</SecretAccessKey><Expiration>${expiration}</Expiration>
<SessionToken>token-${accessKey}</SessionToken></Credentials></AssumeRoleWithLDAPIdentityResult>
<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleWithLDAPIdentityResponse>`;
}

/** A fetch answering from `replies` (status, body) and recording each request. */
function fakeSts(replies: [number, string][]) {
  const sent: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    const [status, body] = replies.shift() ?? [500, ""];
    return Promise.resolve(new Response(body, { status }));
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}

test("LdapIdentityProvider: unsigned form POST, credentials parsed", async () => {
  const { fetch, sent } = fakeSts([[200, stsAnswer("AK1", 3600_000)]]);
  const provider = new LdapIdentityProvider(`${STS}/`, "alice", PASSWORD, {
    durationSeconds: 900,
    policy: { Version: "2012-10-17", Statement: [] },
    tokenRevokeType: "ci",
    fetch,
  });
  const creds = await provider.getCredentials();
  equal(creds.accessKey, "AK1");
  equal(creds.secretKey, "secret-AK1");
  equal(creds.sessionToken, "token-AK1");
  ok(creds.expiration && creds.expiration.getTime() > Date.now());
  equal(sent.length, 1);
  equal(sent[0].method, "POST");
  equal(sent[0].url, `${STS}/`);
  equal(sent[0].headers.get("content-type"), "application/x-www-form-urlencoded");
  equal(sent[0].headers.get("authorization"), null);
  deepEqual([...new URLSearchParams(await sent[0].text())].sort(), [
    ["Action", "AssumeRoleWithLDAPIdentity"],
    ["DurationSeconds", "900"],
    ["LDAPPassword", PASSWORD],
    ["LDAPUsername", "alice"],
    ["Policy", '{"Version":"2012-10-17","Statement":[]}'],
    ["TokenRevokeType", "ci"],
    ["Version", "2011-06-15"],
  ]);
});

test("LdapIdentityProvider: cached until a minute before expiry, then renewed once", async () => {
  const { fetch, sent } = fakeSts([
    [200, stsAnswer("NEAR", 30_000)], // inside the one-minute margin: renewed on the next call
    [200, stsAnswer("FRESH", 3600_000)],
  ]);
  const provider = new LdapIdentityProvider(STS, "alice", PASSWORD, { fetch });
  equal((await provider.getCredentials()).accessKey, "NEAR");
  const [a, b] = await Promise.all([provider.getCredentials(), provider.getCredentials()]);
  ok(a === b, "concurrent callers share one login");
  equal(a.accessKey, "FRESH");
  equal(await provider.getCredentials(), a);
  equal(sent.length, 2);
});

test("LdapIdentityProvider: STS errors become S3Error without the password; retried next call", async () => {
  const error = `<?xml version="1.0" encoding="UTF-8"?>
<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type></Type>
<Code>InvalidParameterValue</Code><Message>LDAP auth failed</Message></Error>
<RequestId>REQ1</RequestId></ErrorResponse>`;
  const { fetch, sent } = fakeSts([
    [400, error],
    [200, "<AssumeRoleWithLDAPIdentityResponse/>"],
    [200, stsAnswer("AK2", 3600_000)],
  ]);
  const provider = new LdapIdentityProvider(STS, "alice", PASSWORD, { fetch });
  const e = await provider.getCredentials().then(() => undefined, (e) => e);
  ok(e instanceof S3Error);
  equal(e.code, "InvalidParameterValue");
  equal(e.status, 400);
  equal(e.requestId, "REQ1");
  ok(!e.message.includes(PASSWORD));
  await rejects(provider.getCredentials(), InvalidResponseError);
  equal((await provider.getCredentials()).accessKey, "AK2");
  equal(sent.length, 3);
  ok(!JSON.stringify(provider).includes(PASSWORD));
});

test("LdapIdentityProvider: bad arguments fail before any request", () => {
  const bad: [string, string, string, object?][] = [
    ["sts.example.test", "alice", "pw"],
    ["ftp://sts.example.test", "alice", "pw"],
    [STS, "", "pw"],
    [STS, "alice", ""],
    [STS, "alice", "pw", { durationSeconds: 60 }],
    [STS, "alice", "pw", { durationSeconds: 900.5 }],
  ];
  for (const [endpoint, user, pw, options] of bad) {
    let thrown: unknown;
    try {
      new LdapIdentityProvider(endpoint, user, pw, options);
    } catch (e) {
      thrown = e;
    }
    ok(thrown instanceof InvalidArgumentError, `${endpoint} ${user} ${JSON.stringify(options)}`);
  }
});

test("getPolicyEntitiesLdap: GET idp/ldap/policy-entities, answer decrypted", async () => {
  const answer = { timestamp: "2026-01-02T03:04:05Z", groupMappings: [] };
  const { admin, sent } = fakeAdmin([await encrypted(answer)]);
  const dn = "uid=alice,ou=people,dc=example,dc=org";
  deepEqual(await admin.getPolicyEntitiesLdap([dn], ["cn=ops,dc=example,dc=org"], ["p"]), answer);
  await checkRequest(sent[0], "GET", "idp/ldap/policy-entities", [
    ["user", dn],
    ["group", "cn=ops,dc=example,dc=org"],
    ["policy", "p"],
  ]);
});

test("region discovery refused by the policy (AccessDenied): default region, asked once", async () => {
  const denied = "<Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>";
  const { client, sent } = fakeClient([{ status: 403, body: denied }, {}, {}], {
    region: undefined,
  });
  await client.putObject("photos", "a.txt", "a");
  await client.putObject("photos", "b.txt", "b");
  equal(sent.length, 3);
  deepEqual([...sent[0].url.searchParams], [["location", ""]]);
  ok(sent[1].headers.get("authorization")?.includes("/us-east-1/s3/aws4_request"));
});

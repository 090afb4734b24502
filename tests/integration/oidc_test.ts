// WebIdentity, ClientGrants, IRSA (a token file) and a client certificate
// against a real OpenID provider (oidc-provider) and the MinIO that trusts
// it (scripts/testbed_oidc.sh): the JWT comes from the provider's
// client-credentials grant, MinIO's STS exchanges it, and the policy named
// by its claim holds: buckets oidc-allowed-* work, any other is denied.
import { deepEqual, equal, ok, test } from "../harness.ts";
import {
  CertificateIdentityProvider,
  ClientGrantsProvider,
  type CredentialProvider,
  IamAwsProvider,
  Minio,
  S3Error,
  WebIdentityProvider,
} from "../../mod.ts";
import { uniqueBucket } from "./testbed.ts";
import { rejectsWith } from "./rejects_with.ts";
import { withTempFile } from "../temp_file.ts";
import {
  clientCredentialsToken,
  oidcEndpoint,
  oidcEnv,
  oidcMinioUrl,
  oidcRoot,
} from "./oidc_testbed.ts";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function readText(path: string): Promise<string> {
  const g = globalThis as { Deno?: { readTextFile(p: string): Promise<string> } };
  if (g.Deno) return g.Deno.readTextFile(path);
  const fs = await import("node:fs/promises");
  return fs.readFile(path, "utf8");
}

/** Lists an allowed bucket through `provider` and is refused another one. */
async function checkPolicyHolds(provider: CredentialProvider): Promise<void> {
  const root = oidcRoot();
  const allowed = uniqueBucket("oidc-allowed");
  const other = uniqueBucket("oidc-other");
  await root.makeBucket(allowed);
  await root.makeBucket(other);
  try {
    await root.putObject(allowed, "a.txt", "a");
    await root.putObject(other, "b.txt", "b");
    const c = new Minio({ ...oidcEndpoint(), region: "us-east-1", credentials: provider });
    deepEqual((await collect(c.listObjects(allowed))).map((o) => o.name), ["a.txt"]);
    await c.putObject(allowed, "from-sts.txt", "written");
    equal(await (await root.getObject(allowed, "from-sts.txt")).text(), "written");
    await rejectsWith(collect(c.listObjects(other)), S3Error, "AccessDenied", 403);
    await rejectsWith(c.getObject(other, "b.txt"), S3Error, "AccessDenied", 403);
  } finally {
    for (const b of [allowed, other]) {
      for await (const o of root.listObjects(b)) await root.removeObject(b, o.name);
      await root.removeBucket(b);
    }
  }
}

test("[oidc] WebIdentityProvider: a real JWT exchanged at MinIO's STS; the claim's policy holds", async () => {
  let asked = 0;
  const provider = new WebIdentityProvider(oidcMinioUrl(), () => {
    asked++;
    return clientCredentialsToken();
  });
  const creds = await provider.getCredentials();
  ok(creds.sessionToken && creds.expiration);
  equal(asked, 1);
  await checkPolicyHolds(provider);
  equal(asked, 1, "cached: no new token while the credentials are fresh");
});

test("[oidc] ClientGrantsProvider: AssumeRoleWithClientGrants with the same token", async () => {
  const provider = new ClientGrantsProvider(oidcMinioUrl(), clientCredentialsToken, {
    durationSeconds: 900,
  });
  await checkPolicyHolds(provider);
});

test("[oidc] WebIdentityProvider: a forged token is refused with a typed error", async () => {
  const { token } = await clientCredentialsToken();
  const [header, payload] = token.split(".");
  const forged = `${header}.${payload}.${"A".repeat(40)}`;
  const provider = new WebIdentityProvider(oidcMinioUrl(), () => forged);
  const e = await provider.getCredentials().then(() => undefined, (e) => e);
  ok(e instanceof S3Error, `expected S3Error, got ${e}`);
  equal(e.status, 400);
  ok(!e.message.includes(forged) && !JSON.stringify(e).includes(forged));
});

test("[oidc] IamAwsProvider with a web identity token file (EKS IRSA)", async () => {
  const { token } = await clientCredentialsToken();
  await withTempFile(token + "\n", async (file) => {
    await checkPolicyHolds(new IamAwsProvider({ tokenFile: file, stsEndpoint: oidcMinioUrl() }));
  });
});

test("[oidc] CertificateIdentityProvider: mutual TLS with a client certificate of the test CA", async () => {
  const provider = new CertificateIdentityProvider(oidcMinioUrl(), {
    certificate: await readText(oidcEnv("CLIENT_CERT")),
    privateKey: await readText(oidcEnv("CLIENT_KEY")),
    caCertificates: [await readText(oidcEnv("CA"))],
    durationSeconds: 900,
  });
  await checkPolicyHolds(provider);
});

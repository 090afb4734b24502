// IamAwsProvider against amazon-ec2-metadata-mock (IMDSv2 only) and a
// loopback ECS container endpoint (scripts/testbed_imds.sh), both serving
// the keys of a real user of the test bed's MinIO: the signed requests
// succeed, a wrong container token is a typed error without the token.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { CredentialsError, IamAwsProvider, Minio } from "../../mod.ts";
import { client, env, uniqueBucket } from "./testbed.ts";
import { withTempFile } from "../temp_file.ts";

function imdsEnv(name: string): string {
  try {
    return env(`MINIO_TEST_${name}`);
  } catch {
    throw new Error(
      `MINIO_TEST_${name} is not set: these tests need the metadata mocks ` +
        "(bash scripts/testbed_imds.sh start; source .testbed/imds.env)",
    );
  }
}

async function listThrough(provider: IamAwsProvider): Promise<string[]> {
  const root = client(false);
  const bucket = uniqueBucket("iam");
  await root.makeBucket(bucket);
  try {
    await root.putObject(bucket, "x.txt", "x");
    const c = new Minio({
      endPoint: env("MINIO_TEST_HOST"),
      port: Number(env("MINIO_TEST_PORT")),
      useSSL: false,
      credentials: provider,
    });
    const names: string[] = [];
    for await (const o of c.listObjects(bucket)) names.push(o.name);
    return names;
  } finally {
    await root.removeObject(bucket, "x.txt");
    await root.removeBucket(bucket);
  }
}

test("[iam] IamAwsProvider: EC2 IMDSv2 (session token, role, credentials) signs real requests", async () => {
  const provider = new IamAwsProvider({ endpoint: imdsEnv("IMDS_URL") });
  const creds = await provider.getCredentials();
  equal(creds.accessKey, imdsEnv("IMDS_USER"));
  ok(creds.expiration && creds.expiration.getTime() > Date.now());
  deepEqual(await listThrough(provider), ["x.txt"]);
});

test("[iam] IamAwsProvider: ECS container credentials by relative URI and auth token", async () => {
  const provider = new IamAwsProvider({
    endpoint: imdsEnv("ECS_URL"),
    relativeUri: imdsEnv("ECS_PATH"),
    authToken: imdsEnv("ECS_TOKEN"),
  });
  deepEqual(await listThrough(provider), ["x.txt"]);
});

test("[iam] IamAwsProvider: full URI with the token in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", async () => {
  await withTempFile(imdsEnv("ECS_TOKEN"), async (file) => {
    const provider = new IamAwsProvider({
      fullUri: imdsEnv("ECS_URL") + imdsEnv("ECS_PATH"),
      authTokenFile: file,
    });
    deepEqual(await listThrough(provider), ["x.txt"]);
  });
});

test("[iam] IamAwsProvider: a wrong container token is a CredentialsError without the token", async () => {
  const wrong = "not-the-container-token";
  const provider = new IamAwsProvider({
    fullUri: imdsEnv("ECS_URL") + imdsEnv("ECS_PATH"),
    authToken: wrong,
  });
  const e = await provider.getCredentials().then(() => undefined, (e) => e);
  ok(e instanceof CredentialsError, `expected CredentialsError, got ${e}`);
  ok(/HTTP 401/.test(e.message));
  ok(!e.message.includes(wrong));
});

test("[iam] minio-js IamAwsProvider({ customEndpoint }) gives the minio-js Client its credentials", async () => {
  const { Client, IamAwsProvider: JsIamAwsProvider } = await import("../../minio-js.ts");
  const root = client(false);
  const bucket = uniqueBucket("iam-js");
  await root.makeBucket(bucket);
  try {
    const js = new Client({
      endPoint: env("MINIO_TEST_HOST"),
      port: Number(env("MINIO_TEST_PORT")),
      useSSL: false,
      credentialsProvider: new JsIamAwsProvider({ customEndpoint: imdsEnv("IMDS_URL") }),
    });
    equal(await js.bucketExists(bucket), true);
    await js.putObject(bucket, "js.txt", "from minio-js");
    equal((await js.statObject(bucket, "js.txt")).size, 13);
    await js.removeObject(bucket, "js.txt");
  } finally {
    await root.removeBucket(bucket);
  }
});

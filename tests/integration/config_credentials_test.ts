// AWSConfigProvider, MinioClientConfigProvider and ChainedProvider against
// the real MinIO: the test bed's keys written to AWS and mc config files in
// a temporary HOME, and a bucket listed through each.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import { deepEqual, ok, test } from "../harness.ts";
import {
  AWSConfigProvider,
  ChainedProvider,
  type CredentialProvider,
  EnvAWSProvider,
  Minio,
  MinioClientConfigProvider,
} from "../../mod.ts";
import { client, env, uniqueBucket } from "./testbed.ts";
import { withEnv } from "../env_vars.ts";

async function listThrough(credentials: CredentialProvider): Promise<string[]> {
  const root = client(false);
  const bucket = uniqueBucket("files");
  await root.makeBucket(bucket);
  try {
    await root.putObject(bucket, "f.txt", "f");
    const c = new Minio({
      endPoint: env("MINIO_TEST_HOST"),
      port: Number(env("MINIO_TEST_PORT")),
      useSSL: false,
      credentials,
    });
    const names: string[] = [];
    for await (const o of c.listObjects(bucket)) names.push(o.name);
    return names;
  } finally {
    await root.removeObject(bucket, "f.txt");
    await root.removeBucket(bucket);
  }
}

/** A temporary HOME with ~/.aws/credentials (profile minio) and ~/.mc/config.json (alias tb). */
async function withHome(fn: () => Promise<void>): Promise<void> {
  const home = await fs.mkdtemp(`${os.tmpdir()}/home-`);
  try {
    const [ak, sk] = [env("MINIO_TEST_ACCESS_KEY"), env("MINIO_TEST_SECRET_KEY")];
    await fs.mkdir(`${home}/.aws`);
    await fs.writeFile(
      `${home}/.aws/credentials`,
      `[default]\naws_access_key_id = nobody\naws_secret_access_key = wrong\n\n` +
        `[minio]\naws_access_key_id = ${ak}\naws_secret_access_key = ${sk}\n`,
    );
    await fs.mkdir(`${home}/.mc`);
    await fs.writeFile(
      `${home}/.mc/config.json`,
      JSON.stringify({
        version: "10",
        aliases: { tb: { url: "http://127.0.0.1", accessKey: ak, secretKey: sk, api: "S3v4" } },
      }),
    );
    await withEnv({
      HOME: home,
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: undefined,
      AWS_CONFIG_FILE: undefined,
      MINIO_ALIAS: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_ACCESS_KEY: undefined,
    }, fn);
  } finally {
    await fs.rm(home, { recursive: true });
  }
}

test("[credentials] AWSConfigProvider: a profile of ~/.aws/credentials lists a bucket", async () => {
  await withHome(async () => {
    deepEqual(await listThrough(new AWSConfigProvider({ profile: "minio" })), ["f.txt"]);
  });
});

test("[credentials] MinioClientConfigProvider: an alias of ~/.mc/config.json lists a bucket", async () => {
  await withHome(async () => {
    deepEqual(await listThrough(new MinioClientConfigProvider({ alias: "tb" })), ["f.txt"]);
  });
});

test("[credentials] ChainedProvider: past an empty environment and a missing profile to mc's alias", async () => {
  await withHome(async () => {
    const chain = new ChainedProvider([
      new EnvAWSProvider(),
      new AWSConfigProvider({ profile: "absent" }),
      new MinioClientConfigProvider({ alias: "tb" }),
    ]);
    deepEqual(await listThrough(chain), ["f.txt"]);
    const none = new ChainedProvider([
      new EnvAWSProvider(),
      new AWSConfigProvider({ profile: "absent" }),
    ]);
    const e = await none.getCredentials().then(() => undefined, (e) => e);
    ok(e?.reasons?.length === 2, `expected two reasons, got ${e}`);
  });
});

// AWSConfigProvider and MinioClientConfigProvider reading real files from
// a temporary folder (profiles, aliases, environment variables, missing or
// broken files), and ChainedProvider's order, memory and failure report.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import { deepEqual, equal, ok, rejects, test, throws } from "../harness.ts";
import {
  AWSConfigProvider,
  ChainedProvider,
  type CredentialProvider,
  Credentials,
  CredentialsError,
  InvalidArgumentError,
  MinioClientConfigProvider,
  StaticProvider,
} from "../../mod.ts";
import { withEnv } from "../env_vars.ts";

async function withFiles(
  files: Record<string, string>,
  fn: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await fs.mkdtemp(`${os.tmpdir()}/creds-`);
  try {
    for (const [name, text] of Object.entries(files)) {
      await fs.mkdir(`${dir}/${name.split("/").slice(0, -1).join("/")}`, { recursive: true });
      await fs.writeFile(`${dir}/${name}`, text);
    }
    await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true });
  }
}

const AWS_CREDENTIALS = `# comment
[default]
aws_access_key_id = AKDEFAULT
aws_secret_access_key = default-secret

[backup]
aws_access_key_id=AKBACKUP
aws_secret_access_key=backup-secret
aws_session_token = backup-token
`;
const AWS_CONFIG = `[default]
region = us-east-1
[profile ci]
aws_access_key_id = AKCI
aws_secret_access_key = ci-secret
`;

test("AWSConfigProvider: profiles from the credentials file, then the config file", async () => {
  await withFiles({ credentials: AWS_CREDENTIALS, config: AWS_CONFIG }, async (dir) => {
    const files = { filename: `${dir}/credentials`, configFilename: `${dir}/config` };
    await withEnv({ AWS_PROFILE: undefined }, async () => {
      const d = await new AWSConfigProvider(files).getCredentials();
      deepEqual([d.accessKey, d.secretKey, d.sessionToken], [
        "AKDEFAULT",
        "default-secret",
        undefined,
      ]);
    });
    const b = await new AWSConfigProvider({ ...files, profile: "backup" }).getCredentials();
    deepEqual([b.accessKey, b.secretKey, b.sessionToken], [
      "AKBACKUP",
      "backup-secret",
      "backup-token",
    ]);
    const ci = await new AWSConfigProvider({ ...files, profile: "ci" }).getCredentials();
    equal(ci.accessKey, "AKCI");
    const e = await new AWSConfigProvider({ ...files, profile: "nope" }).getCredentials()
      .then(() => 0, (e) => e);
    ok(e instanceof CredentialsError && e.message.includes("profile nope"));
  });
});

test("AWSConfigProvider: AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE and HOME", async () => {
  await withFiles({ ".aws/credentials": AWS_CREDENTIALS }, async (dir) => {
    await withEnv({
      HOME: dir,
      AWS_PROFILE: "backup",
      AWS_SHARED_CREDENTIALS_FILE: undefined,
      AWS_CONFIG_FILE: undefined,
    }, async () => {
      equal((await new AWSConfigProvider().getCredentials()).accessKey, "AKBACKUP");
    });
    await withEnv({
      HOME: "/nonexistent",
      AWS_PROFILE: undefined,
      AWS_SHARED_CREDENTIALS_FILE: `${dir}/.aws/credentials`,
    }, async () => {
      equal((await new AWSConfigProvider().getCredentials()).accessKey, "AKDEFAULT");
    });
  });
});

test("AWSConfigProvider: no files at all is a CredentialsError naming both", async () => {
  const p = new AWSConfigProvider({ filename: "/nonexistent/c", configFilename: "/nonexistent/f" });
  const e = await p.getCredentials().then(() => 0, (e) => e);
  ok(e instanceof CredentialsError);
  ok(e.message.includes("/nonexistent/c") && e.message.includes("/nonexistent/f"));
});

const MC_CONFIG = JSON.stringify({
  version: "10",
  aliases: {
    local: {
      url: "http://127.0.0.1:9000",
      accessKey: "mcuser",
      secretKey: "mc-secret",
      api: "s3v4",
    },
    s3: { url: "https://s3.amazonaws.com", accessKey: "AKS3", secretKey: "s3-secret" },
    broken: { url: "http://x" },
  },
});

test("MinioClientConfigProvider: an alias's keys; MINIO_ALIAS; the default s3", async () => {
  await withFiles({ ".mc/config.json": MC_CONFIG }, async (dir) => {
    const filename = `${dir}/.mc/config.json`;
    const local = await new MinioClientConfigProvider({ filename, alias: "local" })
      .getCredentials();
    deepEqual([local.accessKey, local.secretKey], ["mcuser", "mc-secret"]);
    await withEnv({ HOME: dir, MINIO_ALIAS: undefined }, async () => {
      equal((await new MinioClientConfigProvider().getCredentials()).accessKey, "AKS3");
    });
    await withEnv({ HOME: dir, MINIO_ALIAS: "local" }, async () => {
      equal((await new MinioClientConfigProvider().getCredentials()).accessKey, "mcuser");
    });
    for (const alias of ["broken", "missing"]) {
      const e = await new MinioClientConfigProvider({ filename, alias }).getCredentials()
        .then(() => 0, (e) => e);
      ok(e instanceof CredentialsError && e.message.includes(`alias ${alias}`));
    }
  });
});

test("MinioClientConfigProvider: a broken file's error does not quote it", async () => {
  await withFiles(
    { "config.json": '{"aliases": {"s3": {"secretKey": "leaked-secret"' },
    async (dir) => {
      const e = await new MinioClientConfigProvider({ filename: `${dir}/config.json` })
        .getCredentials().then(() => 0, (e) => e);
      ok(e instanceof CredentialsError && /not valid JSON/.test(e.message));
      ok(!e.message.includes("leaked-secret") && e.cause === undefined);
    },
  );
  await rejects(
    new MinioClientConfigProvider({ filename: "/nonexistent/config.json" }).getCredentials(),
    CredentialsError,
  );
});

test("file providers: bad options fail before any read", () => {
  throws(() => new AWSConfigProvider({ profile: "" }), InvalidArgumentError);
  throws(() => new AWSConfigProvider({ filename: 3 as unknown as string }), InvalidArgumentError);
  throws(() => new MinioClientConfigProvider({ alias: "" }), InvalidArgumentError);
  throws(() => new MinioClientConfigProvider(7 as never), InvalidArgumentError);
});

class Failing implements CredentialProvider {
  calls = 0;
  constructor(readonly why: string) {}
  getCredentials(): Promise<Credentials> {
    this.calls++;
    return Promise.reject(new CredentialsError(this.why));
  }
}

test("ChainedProvider: the first that has credentials wins and is asked first after", async () => {
  const first = new Failing("no variables");
  let flaky = true;
  const second: CredentialProvider = {
    getCredentials: () =>
      flaky ? Promise.resolve(new Credentials("AK2", "S2")) : Promise.reject(new Error("gone")),
  };
  const third = new StaticProvider("AK3", "S3");
  const chain = new ChainedProvider([first, second, third]);
  equal((await chain.getCredentials()).accessKey, "AK2");
  equal((await chain.getCredentials()).accessKey, "AK2");
  equal(first.calls, 1, "the winner is asked first from then on");
  flaky = false;
  equal((await chain.getCredentials()).accessKey, "AK3");
});

test("ChainedProvider: when all fail, each reason is kept and shown", async () => {
  const chain = new ChainedProvider([new Failing("no variables"), new Failing("no file")]);
  const e = await chain.getCredentials().then(() => 0, (e) => e);
  ok(e instanceof CredentialsError);
  deepEqual(e.reasons, ["Failing: no variables", "Failing: no file"]);
  ok(e.message.includes("no variables") && e.message.includes("no file"));
  const files = await new ChainedProvider([new AWSConfigProvider({ filename: "/nonexistent/c" })])
    .getCredentials().then(() => 0, (e) => e);
  ok(/^AWSConfigProvider: profile \S+ has no/.test(files.reasons[0]), files.reasons[0]);
  throws(() => new ChainedProvider([]), InvalidArgumentError);
  throws(() => new ChainedProvider([{} as CredentialProvider]), InvalidArgumentError);
});

test("ChainedProvider: an abort stops the chain with the caller's reason", async () => {
  const ac = new AbortController();
  const reason = new Error("stop");
  const slow: CredentialProvider = {
    getCredentials: () => {
      ac.abort(reason);
      return Promise.reject(new Error("aborted inside"));
    },
  };
  const after = new Failing("never asked");
  const e = await new ChainedProvider([slow, after]).getCredentials(ac.signal).then(
    () => 0,
    (e) => e,
  );
  equal(e, reason);
  equal(after.calls, 0);
});

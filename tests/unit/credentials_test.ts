// Credential providers, and that secrets never print.
import { equal, ok, rejects, test } from "../harness.ts";
import { Credentials, EnvAWSProvider, EnvMinioProvider, StaticProvider } from "../../mod.ts";

const g = globalThis as {
  Deno?: { env: { set(k: string, v: string): void; delete(k: string): void } };
  process?: { env: Record<string, string | undefined> };
};
function setEnv(k: string, v?: string) {
  if (g.Deno) v === undefined ? g.Deno.env.delete(k) : g.Deno.env.set(k, v);
  else if (v === undefined) delete g.process!.env[k];
  else g.process!.env[k] = v;
}

test("StaticProvider returns its credentials", async () => {
  const c = await new StaticProvider("ak", "sk", "tok").getCredentials();
  equal(c.accessKey, "ak");
  equal(c.secretKey, "sk");
  equal(c.sessionToken, "tok");
});

test("Credentials never print the secret or token", () => {
  const c = new Credentials("ak", "SUPERSECRET", "TOKENVALUE", new Date(0));
  const printed = [JSON.stringify(c), String(c)];
  const inspect = (c as unknown as Record<symbol, () => string>)
    [Symbol.for("nodejs.util.inspect.custom")]();
  const denoInspect = (c as unknown as Record<symbol, () => string>)
    [Symbol.for("Deno.customInspect")]();
  for (const p of [...printed, inspect, denoInspect]) {
    equal(p.includes("SUPERSECRET"), false);
    equal(p.includes("TOKENVALUE"), false);
  }
  ok(inspect.includes("ak"));
});

test("Credentials.isExpired honours the skew", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  equal(new Credentials("a", "s").isExpired(60_000, now), false);
  equal(
    new Credentials("a", "s", "t", new Date("2026-01-01T00:00:30Z")).isExpired(60_000, now),
    true,
  );
  equal(
    new Credentials("a", "s", "t", new Date("2026-01-01T01:00:00Z")).isExpired(60_000, now),
    false,
  );
});

test("EnvAWSProvider and EnvMinioProvider read the variables on each call", async () => {
  setEnv("AWS_ACCESS_KEY_ID", "awsak");
  setEnv("AWS_SECRET_ACCESS_KEY", "awssk");
  setEnv("AWS_SESSION_TOKEN", "awstok");
  setEnv("MINIO_ACCESS_KEY", "mak");
  setEnv("MINIO_SECRET_KEY", "msk");
  try {
    const a = await new EnvAWSProvider().getCredentials();
    equal(a.accessKey, "awsak");
    equal(a.sessionToken, "awstok");
    const m = await new EnvMinioProvider().getCredentials();
    equal(m.secretKey, "msk");
    setEnv("MINIO_SECRET_KEY");
    await rejects(new EnvMinioProvider().getCredentials(), /MINIO_ACCESS_KEY, MINIO_SECRET_KEY/);
  } finally {
    for (
      const k of [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "MINIO_ACCESS_KEY",
        "MINIO_SECRET_KEY",
      ]
    ) setEnv(k);
  }
});

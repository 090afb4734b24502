/**
 * The real MinIO servers started by scripts/testbed.sh. Without them the
 * integration tests fail loudly; they never skip.
 */
import { Minio, S3Error } from "../../mod.ts";
import { equal, ok } from "../harness.ts";

const g = globalThis as {
  Deno?: { env: { get(k: string): string | undefined } };
  process?: { env: Record<string, string | undefined> };
};

/** A test-bed variable; throws when the test bed is not running. */
export function env(name: string): string {
  const v = g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
  if (!v) {
    throw new Error(
      `${name} is not set: integration tests need the test bed (bash scripts/testbed.sh start; source .testbed/env)`,
    );
  }
  return v;
}

/** A client for one of the servers. */
export function client(tls: boolean): Minio {
  return new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
  });
}

/** Both servers: HTTP and TLS. Every integration test runs against each. */
export const targets: { name: string; client: () => Minio }[] = [
  { name: "http", client: () => client(false) },
  { name: "tls", client: () => client(true) },
];

/** A bucket name no other test or runtime uses. */
export function uniqueBucket(prefix = "it"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Runs `body`, then `cleanUp` whatever `body` did. When `body` throws, its
 * error is the one thrown, with the clean-up's added to its message if that
 * failed too: a clean-up that cannot succeed after a failure (a cluster
 * without write quorum) does not hide what failed.
 */
export async function withCleanUp(
  body: () => Promise<void>,
  cleanUp: () => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  try {
    await body();
  } catch (error) {
    failure = { error };
  }
  try {
    await cleanUp();
  } catch (cleanup) {
    if (!failure) throw cleanup;
    if (failure.error instanceof Error) {
      failure.error.message += `\n(and the clean-up failed too: ${cleanup})`;
    }
  }
  if (failure) throw failure.error;
}

/**
 * Runs `fn` with a fresh bucket, removing its objects and the bucket after
 * ({@link withCleanUp}: a failure of `fn` is the error thrown).
 */
export async function withBucket(
  c: Minio,
  fn: (bucket: string) => Promise<void>,
): Promise<void> {
  const bucket = uniqueBucket();
  await c.makeBucket(bucket);
  await withCleanUp(() => fn(bucket), async () => {
    for await (const o of c.listObjects(bucket, { recursive: true })) {
      await c.removeObject(bucket, o.name);
    }
    await c.removeBucket(bucket);
  });
}

/** Deterministic pseudo-random bytes. */
export function bytesOf(n: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/**
 * A matcher for `rejects`: the error is an {@link S3Error} with this code
 * (and HTTP status, when given); otherwise it fails naming what came.
 */
export function s3Error(code: string, status?: number): (e: unknown) => true {
  return (e) => {
    ok(e instanceof S3Error, `expected S3Error ${code}, got ${e}`);
    const got = `got ${e.code} (HTTP ${e.status}): ${e.message}`;
    equal(e.code, code, `expected ${code}, ${got}`);
    if (status !== undefined) equal(e.status, status, `expected HTTP ${status}, ${got}`);
    return true;
  };
}

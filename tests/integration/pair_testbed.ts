/**
 * The two pairs of MinIO servers started by scripts/testbed_pair.sh: `PAIR_A`
 * and `PAIR_B` for bucket replication, `SITE_A` and `SITE_B` for site
 * replication. Without them the tests fail loudly; they never skip.
 */
import { equal, ok } from "../harness.ts";
import { Minio, S3Error } from "../../mod.ts";
import { MinioAdmin, MinioAdminException } from "../../admin.ts";

const g = globalThis as {
  Deno?: { env: { get(k: string): string | undefined } };
  process?: { env: Record<string, string | undefined> };
};

/** One server of a pair. */
export type PairServer = "PAIR_A" | "PAIR_B" | "SITE_A" | "SITE_B";

/** A pair variable; throws when the pairs are not running. */
export function pairEnv(name: string): string {
  const v = g.Deno ? g.Deno.env.get(name) : g.process?.env[name];
  if (!v) {
    throw new Error(
      `${name} is not set: replication tests need the server pairs (bash scripts/testbed_pair.sh start; source .testbed/pair.env)`,
    );
  }
  return v;
}

/** How to reach a server: host, port, `http://` URL and root credentials. */
export function server(s: PairServer) {
  const host = pairEnv("MINIO_TEST_PAIR_HOST");
  const port = Number(pairEnv(`MINIO_TEST_${s}_PORT`));
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    accessKey: pairEnv("MINIO_TEST_PAIR_ACCESS_KEY"),
    secretKey: pairEnv(`MINIO_TEST_${s}_SECRET_KEY`),
  };
}

function options(s: PairServer) {
  const { host, port, accessKey, secretKey } = server(s);
  return { endPoint: host, port, useSSL: false, accessKey, secretKey };
}

/** An S3 client of one server. */
export const pairClient = (s: PairServer): Minio => new Minio(options(s));

/** An admin client of one server. */
export const pairAdmin = (s: PairServer): MinioAdmin => new MinioAdmin(options(s));

/** Removes every version and delete marker of a bucket, then the bucket; a missing bucket is fine. */
export async function dropBucket(c: Minio, bucket: string): Promise<void> {
  try {
    const versions = [];
    for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
      versions.push({ name: v.name, versionId: v.versionId });
    }
    for await (const e of c.removeObjects(bucket, versions)) {
      throw new Error(`cleanup could not remove ${e.name} ${e.versionId}: ${e.code}`);
    }
    await c.removeBucket(bucket);
  } catch (e) {
    if (!(e instanceof S3Error && e.code === "NoSuchBucket")) throw e;
  }
}

/** Asserts `p` rejects with a {@link MinioAdminException} of this code, naming no pair secret. */
export async function rejectsAdmin(
  p: Promise<unknown>,
  code: string,
): Promise<MinioAdminException> {
  const e = await p.then(() => undefined, (e) => e);
  ok(e instanceof MinioAdminException, `expected MinioAdminException ${code}, got ${e}`);
  equal(e.code, code, e.message);
  for (const s of ["PAIR_A", "PAIR_B", "SITE_A", "SITE_B"] as const) {
    ok(!e.message.includes(server(s).secretKey), "no secret in the message");
  }
  return e;
}

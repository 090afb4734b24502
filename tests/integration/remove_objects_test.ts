// removeObjects against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, test } from "../harness.ts";
import { GOVERNANCE, Minio, Retention } from "../../mod.ts";
import { env, targets, withBucket } from "./testbed.ts";
import { withVersionedBucket } from "./versioned.ts";

/** A client of the target that counts its POST ?delete requests. */
function countingClient(tls: boolean) {
  const counter = { deletes: 0 };
  const client = new Minio({
    endPoint: env("MINIO_TEST_HOST"),
    port: Number(env(tls ? "MINIO_TEST_TLS_PORT" : "MINIO_TEST_PORT")),
    useSSL: tls,
    accessKey: env("MINIO_TEST_ACCESS_KEY"),
    secretKey: env("MINIO_TEST_SECRET_KEY"),
    fetch: (input, init) => {
      if (init?.method === "POST" && String(input).endsWith("?delete=")) counter.deletes++;
      return fetch(input, init);
    },
  });
  return { client, counter };
}

for (const t of targets) {
  test(`[${t.name}] removeObjects removes 2500 objects in 3 requests, read from a listing`, async () => {
    const { client: c, counter } = countingClient(t.name === "tls");
    await withBucket(c, async (bucket) => {
      const names = Array.from({ length: 2500 }, (_, i) => `o/${String(i).padStart(4, "0")}`);
      let next = 0;
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (next < names.length) {
          const n = names[next++];
          await c.putObject(bucket, n, n);
        }
      }));
      await c.putObject(bucket, "keep.txt", "stays");
      async function* listed() {
        for await (const o of c.listObjects(bucket, { prefix: "o/", recursive: true })) {
          yield o.name;
        }
      }
      const errors = [];
      for await (const e of c.removeObjects(bucket, listed())) errors.push(e);
      deepEqual(errors, []);
      equal(counter.deletes, 3);
      const left = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) left.push(o.name);
      deepEqual(left, ["keep.txt"]);
    });
  });

  test(`[${t.name}] removeObjects of versions: a locked version is reported, bypass removes it`, async () => {
    const c = t.client();
    await withVersionedBucket(c, async (bucket) => {
      const retention = new Retention(GOVERNANCE, new Date(Date.now() + 86_400_000));
      const locked = await c.putObject(bucket, "locked", "x", undefined, { retention });
      const old = await c.putObject(bucket, "free", "old");
      const cur = await c.putObject(bucket, "free", "new");
      const errors = [];
      for await (
        const e of c.removeObjects(bucket, [
          { name: "locked", versionId: locked.versionId },
          { name: "free", versionId: old.versionId },
          // A version that never existed is not an error.
          { name: "free", versionId: "0a4fd2a4-0000-4000-8000-000000000000" },
        ])
      ) errors.push(e);
      equal(errors.length, 1);
      const [e] = errors;
      deepEqual([e.name, e.versionId, e.code], ["locked", locked.versionId, "InvalidRequest"]);
      equal(e.message, "Object is WORM protected and cannot be overwritten");
      const versions = async () => {
        const out = [];
        for await (const v of c.listObjects(bucket, { includeVersion: true, recursive: true })) {
          out.push([v.name, v.versionId]);
        }
        return out;
      };
      deepEqual(await versions(), [["free", cur.versionId], ["locked", locked.versionId]]);
      for await (
        const e of c.removeObjects(bucket, [{ name: "locked", versionId: locked.versionId }], {
          governanceBypass: true,
        })
      ) throw new Error(`unexpected ${e.code}`);
      deepEqual(await versions(), [["free", cur.versionId]]);
    });
  });
}

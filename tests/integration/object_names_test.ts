// Object names at the edge of what reaches MinIO. fetch resolves "." and ".."
// segments in every URL (also when sent as %2E%2E) and MinIO refuses such
// names (XMinioInvalidResourceName, checked by hand with a client that does
// not normalise), so the SDK refuses them before the network, as it does NUL
// and lone surrogates. Names fetch keeps but MinIO refuses get MinIO's own
// typed error; names next to the refused ones round-trip exactly.
import { deepEqual, equal, ok, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { s3Error, targets, withBucket } from "./testbed.ts";
import { clientWithFetch, cuttingFetch } from "./wrapped_fetch.ts";

for (const t of targets) {
  const tls = t.name === "tls";

  test(`[${t.name}] object names: dot segments, NUL and lone surrogates never reach the server`, async () => {
    await withBucket(t.client(), async (bucket) => {
      const { fetch, requests } = cuttingFetch(() => undefined);
      const c = clientWithFetch(tls, fetch);
      await c.putObject(bucket, "b", "region lookup");
      const before = requests.length;
      for (const name of ["a/../b", "a/./b", "..", "a\u0000b", "a\uD800"]) {
        await rejects(c.putObject(bucket, name, "x"), InvalidArgumentError, JSON.stringify(name));
        await rejects(c.getObject(bucket, name), InvalidArgumentError, JSON.stringify(name));
      }
      equal(requests.length, before);
      // "b", the object a normalised "a/../b" names, is untouched.
      equal(await (await c.getObject(bucket, "b")).text(), "region lookup");
    });
  });

  test(`[${t.name}] object names: MinIO's own refusals are typed; neighbours round-trip`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      await rejects(c.putObject(bucket, "a//b", "x"), s3Error("XMinioInvalidObjectName", 400));
      await rejects(
        c.putObject(bucket, "a/ .. /b", "x"),
        s3Error("XMinioInvalidResourceName", 400),
      );
      const names = ["a/.../b", "a..b/.c/d.", "a/%2E%2E/b", "smile \u{1F600}"];
      for (const name of names) {
        await c.putObject(bucket, name, name);
        equal(await (await c.getObject(bucket, name)).text(), name);
        equal((await c.statObject(bucket, name)).size, new TextEncoder().encode(name).length);
      }
      const listed: string[] = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) listed.push(o.name);
      deepEqual(listed.sort(), [...names].sort());
      ok(listed.includes("a/%2E%2E/b"));
    });
  });
}

// ListObjectsV2 against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { targets, withBucket } from "./testbed.ts";

for (const t of targets) {
  test(`[${t.name}] listObjects: one level, recursive, prefix, startAfter`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const n of ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d.txt"]) {
        await c.putObject(bucket, n, n);
      }
      const names = async (o: Parameters<typeof c.listObjects>[1]) => {
        const out: string[] = [];
        for await (const i of c.listObjects(bucket, o)) {
          out.push(i.isDir ? `${i.name}(dir)` : i.name);
        }
        return out;
      };
      deepEqual(await names({}), ["a.txt", "d.txt", "b/(dir)"]);
      deepEqual(await names({ recursive: true }), [
        "a.txt",
        "b/1.txt",
        "b/2.txt",
        "b/c/3.txt",
        "d.txt",
      ]);
      deepEqual(await names({ prefix: "b/" }), ["b/1.txt", "b/2.txt", "b/c/(dir)"]);
      deepEqual(await names({ prefix: "b/", recursive: true, startAfter: "b/1.txt" }), [
        "b/2.txt",
        "b/c/3.txt",
      ]);
      deepEqual(await names({ prefix: "zzz" }), []);
    });
  });

  test(`[${t.name}] listObjects pages through continuation tokens`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const all = Array.from({ length: 23 }, (_, i) => `k${String(i).padStart(3, "0")}`);
      await Promise.all(all.map((n) => c.putObject(bucket, n, n)));
      const got = [];
      for await (const o of c.listObjects(bucket, { maxKeys: 5 })) got.push(o.name);
      deepEqual(got, all);
    });
  });

  test(`[${t.name}] listObjects fields: size, etag, lastModified, owner, user metadata`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const w = await c.putObject(bucket, "m.txt", "12345", undefined, {
        metadata: { color: "red" },
      });
      const items = [];
      for await (
        const o of c.listObjects(bucket, { fetchOwner: true, includeUserMetadata: true })
      ) items.push(o);
      equal(items.length, 1);
      const o = items[0];
      equal(o.size, 5);
      equal(o.etag, w.etag);
      ok(o.lastModified instanceof Date);
      ok(o.owner?.id !== undefined);
      equal(o.metadata?.color, "red");
    });
  });

  test(`[${t.name}] user metadata named __proto__ comes back from statObject and listObjects`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      // Parsed, `__proto__` is an own key; in a literal it would set the prototype.
      const metadata = JSON.parse('{"__proto__":"kept","color":"red"}');
      await c.putObject(bucket, "p.txt", "1", undefined, { metadata });
      const own = (r: Record<string, string> | undefined) =>
        Object.getOwnPropertyDescriptor(r ?? {}, "__proto__")?.value;
      const stat = await c.statObject(bucket, "p.txt");
      deepEqual([own(stat.metadata), stat.metadata.color], ["kept", "red"]);
      const listed = [];
      for await (const o of c.listObjects(bucket, { includeUserMetadata: true })) listed.push(o);
      equal(listed.length, 1);
      deepEqual([own(listed[0].metadata), listed[0].metadata?.color], ["kept", "red"]);
    });
  });
}

// ListObjects V1 and ListObjectVersions against the real MinIO, over HTTP and TLS.
import { deepEqual, equal, ok, test } from "../harness.ts";
import { targets, withBucket } from "./testbed.ts";
import { withVersionedBucket } from "./versioned.ts";

for (const t of targets) {
  test(`[${t.name}] listObjects useApiV1: pages by marker, with and without a delimiter`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const names = ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d e.txt", "f+g.txt", "h/4.txt"];
      for (const n of names) await c.putObject(bucket, n, n);
      const list = async (o: Exclude<Parameters<typeof c.listObjects>[1], string>) => {
        const out: string[] = [];
        for await (const i of c.listObjects(bucket, { useApiV1: true, ...o })) {
          out.push(i.isDir ? `${i.name}(dir)` : i.name);
          ok(i.isDir || i.owner?.id !== undefined, "V1 always sends the owner");
        }
        return out;
      };
      // Two keys a page: the last name of each page is the next marker.
      deepEqual(await list({ recursive: true, maxKeys: 2 }), names);
      deepEqual(await list({ recursive: true, maxKeys: 1, startAfter: "b/2.txt" }), [
        "b/c/3.txt",
        "d e.txt",
        "f+g.txt",
        "h/4.txt",
      ]);
      // With a delimiter MinIO sends NextMarker, which may be a prefix.
      deepEqual(await list({ maxKeys: 1 }), ["a.txt", "b/(dir)", "d e.txt", "f+g.txt", "h/(dir)"]);
      deepEqual(await list({ prefix: "b/", maxKeys: 2 }), ["b/1.txt", "b/2.txt", "b/c/(dir)"]);
    });
  });

  test(`[${t.name}] listObjects includeVersion: versions and delete markers, paged`, async () => {
    const c = t.client();
    await withVersionedBucket(c, async (bucket) => {
      const v1 = await c.putObject(bucket, "k/one", "first");
      const v2 = await c.putObject(bucket, "k/one", "second!");
      const v3 = await c.putObject(bucket, "k/two", "x");
      await c.removeObject(bucket, "k/one"); // adds a delete marker
      const all = [];
      for await (
        const o of c.listObjects(bucket, { includeVersion: true, recursive: true, maxKeys: 1 })
      ) all.push(o);
      equal(all.length, 4);
      const [marker, second, first, two] = all;
      equal(marker.name, "k/one");
      equal(marker.isDeleteMarker, true);
      equal(marker.isLatest, true);
      equal(marker.size, 0);
      ok(marker.versionId && marker.versionId !== v2.versionId);
      deepEqual(
        [second, first, two].map((
          o,
        ) => [o.name, o.versionId, o.isLatest, o.isDeleteMarker, o.size]),
        [
          ["k/one", v2.versionId, false, false, 7],
          ["k/one", v1.versionId, false, false, 5],
          ["k/two", v3.versionId, true, false, 1],
        ],
      );
      equal(second.etag, v2.etag);
      // The plain listing no longer shows the deleted key.
      const current = [];
      for await (const o of c.listObjects(bucket, { recursive: true })) current.push(o.name);
      deepEqual(current, ["k/two"]);
      // Not recursive: versions one level down come as a prefix.
      const top = [];
      for await (const o of c.listObjects(bucket, { includeVersion: true })) top.push(o);
      deepEqual(top.map((o) => [o.name, o.isDir]), [["k/", true]]);
    });
  });
}

// uploadSnowball against the real MinIO, over HTTP and TLS: the server extracts the archive.
import { deepEqual, equal, test } from "../harness.ts";
import type { SnowballObject } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";

const MTIME = new Date("2024-02-03T04:05:06Z");

/** 50 objects: nested, long (pax) and non-ASCII names, an empty one, binary bodies. */
function objects(): (SnowballObject & { bytes: Uint8Array })[] {
  const out = [];
  for (let i = 0; i < 45; i++) {
    const name = `dir${i % 3}/sub${i % 5}/file-${i}.bin`;
    const bytes = bytesOf(i * 37, i + 1);
    out.push({ name, body: bytes, bytes, mtime: MTIME });
  }
  const more: [string, Uint8Array][] = [
    ["deep/" + "level/".repeat(30) + "long-name.txt", new TextEncoder().encode("long")],
    ["ünïcödé/ファイル.txt", new TextEncoder().encode("unicode")],
    ["empty.txt", new Uint8Array(0)],
    ["big/one.bin", bytesOf(300_000, 99)],
    ["top.txt", new TextEncoder().encode("top")],
  ];
  for (const [name, bytes] of more) out.push({ name, body: bytes, bytes, mtime: MTIME });
  return out;
}

for (const t of targets) {
  for (const compression of [false, true]) {
    const how = compression ? "gzipped" : "plain";
    test(`[${t.name}] uploadSnowball (${how}): 50 objects extracted byte-exact`, async () => {
      const c = t.client();
      await withBucket(c, async (bucket) => {
        const objs = objects();
        objs[0].metadata = { color: "green", "content-type": "text/csv" };
        const prefix = compression ? "imported" : "";
        const r = await c.uploadSnowball(bucket, objs, {
          compression,
          prefix: prefix || undefined,
        });
        equal(r.objectCount, 50);
        const at = (name: string) => (prefix ? `${prefix}/` : "") + name;
        const listed = new Map<string, { size: number; lastModified?: Date }>();
        for await (const o of c.listObjects(bucket, { recursive: true })) listed.set(o.name, o);
        deepEqual([...listed.keys()].sort(), objs.map((o) => at(o.name)).sort());
        for (const o of objs) {
          const info = listed.get(at(o.name))!;
          equal(info.size, o.bytes.length, o.name);
          deepEqual(info.lastModified, MTIME, o.name);
          deepEqual(await (await c.getObject(bucket, at(o.name))).bytes(), o.bytes, o.name);
        }
        const st = await c.statObject(bucket, at(objs[0].name));
        equal(st.contentType, "text/csv");
        deepEqual(st.metadata, { color: "green" });
      });
    });
  }
}

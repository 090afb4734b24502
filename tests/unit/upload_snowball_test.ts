// What uploadSnowball sends: one PUT of a tar archive with the auto-extract headers.
import { deepEqual, equal, match, ok, rejects, test } from "../harness.ts";
import { InvalidArgumentError } from "../../mod.ts";
import { fakeClient, queryOf } from "./fake_fetch.ts";
import { readTar, runTar } from "./tar_reader.ts";

const dec = new TextDecoder();
const MTIME = new Date("2024-01-02T03:04:05Z");

test("uploadSnowball: PUT of a tar archive with the snowball headers", async () => {
  const { client, sent } = fakeClient([{}]);
  async function* objects() {
    yield { name: "/lead/a.txt", body: "AAA", mtime: MTIME };
    yield { name: "b/c.bin", body: new Uint8Array([1, 2, 3]), metadata: { color: "red" } };
    yield { name: "d/e", body: new Blob(["blob"]).slice(1) };
  }
  const r = await client.uploadSnowball("b-1", objects(), {
    prefix: "imports/2024",
    ignoreDirs: true,
    ignoreErrors: true,
    storageClass: "REDUCED_REDUNDANCY",
  });
  const s = sent[0];
  equal(sent.length, 1);
  equal(s.method, "PUT");
  match(s.url.pathname, /^\/b-1\/snowball-upload-[0-9a-f]{16}\.tar$/);
  deepEqual(queryOf(s), []);
  equal(s.headers.get("x-amz-meta-snowball-auto-extract"), "true");
  equal(s.headers.get("x-amz-meta-minio-snowball-prefix"), "imports/2024");
  equal(s.headers.get("x-amz-meta-minio-snowball-ignore-dirs"), "true");
  equal(s.headers.get("x-amz-meta-minio-snowball-ignore-errors"), "true");
  equal(s.headers.get("x-amz-storage-class"), "REDUCED_REDUNDANCY");
  equal(s.headers.get("content-type"), "application/x-tar");
  equal(r.archiveName, s.url.pathname.slice("/b-1/".length));
  equal(r.archiveSize, s.body.length);
  equal(r.objectCount, 3);
  const entries = readTar(s.body);
  deepEqual(entries.map((e) => [e.name, dec.decode(e.data)]), [
    ["lead/a.txt", "AAA"],
    ["b/c.bin", "\x01\x02\x03"],
    ["d/e", "lob"],
  ]);
  equal(entries[0].mtime, MTIME.getTime() / 1000);
  ok(Math.abs(entries[1].mtime - Date.now() / 1000) < 60, "mtime defaults to now");
  // MinIO reads an object's metadata from pax records named after the headers.
  deepEqual(entries[1].pax, { "minio.metadata.x-amz-meta-color": "red" });
  const listing = await runTar(s.body, ["-t"]);
  if (listing !== undefined) equal(listing, "lead/a.txt\nb/c.bin\nd/e\n");
});

test("uploadSnowball: compression gzips the archive with CompressionStream", async () => {
  const { client, sent } = fakeClient([{}]);
  const names = Array.from({ length: 20 }, (_, i) => `n/${i}.txt`);
  const r = await client.uploadSnowball(
    "b-1",
    names.map((name) => ({ name, body: "same text ".repeat(50), mtime: MTIME })),
    { compression: true },
  );
  const body = sent[0].body;
  deepEqual([...body.subarray(0, 3)], [0x1f, 0x8b, 0x08]); // the gzip magic MinIO detects
  equal(sent[0].headers.get("content-type"), "application/gzip");
  equal(r.objectCount, 20);
  const tar = new Uint8Array(
    await new Response(
      new Blob([body as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip")),
    ).arrayBuffer(),
  );
  ok(body.length < tar.length / 5, "compressed");
  deepEqual(readTar(tar).map((e) => e.name), names);
});

test("uploadSnowball: bad input is refused before the network", async () => {
  const { client, sent } = fakeClient();
  await rejects(client.uploadSnowball("b-1", [{ name: "", body: "x" }]), InvalidArgumentError);
  await rejects(client.uploadSnowball("b-1", [{ name: "/", body: "x" }]), InvalidArgumentError);
  await rejects(
    client.uploadSnowball("b-1", [{ name: "k", body: 5 as unknown as string }]),
    /body of "k"/,
  );
  await rejects(
    client.uploadSnowball("b-1", [{ name: "k", body: "x", mtime: new Date(-1000) }]),
    /after 1970/,
  );
  await rejects(
    client.uploadSnowball("b-1", [{ name: "k", body: "x" }], { prefix: "ü" }),
    /prefix/,
  );
  await rejects(
    client.uploadSnowball("b-1", [{ name: "k", body: null as unknown as string }], {
      compression: true,
    }),
    InvalidArgumentError,
  );
  await rejects(
    client.uploadSnowball("b-1", 7 as unknown as []),
    /objects must be an object; got the number 7/,
  );
  await rejects(client.uploadSnowball("B_1!", []), InvalidArgumentError);
  equal(sent.length, 0);
});

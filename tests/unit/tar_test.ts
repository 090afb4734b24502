// The tar writer: header layout and checksum, pax records, and what GNU tar reads.
import { deepEqual, equal, match, ok, test } from "../harness.ts";
import { BLOCK, paxRecord, tarEnd, tarEntryBlocks, ustarHeader } from "../../src/s3/batch/tar.ts";
import { readTar, runTar } from "./tar_reader.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();
const MTIME = new Date("2024-01-02T03:04:05Z");

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

const text = (b: Uint8Array, from: number, length: number) =>
  dec.decode(b.subarray(from, from + length));

test("ustar header: field layout, octal numbers and the checksum", () => {
  const blocks = tarEntryBlocks({ name: "dir/a.txt", data: enc.encode("hello"), mtime: MTIME });
  const all = concat(blocks);
  equal(all.length, 2 * BLOCK); // header + one padded data block
  const h = all.subarray(0, BLOCK);
  equal(text(h, 0, 10), "dir/a.txt\0");
  equal(text(h, 100, 8), "0000644\0");
  equal(text(h, 108, 8), "0000000\0");
  equal(text(h, 124, 12), "00000000005\0");
  equal(text(h, 136, 12), (MTIME.getTime() / 1000).toString(8).padStart(11, "0") + "\0");
  equal(text(h, 156, 1), "0");
  equal(text(h, 257, 8), "ustar\u000000");
  // The checksum: the header's byte sum with its own field read as spaces,
  // six octal digits, NUL, space.
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  equal(text(h, 148, 8), sum.toString(8).padStart(6, "0") + "\0 ");
  equal(text(all, BLOCK, 5), "hello");
  ok(all.subarray(BLOCK + 5).every((b) => b === 0), "data padded with zeros");
  deepEqual(ustarHeader(enc.encode("dir/a.txt"), 5, MTIME.getTime() / 1000, "0"), h);
});

test("pax records count the digits of their own length", () => {
  for (const char of ["x", "é"]) {
    for (let n = 0; n < 1100; n++) {
      const record = paxRecord("path", char.repeat(n));
      const length = Number(record.slice(0, record.indexOf(" ")));
      equal(length, enc.encode(record).length, `${n} x ${char}`);
      ok(record.endsWith("\n"));
    }
  }
  // Bytes, not characters: "ä" is two.
  equal(paxRecord("path", "ä"), "11 path=ä\n");
});

test("long and non-ASCII names go in a pax path; the archive ends with two zero blocks", () => {
  const long = "deep/".repeat(40) + "file.txt";
  const archive = concat([
    ...tarEntryBlocks({ name: long, data: new Uint8Array(600).fill(7), mtime: MTIME }),
    ...tarEntryBlocks({ name: "ünï/cödé.txt", data: enc.encode("u"), mtime: MTIME }),
    ...tarEntryBlocks({ name: "empty", data: new Uint8Array(0), mtime: MTIME }),
    tarEnd(),
  ]);
  equal(archive.length % BLOCK, 0);
  ok(archive.subarray(-2 * BLOCK).every((b) => b === 0));
  const entries = readTar(archive);
  deepEqual(entries.map((e) => [e.name, e.data.length, e.mtime]), [
    [long, 600, MTIME.getTime() / 1000],
    ["ünï/cödé.txt", 1, MTIME.getTime() / 1000],
    ["empty", 0, MTIME.getTime() / 1000],
  ]);
  // The pax header itself is a type "x" entry before the file it describes.
  equal(text(archive, 156, 1), "x");
  match(text(archive, BLOCK, 20), /^\d+ path=deep\//);
});

test("GNU tar lists and extracts what we write, plain and gzipped", async () => {
  const long = "nested/".repeat(20) + "long-name.bin";
  const archive = concat([
    ...tarEntryBlocks({ name: "a.txt", data: enc.encode("AAA"), mtime: MTIME }),
    ...tarEntryBlocks({ name: long, data: new Uint8Array([0, 1, 2, 255]), mtime: MTIME }),
    ...tarEntryBlocks({
      name: "dir/ü.txt",
      data: enc.encode("ü"),
      mtime: MTIME,
      pax: { "minio.metadata.X-Amz-Meta-Color": "red" },
    }),
    tarEnd(),
  ]);
  const listing = await runTar(archive, ["-tv", "--full-time", "--quoting-style=literal"]);
  if (listing === undefined) return; // no tar program here
  const lines = listing.trimEnd().split("\n");
  equal(lines.length, 3);
  match(lines[0], /^-rw-r--r-- 0\/0\s+3 2024-01-02 03:04:05 a\.txt$/);
  ok(lines[1].endsWith(` 4 2024-01-02 03:04:05 ${long}`), lines[1]);
  ok(lines[2].endsWith(" dir/ü.txt"), lines[2]);
  equal(await runTar(archive, ["-xO", "dir/ü.txt"]), "ü");
  equal(await runTar(archive, ["-xO", "a.txt"]), "AAA");

  const gz = new Uint8Array(
    await new Response(
      new Blob([archive as BlobPart]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer(),
  );
  equal(
    (await runTar(gz, ["-tz", "--quoting-style=literal"]))?.trimEnd(),
    ["a.txt", long, "dir/ü.txt"].join("\n"),
  );
});

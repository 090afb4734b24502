/**
 * A minimal tar reader for tests, written from the POSIX layout independently
 * of src/s3/batch/tar.ts: it checks every header's checksum and applies pax
 * `path` records.
 */

/** One file read back from an archive. */
export interface ReadEntry {
  name: string;
  data: Uint8Array;
  mtime: number;
  pax: Record<string, string>;
}

const dec = new TextDecoder();

function field(h: Uint8Array, offset: number, length: number): string {
  const bytes = h.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return dec.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return parseInt(field(h, 148, 8).trim(), 8) === sum;
}

function parsePax(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const bytes = new TextEncoder().encode(text);
  let pos = 0;
  while (pos < bytes.length) {
    const space = bytes.indexOf(0x20, pos);
    const length = Number(dec.decode(bytes.subarray(pos, space)));
    const record = dec.decode(bytes.subarray(space + 1, pos + length - 1));
    if (bytes[pos + length - 1] !== 0x0a) throw new Error("pax record length is wrong");
    const eq = record.indexOf("=");
    out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += length;
  }
  return out;
}

/** Reads every regular file of an uncompressed archive; throws on a bad header. */
export function readTar(archive: Uint8Array): ReadEntry[] {
  if (archive.length % 512 !== 0) throw new Error("archive is not a whole number of blocks");
  const out: ReadEntry[] = [];
  let pax: Record<string, string> = {};
  let pos = 0;
  for (;;) {
    const h = archive.subarray(pos, pos + 512);
    if (h.every((b) => b === 0)) {
      const next = archive.subarray(pos + 512, pos + 1024);
      if (next.length !== 512 || !next.every((b) => b === 0)) throw new Error("no end blocks");
      if (pos + 1024 !== archive.length) throw new Error("data after the end blocks");
      return out;
    }
    if (!checksumOk(h)) throw new Error(`bad checksum at ${pos}`);
    if (field(h, 257, 6) !== "ustar" || field(h, 263, 2) !== "00") throw new Error("not ustar");
    const size = parseInt(field(h, 124, 12), 8);
    const data = archive.subarray(pos + 512, pos + 512 + size);
    const type = String.fromCharCode(h[156]);
    if (type === "x") {
      pax = parsePax(dec.decode(data));
    } else if (type === "0") {
      out.push({
        name: pax.path ?? field(h, 0, 100),
        data,
        mtime: parseInt(field(h, 136, 12), 8),
        pax,
      });
      pax = {};
    } else {
      throw new Error(`unexpected type ${type}`);
    }
    pos += 512 + Math.ceil(size / 512) * 512;
  }
}

/**
 * Runs the system's `tar` with `args` on the archive (written to a temporary
 * file) and returns its output; `undefined` when there is no `tar` program.
 */
export async function runTar(archive: Uint8Array, args: string[]): Promise<string | undefined> {
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const env = { TZ: "UTC", LC_ALL: "C.UTF-8", PATH: "/usr/bin:/bin:/usr/local/bin" };
  if (spawnSync("tar", ["--version"], { env }).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "tar-test-"));
  try {
    const file = join(dir, "a.tar");
    writeFileSync(file, archive);
    const r = spawnSync("tar", [...args, "-f", file], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`tar ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

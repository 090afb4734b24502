/**
 * Writing POSIX tar archives (ustar, with pax extended headers where ustar
 * cannot say it): 512-byte headers with an octal checksum, data padded to
 * 512 bytes, and two zero blocks at the end. Enough for MinIO's snowball
 * auto-extract, which reads them with Go's archive/tar.
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";

/** Size of a tar block. */
export const BLOCK = 512;

/** One file of an archive. */
export interface TarEntry {
  /** Path inside the archive, any length and any Unicode. */
  name: string;
  /** File content. */
  data: Uint8Array;
  /** Modification time (default: now). */
  mtime?: Date;
  /** More pax records, such as MinIO's `minio.metadata.<Header>`. */
  pax?: Record<string, string>;
}

const enc = new TextEncoder();
const USTAR_NAME = 100;
// The size field holds 11 octal digits: up to 8 GiB - 1.
const MAX_USTAR_SIZE = 8 ** 11 - 1;

/** `value` as zero-padded octal in a field of `width` bytes ending in NUL. */
function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function put(block: Uint8Array, offset: number, text: string | Uint8Array): void {
  block.set(typeof text === "string" ? enc.encode(text) : text, offset);
}

/**
 * One 512-byte ustar header. The checksum is the sum of the header's bytes
 * with the checksum field itself counted as eight spaces.
 */
export function ustarHeader(
  name: Uint8Array,
  size: number,
  mtimeSeconds: number,
  typeflag: "0" | "x",
): Uint8Array {
  const h = new Uint8Array(BLOCK);
  put(h, 0, name.subarray(0, USTAR_NAME));
  put(h, 100, octal(0o644, 8)); // mode
  put(h, 108, octal(0, 8)); // uid
  put(h, 116, octal(0, 8)); // gid
  put(h, 124, octal(size, 12));
  put(h, 136, octal(mtimeSeconds, 12));
  put(h, 148, "        "); // checksum placeholder
  put(h, 156, typeflag);
  put(h, 257, "ustar\0"); // magic
  put(h, 263, "00"); // version
  let sum = 0;
  for (const b of h) sum += b;
  put(h, 148, sum.toString(8).padStart(6, "0") + "\0 ");
  return h;
}

/**
 * A pax record, `"<length> <key>=<value>\n"`, whose length counts the
 * digits of the length itself.
 */
export function paxRecord(key: string, value: string): string {
  const rest = enc.encode(` ${key}=${value}\n`).length;
  let length = rest + String(rest).length;
  if (String(length).length > String(rest).length) length += 1;
  return `${length} ${key}=${value}\n`;
}

function padding(length: number): Uint8Array {
  return new Uint8Array((BLOCK - length % BLOCK) % BLOCK);
}

// Names ustar can hold as they are: printable ASCII within 100 bytes.
const PLAIN_NAME = /^[\x20-\x7e]{1,100}$/;

/**
 * The blocks of one entry: a pax header when the name is long or not ASCII
 * or extra records are given, the ustar header, the data and its padding.
 */
export function tarEntryBlocks(entry: TarEntry): Uint8Array[] {
  const { name, data } = entry;
  if (data.length > MAX_USTAR_SIZE) {
    throw new InvalidArgumentError(`tar entry ${JSON.stringify(name)} is too large`);
  }
  const mtime = entry.mtime ?? new Date();
  const seconds = Math.floor(mtime.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > 8 ** 11 - 1) {
    throw new InvalidArgumentError(`mtime of ${JSON.stringify(name)} must be a Date after 1970`);
  }
  const records: string[] = [];
  if (!PLAIN_NAME.test(name)) records.push(paxRecord("path", name));
  for (const [k, v] of Object.entries(entry.pax ?? {})) records.push(paxRecord(k, v));
  const blocks: Uint8Array[] = [];
  if (records.length) {
    const pax = enc.encode(records.join(""));
    blocks.push(ustarHeader(enc.encode("PaxHeaders/entry"), pax.length, seconds, "x"));
    blocks.push(pax, padding(pax.length));
  }
  // With a pax path, the ustar name is only a fallback for old readers.
  const fallback = PLAIN_NAME.test(name) ? name : name.replace(/[^\x20-\x7e]/g, "_").slice(-100);
  blocks.push(ustarHeader(enc.encode(fallback), data.length, seconds, "0"));
  blocks.push(data, padding(data.length));
  return blocks;
}

/** The end of an archive: two zero blocks. */
export function tarEnd(): Uint8Array {
  return new Uint8Array(2 * BLOCK);
}

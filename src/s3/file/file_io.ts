/**
 * The file system for fPutObject / fGetObject: Deno's own API on Deno, and
 * `node:fs/promises` on Node and Bun, looked up only when a file helper runs
 * (through `process.getBuiltinModule`, so no bundler or JSR module graph sees
 * it and a Workers or browser bundle never loads it).
 *
 * @module
 */

import { InvalidArgumentError } from "../../base/errors.ts";

/** An open file to read from the start, straight into the caller's buffers. */
export interface ReadableFile {
  size: number;
  /** Reads into `into`; returns the bytes read, 0 at the end. */
  read(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

/** What the file helpers need from a runtime. */
export interface FileSystem {
  openRead(path: string): Promise<ReadableFile>;
  /** Writes `chunks` to `path`; on error the file is removed. */
  writeAll(path: string, chunks: AsyncIterable<Uint8Array>): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

interface DenoFile {
  read(p: Uint8Array): Promise<number | null>;
  writable: WritableStream<Uint8Array>;
  close(): void;
}
interface DenoFs {
  open(path: string, o?: Record<string, boolean>): Promise<DenoFile>;
  stat(path: string): Promise<{ size: number; isFile: boolean }>;
  rename(a: string, b: string): Promise<void>;
  remove(p: string): Promise<void>;
}

function denoFs(deno: DenoFs): FileSystem {
  return {
    async openRead(path) {
      const info = await deno.stat(path);
      if (!info.isFile) throw new InvalidArgumentError(`${path} is not a file`);
      const file = await deno.open(path, { read: true });
      return {
        size: info.size,
        read: async (into) => (await file.read(into)) ?? 0,
        close: () => Promise.resolve(file.close()),
      };
    },
    async writeAll(path, chunks) {
      const file = await deno.open(path, { write: true, create: true, truncate: true });
      const writer = file.writable.getWriter();
      try {
        for await (const c of chunks) await writer.write(c);
        await writer.close();
      } catch (e) {
        await writer.abort(e).catch(() => {});
        await deno.remove(path).catch(() => {});
        throw e;
      }
    },
    rename: (a, b) => deno.rename(a, b),
    remove: (p) => deno.remove(p),
  };
}

interface NodeHandle {
  read(
    buf: Uint8Array,
    off: number,
    len: number,
    pos: number | null,
  ): Promise<{ bytesRead: number }>;
  write(buf: Uint8Array): Promise<unknown>;
  stat(): Promise<{ size: number; isFile(): boolean }>;
  close(): Promise<void>;
}
interface NodeFsPromises {
  open(path: string, flags: string): Promise<NodeHandle>;
  rename(a: string, b: string): Promise<void>;
  rm(p: string, o: { force: boolean }): Promise<void>;
}

function nodeFs(fs: NodeFsPromises): FileSystem {
  return {
    async openRead(path) {
      const fh = await fs.open(path, "r");
      const info = await fh.stat();
      if (!info.isFile()) {
        await fh.close();
        throw new InvalidArgumentError(`${path} is not a file`);
      }
      return {
        size: info.size,
        read: async (into) => (await fh.read(into, 0, into.length, null)).bytesRead,
        close: () => fh.close(),
      };
    },
    async writeAll(path, chunks) {
      const fh = await fs.open(path, "w");
      try {
        for await (const c of chunks) await fh.write(c);
        await fh.close();
      } catch (e) {
        await fh.close().catch(() => {});
        await fs.rm(path, { force: true }).catch(() => {});
        throw e;
      }
    },
    rename: (a, b) => fs.rename(a, b),
    remove: (p) => fs.rm(p, { force: true }),
  };
}

/** The runtime's file system, or an error where there is none. */
// deno-lint-ignore require-await -- async so that a missing file system rejects, never throws.
export async function fileSystem(): Promise<FileSystem> {
  const g = globalThis as {
    Deno?: DenoFs;
    process?: { getBuiltinModule?: (id: string) => unknown };
  };
  if (g.Deno) return denoFs(g.Deno);
  // Node (20.16 and later) and Bun: a run-time lookup, not an import, so no
  // bundle and no JSR module graph ever names node:fs.
  const fs = g.process?.getBuiltinModule?.("node:fs/promises") as NodeFsPromises | undefined;
  if (fs) return nodeFs(fs);
  throw new InvalidArgumentError("fPutObject / fGetObject need a file system (Deno, Bun or Node)");
}

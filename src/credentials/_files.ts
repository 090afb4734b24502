/**
 * Reading a small text file for the file-based credential providers:
 * Deno's own API on Deno, `node:fs/promises` on Node and Bun, looked up
 * only when a provider reads (through `process.getBuiltinModule`, so no
 * bundler or JSR module graph sees it), and a clear error on Workers and
 * browsers, which have no file system.
 *
 * @module
 */

import { InvalidArgumentError } from "../base/errors.ts";
import { readEnv } from "../base/env.ts";

interface Runtime {
  Deno?: { readTextFile(path: string): Promise<string> };
  process?: { getBuiltinModule?: (id: string) => unknown };
}

/** A function reading a whole file as UTF-8, or an error naming `who` where there is none. */
export function textFileReader(who: string): (path: string) => Promise<string> {
  const g = globalThis as Runtime;
  if (g.Deno) return (path) => g.Deno!.readTextFile(path);
  const fs = g.process?.getBuiltinModule?.("node:fs/promises") as
    | { readFile(path: string, encoding: "utf8"): Promise<string> }
    | undefined;
  if (fs) return (path) => fs.readFile(path, "utf8");
  throw new InvalidArgumentError(
    `${who} reads files: this runtime has no file system (it needs Deno, Bun or Node)`,
  );
}

/** The home folder (`HOME`, else `USERPROFILE`), or an error naming `who`. */
export function homeDir(who: string): string {
  const home = readEnv("HOME") || readEnv("USERPROFILE");
  if (!home) throw new InvalidArgumentError(`${who}: HOME is not set; pass the file's path`);
  return home;
}

/** Whether `e` says the file does not exist (Deno's NotFound, Node's ENOENT). */
export function isNotFound(e: unknown): boolean {
  return (e as { code?: string })?.code === "ENOENT" || (e as Error)?.name === "NotFound";
}

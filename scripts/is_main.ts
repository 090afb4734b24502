/**
 * Whether a module is the script the runtime was started with, for the
 * build and bench scripts that are both run and imported. Deno and Bun say
 * so in `import.meta.main`; Node (through tsx) compares the script path.
 *
 * @example
 * ```ts
 * import { isMain } from "./is_main.ts";
 * if (isMain(import.meta)) console.log("run, not imported");
 * ```
 *
 * @module
 */

import { resolve } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";

/** `true` when the module of `meta` was started as the script. */
export function isMain(meta: ImportMeta): boolean {
  const main = (meta as { main?: boolean }).main;
  if (main !== undefined) return main;
  const script = process.argv[1];
  return !!script && pathToFileURL(resolve(script)).href === meta.url.split("?")[0];
}

/**
 * What each entry of the JSR package loads from source, read from Deno's own
 * module graph (`deno info --json`, which lists static imports and `import()`
 * of a literal path alike): `.` (mod.ts) reaches no admin module and not the
 * argon2id WebAssembly, which `./admin` (admin.ts) does reach, so the check
 * looks for something that is there to find.
 *
 *   deno test -A tests/package/entry_graph_test.ts
 *   node --import tsx --test tests/package/entry_graph_test.ts
 *
 * @module
 */

import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ok, test } from "../harness.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DENO = join(ROOT, "node_modules/.bin/deno");
/** The module holding the argon2id WebAssembly as base64. */
const WASM_BYTES = "src/admin/crypto/argon2_wasm_bytes.ts";

/** The repository files in the module graph of `entry`, as paths relative to the root. */
function graph(entry: string): string[] {
  const out = execFileSync(DENO, ["info", "--json", entry], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const root = pathToFileURL(ROOT).href + "/";
  const { modules } = JSON.parse(out) as { modules: { specifier: string }[] };
  return modules.map((m) => m.specifier).filter((s) => s.startsWith(root))
    .map((s) => s.slice(root.length));
}

test("entry graph: . (mod.ts) loads no src/admin module and no WebAssembly", () => {
  const files = graph("mod.ts");
  ok(files.includes("src/s3/client.ts"), `mod.ts reaches ${files.length} files, not the client`);
  const admin = files.filter((f) => f.startsWith("src/admin/") || f.startsWith("wasm/"));
  ok(admin.length === 0, `mod.ts reaches ${admin.join(", ")}`);
});

test("entry graph: ./admin (admin.ts) reaches the admin client and the WebAssembly", () => {
  const files = graph("admin.ts");
  for (const f of ["src/admin/client.ts", WASM_BYTES]) ok(files.includes(f), `admin.ts lacks ${f}`);
});

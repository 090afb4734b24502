/**
 * Emits the package's declaration files: dts-bundle-generator runs the pinned
 * TypeScript over every entry of npm/spec.ts at once (settings in
 * npm/tsconfig.types.json) and inlines every declaration reachable from them
 * into one shared file (`types.d.ts`), so a class both entries use is
 * declared once, as it is one class at run time; each entry's `<name>.d.ts`
 * re-exports its own names from it. The package needs no other `.d.ts` and
 * no `@types` dependency. The entry files are then compiled, as an
 * application would load them, and any error fails the build.
 *
 * @module
 */

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { generateDtsBundle } from "dts-bundle-generator";
import ts from "typescript";
import {
  type BuiltFile,
  ENTRIES,
  forNpm,
  type PackageEntry,
  SHARED_TYPES,
  typesFile,
} from "./spec.ts";

const CONFIG = "npm/tsconfig.types.json";

/**
 * Writes `types.d.ts` and one `<name>.d.ts` per entry into `outDir`.
 * `entries` are the package's (npm/spec.ts), sources relative to `root`.
 */
export async function buildTypes(
  root: string,
  outDir: string,
  entries: readonly PackageEntry[] = ENTRIES,
): Promise<BuiltFile[]> {
  const shared = join(outDir, SHARED_TYPES);
  const sharing = entries.filter((e) => !e.ownTypes);
  await writeFile(shared, forNpm(await bundleDeclarations(root, sharing)));
  const from = JSON.stringify(`./${SHARED_TYPES.replace(/\.d\.ts$/, ".js")}`);
  const names = exportedNames(root, sharing);
  const files = [shared];
  for (const [i, entry] of sharing.entries()) {
    const file = join(outDir, typesFile(entry));
    const list = names[i].map((n) => `  ${n},\n`).join("");
    await writeFile(file, `export {\n${list}} from ${from};\n`);
    files.push(file);
  }
  for (const entry of entries.filter((e) => e.ownTypes)) {
    const file = join(outDir, typesFile(entry));
    await writeFile(file, forNpm(await bundleDeclarations(root, [entry])));
    files.push(file);
  }
  checkDeclarations(files.slice(1));
  return Promise.all(files.map(async (path) => ({ path, bytes: (await readFile(path)).length })));
}

/** The declarations of every entry, bundled from one module that re-exports them all. */
async function bundleDeclarations(root: string, entries: readonly PackageEntry[]): Promise<string> {
  // dts-bundle-generator reads its entry from a file: a temporary one.
  const dir = await mkdtemp(join(tmpdir(), "minio-edge-types-"));
  try {
    const all = join(dir, "all.ts");
    const text = entries.map((e) => `export * from ${JSON.stringify(join(root, e.source))};\n`);
    await writeFile(all, text.join(""));
    const [bundled] = generateDtsBundle(
      [{ filePath: all, output: { noBanner: true, exportReferencedTypes: false } }],
      { preferredConfigPath: join(root, CONFIG) },
    );
    return bundled;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Each entry's exported names, in source order, a type-only one marked
 * `type`. Entries export disjoint names (one declaration file holds them all).
 */
function exportedNames(root: string, entries: readonly PackageEntry[]): string[][] {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, CONFIG), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  const files = entries.map((e) => join(root, e.source));
  const program = ts.createProgram(files, { ...config?.options, noEmit: true });
  const checker = program.getTypeChecker();
  const seen = new Map<string, string>();
  return entries.map((entry, i) => {
    const source = program.getSourceFile(files[i]);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`TypeScript did not read ${entry.source}`);
    return checker.getExportsOfModule(module).map((symbol) => {
      const name = symbol.getName();
      const other = seen.get(name);
      if (other) throw new Error(`${entry.source} and ${other} both export ${name}`);
      seen.set(name, entry.source);
      const target = symbol.flags & ts.SymbolFlags.Alias
        ? checker.getAliasedSymbol(symbol)
        : symbol;
      return target.flags & ts.SymbolFlags.Value ? name : `type ${name}`;
    });
  });
}

/** Type-checks the emitted entry files (and what they import), with lib checking on. */
function checkDeclarations(files: string[]): void {
  const program = ts.createProgram(files, {
    noEmit: true,
    strict: true,
    skipLibCheck: false,
    types: [],
    lib: ["lib.esnext.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.dom.asynciterable.d.ts"],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => "\n",
    };
    throw new Error(
      `${files.join(", ")} do not compile:\n${ts.formatDiagnostics(diagnostics, host)}`,
    );
  }
}

/**
 * Emits the package's one declaration file: dts-bundle-generator runs the
 * pinned TypeScript over mod.ts (settings in npm/tsconfig.types.json) and
 * inlines every declaration reachable from it, so the package needs no other
 * `.d.ts` and no `@types` dependency. The result is then compiled on its own,
 * as an application would load it, and any error fails the build.
 *
 * @module
 */

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import process from "node:process";
import { generateDtsBundle } from "dts-bundle-generator";
import ts from "typescript";
import type { BuiltFile } from "./build.ts";
import { forNpm } from "./manifest.ts";

/** Writes the bundled declarations of `root`/mod.ts to `outFile`. */
export async function buildTypes(root: string, outFile: string): Promise<BuiltFile> {
  const [text] = generateDtsBundle(
    [{ filePath: join(root, "mod.ts"), output: { noBanner: true, exportReferencedTypes: false } }],
    { preferredConfigPath: join(root, "npm/tsconfig.types.json") },
  );
  await writeFile(outFile, forNpm(text));
  checkDeclarations(outFile);
  return { path: outFile, bytes: (await readFile(outFile)).length };
}

/** Type-checks the emitted file alone, with lib checking on. */
function checkDeclarations(file: string): void {
  const program = ts.createProgram([file], {
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
    throw new Error(`${file} does not compile:\n${ts.formatDiagnostics(diagnostics, host)}`);
  }
}

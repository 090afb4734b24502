/**
 * The publishable package's metadata: `package.json` (name, version from
 * deno.json so JSR and npm never drift, an `exports` subpath per entry of
 * npm/spec.ts with every condition, zero dependencies) and the README,
 * LICENSE and argon2id WebAssembly module beside it.
 *
 * @module
 */

import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ASSETS,
  type BuiltFile,
  type BundleSpec,
  CONDITIONS,
  ENTRIES,
  entryFile,
  forNpm,
  PACKAGE_NAME,
  type PackageEntry,
  SHARED_TYPES,
  typesFile,
} from "./spec.ts";

const REPOSITORY = "https://github.com/minio-edge/minio-edge";

/** The package.json of the published package. */
export function packageJson(
  version: string,
  bundles: readonly Pick<BundleSpec, "suffix" | "chunkDir" | "conditions" | "sourceMap">[],
  entries: readonly PackageEntry[] = ENTRIES,
): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  for (const entry of entries) {
    const target: Record<string, string> = { types: `./${typesFile(entry)}` };
    for (const condition of CONDITIONS) {
      const bundle = bundles.find((b) => b.conditions.includes(condition));
      if (!bundle) throw new Error(`no bundle serves the "${condition}" export condition`);
      target[condition] = `./${entryFile(bundle, entry)}`;
    }
    exports[entry.subpath] = target;
  }
  exports["./package.json"] = "./package.json";
  const root = exports["."] as Record<string, string> | undefined;
  if (!root) throw new Error('no entry serves the "." subpath');
  const files = bundles.flatMap((b) =>
    entries.map((e) => entryFile(b, e)).flatMap((f) => b.sourceMap ? [f, `${f}.map`] : [f])
  );
  return {
    name: PACKAGE_NAME,
    version,
    description: "MinIO and Amazon S3 SDK on fetch and Web Crypto: one ESM module for " +
      "Deno, Bun, Node.js, Cloudflare Workers and browsers, with no dependencies.",
    keywords: ["minio", "s3", "object-storage", "sigv4", "cloudflare-workers", "deno", "bun"],
    license: "MIT",
    repository: { type: "git", url: `git+${REPOSITORY}.git` },
    homepage: `${REPOSITORY}#readme`,
    bugs: { url: `${REPOSITORY}/issues` },
    type: "module",
    // Nothing runs at import time, so bundlers may drop whatever is unused
    // (the workerd bundles' argon2id.wasm is asked for at first use, not
    // registered at import).
    sideEffects: false,
    // For resolvers that predate `exports` (TypeScript's node10, old tools).
    main: root.default,
    types: root.types,
    exports,
    files: [
      ...new Set([
        ...files,
        // The chunk the entries of each build share.
        ...bundles.map((b) => b.chunkDir.split("/")[0]),
      ]),
      ...entries.map(typesFile),
      SHARED_TYPES,
      ...ASSETS.map(baseName),
    ],
    // 20.16 brought `process.getBuiltinModule`, which the file helpers and
    // the native hash use instead of importing Node built-ins.
    engines: { node: ">=20.16" },
  };
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/**
 * Writes package.json, README.md, LICENSE and the assets into `outDir`.
 * Throws when deno.json's `exports` (JSR's entries) are not {@link ENTRIES}.
 */
export async function writeManifest(
  root: string,
  outDir: string,
  bundles: readonly BundleSpec[],
): Promise<BuiltFile[]> {
  const { version, exports } = JSON.parse(await readFile(join(root, "deno.json"), "utf8"));
  const npm = Object.fromEntries(ENTRIES.map((e) => [e.subpath, `./${e.source}`]));
  if (JSON.stringify(exports) !== JSON.stringify(npm)) {
    throw new Error(
      `deno.json exports ${JSON.stringify(exports)}, npm/spec.ts ENTRIES ${JSON.stringify(npm)}`,
    );
  }
  const written: Array<[string, string | undefined]> = [
    ["package.json", JSON.stringify(packageJson(version, bundles), null, 2) + "\n"],
    ["README.md", forNpm(await readFile(join(root, "README.md"), "utf8"))],
    ["LICENSE", undefined],
    ...ASSETS.map((a): [string, undefined] => [a, undefined]),
  ];
  const out: BuiltFile[] = [];
  for (const [name, text] of written) {
    const path = join(outDir, baseName(name));
    if (text === undefined) await copyFile(join(root, name), path);
    else await writeFile(path, text);
    out.push({ path, bytes: (await readFile(path)).length });
  }
  return out;
}

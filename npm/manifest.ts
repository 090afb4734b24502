/**
 * The publishable package's metadata: `package.json` (name, version from
 * deno.json so JSR and npm never drift, `exports` conditions, zero
 * dependencies) and the README, LICENSE and argon2id WebAssembly module
 * beside it.
 *
 * @module
 */

import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuiltFile, BundleSpec } from "./build.ts";

/** The package name on npm (JSR's is the scoped one in deno.json). */
export const PACKAGE_NAME = "minio-edge";

/**
 * `exports` conditions, most specific first: a resolver takes the first key
 * it knows, so `workerd` (wrangler) has to come before `browser`, which
 * wrangler also sets, and `default` last.
 */
export const CONDITIONS = ["workerd", "browser", "deno", "bun", "node", "default"] as const;

/** One `exports` condition of the package. */
export type Condition = typeof CONDITIONS[number];

/**
 * Files copied into the package as they are, relative to the repository root.
 * `argon2id.wasm` is imported by the `workerd` bundle (`BUNDLES` in
 * npm/build.ts); the other bundle inlines it as base64.
 */
export const ASSETS: readonly string[] = ["wasm/argon2id.wasm"];

const REPOSITORY = "https://github.com/minio-edge/minio-edge";

/** The package.json of the published package. */
export function packageJson(
  version: string,
  bundles: readonly Pick<BundleSpec, "outfile" | "conditions" | "minify">[],
  types: string,
): Record<string, unknown> {
  const target: Record<string, string> = { types: `./${types}` };
  for (const condition of CONDITIONS) {
    const bundle = bundles.find((b) => b.conditions.includes(condition));
    if (!bundle) throw new Error(`no bundle serves the "${condition}" export condition`);
    target[condition] = `./${bundle.outfile}`;
  }
  const main = target.default;
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
    // (the admin client and its WebAssembly when only S3 calls are imported;
    // the workerd bundle's argon2id.wasm is asked for at first use, not
    // registered at import).
    sideEffects: false,
    // For resolvers that predate `exports` (TypeScript's node10, old tools).
    main,
    types: `./${types}`,
    exports: { ".": target, "./package.json": "./package.json" },
    files: [
      ...new Set(bundles.flatMap((b) => b.minify ? [b.outfile, `${b.outfile}.map`] : [b.outfile])),
      types,
      ...ASSETS.map(baseName),
    ],
    // 20.16 brought `process.getBuiltinModule`, which the file helpers and
    // the native hash use instead of importing Node built-ins.
    engines: { node: ">=20.16" },
  };
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/**
 * The README's examples import the JSR name; in the npm package they name
 * the npm package, so a copied example runs.
 */
export function forNpm(text: string): string {
  return text.replaceAll('from "@minio-edge/minio"', `from "${PACKAGE_NAME}"`);
}

/** Writes package.json, README.md, LICENSE and the assets into `outDir`. */
export async function writeManifest(
  root: string,
  outDir: string,
  bundles: readonly BundleSpec[],
  types: string,
): Promise<BuiltFile[]> {
  const { version } = JSON.parse(await readFile(join(root, "deno.json"), "utf8"));
  const written: Array<[string, string | undefined]> = [
    ["package.json", JSON.stringify(packageJson(version, bundles, types), null, 2) + "\n"],
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

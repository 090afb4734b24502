/**
 * What the npm package is made of, shared by the build (npm/build.ts), the
 * manifest (npm/manifest.ts) and the declarations (npm/types.ts): its name,
 * its public entries, the `exports` conditions, the shape of a bundle and of
 * a built file, and the rewrite of the JSR name in its texts. build.ts
 * imports manifest.ts and types.ts; all three import this module, which
 * imports none of them.
 *
 * @module
 */

/** The package name on npm (JSR's is the scoped one in deno.json). */
export const PACKAGE_NAME = "minio-edge";

/** The package name on JSR, as the README and JSDoc examples import it. */
export const JSR_NAME = "@minio-edge/minio";

/** One public entry of the package: a subpath of `exports` and its source. */
export interface PackageEntry {
  /** The `exports` key: `"."` or `"./<name>"`. */
  subpath: string;
  /** Its source module, relative to the repository root. */
  source: string;
  /** Base name of its outputs: `<name>.js`, `<name>.workerd.js`, `<name>.d.ts`. */
  name: string;
  /**
   * Declared in its own `<name>.d.ts` instead of re-exporting from the shared
   * `types.d.ts`: for an entry whose names are also `.`'s (the minio-js
   * entry's `Client` and `PostPolicy` are other classes than `.`'s).
   */
  ownTypes?: boolean;
}

/**
 * The public entries, the same as deno.json's `exports`: the S3 client and
 * the configuration classes; the admin client with its payload crypto and
 * the argon2id WebAssembly. An application that imports `.` alone loads
 * nothing of `./admin`; what both use is in shared chunks, loaded once.
 */
export const ENTRIES: readonly PackageEntry[] = [
  { subpath: ".", source: "mod.ts", name: "mod" },
  { subpath: "./admin", source: "admin.ts", name: "admin" },
  { subpath: "./minio-js", source: "minio-js.ts", name: "minio-js", ownTypes: true },
];

/**
 * `exports` conditions, most specific first: a resolver takes the first key
 * it knows, so `workerd` (wrangler) has to come before `browser`, which
 * wrangler also sets, and `default` last.
 */
export const CONDITIONS = ["workerd", "browser", "deno", "bun", "node", "default"] as const;

/** One `exports` condition of the package. */
export type Condition = typeof CONDITIONS[number];

/** The argon2id module's file in the package, beside the entry bundles. */
export const ARGON2_WASM_FILE = "argon2id.wasm";

/**
 * Files copied into the package as they are, relative to the repository root.
 * `argon2id.wasm` is imported by the `workerd` bundles (`BUNDLES` in
 * npm/build.ts); the others inline it as base64.
 */
export const ASSETS: readonly string[] = [`wasm/${ARGON2_WASM_FILE}`];

/**
 * The declarations every entry's `<name>.d.ts` re-exports from, so a class
 * both entries name (`InvalidArgumentError`, say) is declared once, as it is
 * one class at run time.
 */
export const SHARED_TYPES = "types.d.ts";

/**
 * One esbuild run: every entry of {@link ENTRIES} for a set of export
 * conditions, with code splitting, so the entries share one copy of the
 * common code (an `instanceof` holds across them) and what loads on first
 * use (`import()`) is a chunk of its own.
 */
export interface BundleSpec {
  /** Names the run in messages. */
  name: string;
  /** The entries bundled, by default {@link ENTRIES}. */
  entries?: readonly Pick<PackageEntry, "source" | "name">[];
  /** Put between an entry's name and `.js`: `""` gives `mod.js`, `".workerd"` `mod.workerd.js`. */
  suffix: string;
  /** Folder of the shared and lazily loaded chunks, inside the output folder. */
  chunkDir: string;
  /** Minify whitespace, identifiers and syntax. */
  minify: boolean;
  /** A linked source map (`<file>.map`, sources included) beside each output. */
  sourceMap: boolean;
  /** The `exports` conditions of package.json that resolve to these files. */
  conditions: readonly Condition[];
  /**
   * Where the argon2id WebAssembly module comes from: `"bytes"` (the
   * default), base64 bytes inlined and compiled at first use; `"import"`,
   * an import of the package's `argon2id.wasm` (see `argon2WasmImport` in
   * npm/build.ts).
   */
  argon2?: "bytes" | "import";
}

/** The file an entry's code is in, for one bundle: `mod.js`, `admin.workerd.js`. */
export function entryFile(
  spec: Pick<BundleSpec, "suffix">,
  entry: Pick<PackageEntry, "name">,
): string {
  return `${entry.name}${spec.suffix}.js`;
}

/** An entry's declaration file: `mod.d.ts`, `admin.d.ts`. */
export function typesFile(entry: Pick<PackageEntry, "name">): string {
  return `${entry.name}.d.ts`;
}

/** One file the build wrote. */
export interface BuiltFile {
  /** Absolute path of the written file. */
  path: string;
  /** Its size in bytes. */
  bytes: number;
  /** The bundle ({@link BundleSpec} `name`) it belongs to, for bundle outputs. */
  bundle?: string;
}

const JSR_IMPORT = new RegExp(`from "${JSR_NAME.replace("/", "\\/")}(/[\\w-]+)?"`, "g");

/**
 * The README's and JSDoc's examples import the JSR name (`@minio-edge/minio`,
 * `@minio-edge/minio/admin`); in the npm package they name the npm package
 * (`minio-edge`, `minio-edge/admin`), so a copied example runs.
 */
export function forNpm(text: string): string {
  return text.replace(JSR_IMPORT, (_, subpath = "") => `from "${PACKAGE_NAME}${subpath}"`);
}

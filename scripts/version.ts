/**
 * The SDK's version, set in one place: deno.json's `version`. This script
 * writes a new version there and into src/base/version.ts (the `VERSION` the
 * User-Agent carries); the npm build reads deno.json for package.json.
 *
 *   deno run -A scripts/version.ts            print the version
 *   deno run -A scripts/version.ts --check    fail when deno.json and src/base/version.ts disagree
 *   deno run -A scripts/version.ts 0.2.0      set it (semantic versioning)
 *
 * @module
 */

const root = new URL("../", import.meta.url);
const DENO_JSON = new URL("deno.json", root);
const VERSION_TS = new URL("src/base/version.ts", root);
/** Semantic Versioning 2.0.0, without build metadata (npm drops it). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const CONSTANT = /export const VERSION = "([^"]*)";/;

/** deno.json's version. */
export function denoJsonVersion(): string {
  return JSON.parse(Deno.readTextFileSync(DENO_JSON)).version;
}

/** The `VERSION` constant of src/base/version.ts. */
export function sourceVersion(): string {
  const m = Deno.readTextFileSync(VERSION_TS).match(CONSTANT);
  if (!m) throw new Error('src/base/version.ts has no `export const VERSION = "...";`');
  return m[1];
}

/** Writes `version` into deno.json and src/base/version.ts. */
export function setVersion(version: string): void {
  if (!SEMVER.test(version)) throw new Error(`${version} is not a semantic version (X.Y.Z)`);
  const deno = Deno.readTextFileSync(DENO_JSON);
  const next = deno.replace(/("version":\s*")[^"]*(")/, `$1${version}$2`);
  if (next === deno && denoJsonVersion() !== version) throw new Error("deno.json has no version");
  Deno.writeTextFileSync(DENO_JSON, next);
  const source = Deno.readTextFileSync(VERSION_TS);
  Deno.writeTextFileSync(
    VERSION_TS,
    source.replace(CONSTANT, `export const VERSION = "${version}";`),
  );
}

if (import.meta.main) {
  const [arg] = Deno.args;
  if (arg === undefined) {
    console.log(denoJsonVersion());
  } else if (arg === "--check") {
    const [deno, source] = [denoJsonVersion(), sourceVersion()];
    if (!SEMVER.test(deno)) throw new Error(`deno.json's version ${deno} is not X.Y.Z`);
    if (deno !== source) {
      console.error(
        `deno.json has ${deno}, src/base/version.ts ${source}: run scripts/version.ts ${deno}`,
      );
      Deno.exit(1);
    }
    console.log(`version ${deno}`);
  } else {
    setVersion(arg);
    console.log(`version ${arg}: deno.json, src/base/version.ts`);
  }
}

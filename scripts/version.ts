/**
 * The SDK's version, set in one place: deno.json's `version`. This script
 * writes a new version there, into src/base/version.ts (`VERSION`) and into
 * the User-Agent every request carries (`minio-edge/<version>`, a literal in
 * src/core/core.ts, where an import cost the smallest bundle 32 bytes); the
 * npm build reads deno.json for package.json.
 *
 *   deno run -A scripts/version.ts            print the version
 *   deno run -A scripts/version.ts --check    fail when the three disagree
 *   deno run -A scripts/version.ts 0.2.0      set it (semantic versioning)
 *
 * @module
 */

const root = new URL("../", import.meta.url);
const DENO_JSON = new URL("deno.json", root);
const CORE = new URL("src/core/core.ts", root);
const VERSION_TS = new URL("src/base/version.ts", root);
const CONSTANT = /(export const VERSION = ")([^"]*)(";)/;
/** Semantic Versioning 2.0.0, without build metadata (npm drops it). */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const USER_AGENT = /(headers\["user-agent"\] \?\?= "minio-edge\/)([^"]*)(";)/;

/** deno.json's version. */
export function denoJsonVersion(): string {
  return JSON.parse(Deno.readTextFileSync(DENO_JSON)).version;
}

/** The version in the User-Agent of src/core/core.ts. */
export function userAgentVersion(): string {
  const m = Deno.readTextFileSync(CORE).match(USER_AGENT);
  if (!m) throw new Error('src/core/core.ts has no `headers["user-agent"] ??= "minio-edge/..."`');
  return m[2];
}

/** The `VERSION` constant of src/base/version.ts. */
export function constantVersion(): string {
  const m = Deno.readTextFileSync(VERSION_TS).match(CONSTANT);
  if (!m) throw new Error('src/base/version.ts has no `export const VERSION = "...";`');
  return m[2];
}

/** Writes `version` into deno.json, src/base/version.ts and the User-Agent. */
export function setVersion(version: string): void {
  if (!SEMVER.test(version)) throw new Error(`${version} is not a semantic version (X.Y.Z)`);
  // Both fail before anything is written when their line is gone.
  userAgentVersion();
  constantVersion();
  const deno = Deno.readTextFileSync(DENO_JSON);
  if (!/"version":\s*"[^"]*"/.test(deno)) throw new Error("deno.json has no version");
  Deno.writeTextFileSync(DENO_JSON, deno.replace(/("version":\s*")[^"]*(")/, `$1${version}$2`));
  const core = Deno.readTextFileSync(CORE);
  Deno.writeTextFileSync(CORE, core.replace(USER_AGENT, `$1${version}$3`));
  const constant = Deno.readTextFileSync(VERSION_TS);
  Deno.writeTextFileSync(VERSION_TS, constant.replace(CONSTANT, `$1${version}$3`));
}

if (import.meta.main) {
  const [arg] = Deno.args;
  if (arg === undefined) {
    console.log(denoJsonVersion());
  } else if (arg === "--check") {
    const [deno, agent, constant] = [denoJsonVersion(), userAgentVersion(), constantVersion()];
    if (!SEMVER.test(deno)) throw new Error(`deno.json's version ${deno} is not X.Y.Z`);
    if (deno !== agent || deno !== constant) {
      console.error(
        `deno.json has ${deno}, the User-Agent (src/core/core.ts) ${agent}, ` +
          `src/base/version.ts ${constant}: run deno run -A scripts/version.ts ${deno}`,
      );
      Deno.exit(1);
    }
    console.log(`version ${deno}`);
  } else {
    setVersion(arg);
    console.log(
      `version ${arg}: deno.json, src/base/version.ts, the User-Agent in src/core/core.ts`,
    );
  }
}

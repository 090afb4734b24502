/**
 * The SDK's version and its User-Agent. The version is deno.json's
 * `version`, the one place it is set: `deno run -A scripts/version.ts X.Y.Z`
 * writes it there, here and into the User-Agent that src/core/core.ts sends
 * (a literal there: importing these constants cost the smallest bundle 32
 * bytes gzipped), and the npm build (npm/manifest.ts) reads deno.json.
 * `scripts/version.ts --check` (run by scripts/release.sh and the test
 * command) fails when they disagree. Never edit them by hand.
 *
 * @module
 */

/** The SDK's version (semantic versioning), as published to JSR and npm. */
export const VERSION = "0.1.0";

/** The User-Agent header of the SDK's requests (not sent from a page). */
export const USER_AGENT = `minio-edge/${VERSION}`;

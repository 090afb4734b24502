/**
 * The SDK's version and the User-Agent its requests carry. The version is
 * deno.json's `version`, the one place it is set: `deno run -A
 * scripts/version.ts X.Y.Z` writes it there and here, and the npm build
 * (npm/manifest.ts) reads deno.json; `scripts/version.ts --check` (run by
 * scripts/release.sh and tests/unit/version_test.ts) fails when the two
 * disagree. Never edit the constant by hand.
 *
 * @module
 */

/** The SDK's version (semantic versioning), as published to JSR and npm. */
export const VERSION = "0.1.0";

/** The User-Agent header of the SDK's requests: `minio-edge/<version>`. */
export const USER_AGENT = `minio-edge/${VERSION}`;

/**
 * Whether requests carry {@link USER_AGENT}: everywhere but in a page, where
 * Chromium drops the header and Firefox would send it and so make every
 * cross-origin request wait for a CORS preflight.
 */
export const SEND_USER_AGENT: boolean =
  typeof (globalThis as { document?: unknown }).document === "undefined";

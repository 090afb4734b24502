/**
 * The deterministic bytes both sides of the browser test make: the page
 * builds its File from them, node hashes them to check the download. The
 * same generator as `bytesOf` in tests/integration/testbed.ts.
 *
 * @module
 */

/** `n` pseudo-random bytes from `seed`. */
export function patternBytes(n, seed = 1) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
